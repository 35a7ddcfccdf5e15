// Housekeeping: what has expired is deleted, not only when it is next seen. Sessions past their
// absolute lifetime (admin and portal), tokens a day after they expired or were used, throttle
// entries whose window and block are over. Runs in the process that delivers the outbox (one per
// installation), at start and then hourly; each sweep is one short transaction.
import type { Db } from '../db/database';
import { writeTx } from '../db/database';

const EVERY_MS = 60 * 60_000;
const DAY_MS = 24 * 3600_000;
/** Throttle windows are 15 minutes; a day later nothing is left to remember. */
const THROTTLE_KEEP_MS = DAY_MS;

export type SweepResult = { adminSessions: number; portalSessions: number; tokens: number; throttles: number; actionRuns: number };

/** How long an action's answer is kept for its idempotency key (a retry comes within minutes). */
export const ACTION_RUN_KEEP_MS = 7 * DAY_MS;

export async function sweepExpired(db: Db, now = Date.now()): Promise<SweepResult> {
  const iso = new Date(now).toISOString();
  const dayAgo = new Date(now - DAY_MS).toISOString();
  const throttleAgo = new Date(now - THROTTLE_KEEP_MS).toISOString();
  return writeTx(db, async (trx) => {
    const count = (r: { numDeletedRows: bigint }) => Number(r.numDeletedRows);
    const adminSessions = count(await trx.deleteFrom('admin_sessions').where('expires_at', '<=', iso).executeTakeFirst());
    const portalSessions = count(await trx.deleteFrom('portal_sessions').where('expires_at', '<=', iso).executeTakeFirst());
    const tokens = count(
      await trx
        .deleteFrom('portal_tokens')
        .where((eb) => eb.or([eb('expires_at', '<=', dayAgo), eb('used_at', '<=', dayAgo)]))
        .executeTakeFirst(),
    );
    const throttles = count(
      await trx
        .deleteFrom('auth_throttle')
        .where('window_started_at', '<=', throttleAgo)
        .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<=', iso)]))
        .executeTakeFirst(),
    );
    const actionRuns = count(await trx.deleteFrom('action_runs').where('created_at', '<=', new Date(now - ACTION_RUN_KEEP_MS).toISOString()).executeTakeFirst());
    return { adminSessions, portalSessions, tokens, throttles, actionRuns };
  });
}

export function startHousekeeping(db: Db, log: (msg: string) => void): { stop: () => Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = sweepExpired(db).then(
      () => undefined,
      (err: unknown) => log(`housekeeping: ${err instanceof Error ? err.message : String(err)}`),
    );
  };
  run();
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  // Stopping waits for a sweep in flight, so the database is not closed under it.
  return { stop: () => (clearInterval(timer), running) };
}
