// Login throttling with growing delays, per account and per client address, kept in the database
// so it holds across restarts and processes. After FREE_ATTEMPTS failures in a window (per kind of key), each further
// failure doubles the wait (1 s, 2 s, 4 s, … capped at MAX_DELAY).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** An account is one person; an address may be a whole office behind NAT, so it gets more room. */
export const FREE_ATTEMPTS = { account: 5, address: 30 } as const;
export type ThrottleKey = { key: string; kind: keyof typeof FREE_ATTEMPTS };
const WINDOW_MS = 15 * 60_000;
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 15 * 60_000;

export type ThrottleCheck = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Whether any of the keys is currently blocked. */
export async function checkThrottle(db: Kysely<DB>, keys: ThrottleKey[], now = Date.now()): Promise<ThrottleCheck> {
  const rows = await db.selectFrom('auth_throttle').select(['blocked_until']).where('key', 'in', keys.map((k) => k.key)).execute();
  let until = 0;
  for (const r of rows) if (r.blocked_until) until = Math.max(until, Date.parse(r.blocked_until));
  return until > now ? { allowed: false, retryAfterSeconds: Math.ceil((until - now) / 1000) } : { allowed: true };
}

/** Records a failure for every key, inside the caller's write transaction. */
export async function recordFailure(trx: Kysely<DB>, keys: ThrottleKey[], now = Date.now()): Promise<void> {
  for (const { key, kind } of keys) {
    const row = await trx.selectFrom('auth_throttle').selectAll().where('key', '=', key).executeTakeFirst();
    const fresh = !row || now - Date.parse(row.window_started_at) > WINDOW_MS;
    const failures = fresh ? 1 : row.failures + 1;
    const over = failures - FREE_ATTEMPTS[kind] + 1;
    const blockedUntil = over > 0 ? new Date(now + Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (over - 1))).toISOString() : null;
    const values = {
      key,
      failures,
      window_started_at: fresh ? new Date(now).toISOString() : row.window_started_at,
      blocked_until: blockedUntil,
    };
    await trx
      .insertInto('auth_throttle')
      .values(values)
      .onConflict((oc) => oc.column('key').doUpdateSet({ failures, window_started_at: values.window_started_at, blocked_until: blockedUntil }))
      .execute();
  }
}

/** A successful sign-in clears the account's counter (not the address's: one good account must not unlock guessing at others). */
export async function clearFailures(trx: Kysely<DB>, key: string): Promise<void> {
  await trx.deleteFrom('auth_throttle').where('key', '=', key).execute();
}
