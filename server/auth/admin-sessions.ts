// Admin sessions: a random id in an HttpOnly cookie, only its hash in the database; rotated at
// login, revoked at logout, password change and deactivation; absolute lifetime and idle timeout.
import type { Request, Response } from 'express';
import type { Kysely } from 'kysely';
import type { Db } from '../db/database';
import type { AdminRole, DB } from '../db/schema';
import { hashToken, newToken } from './tokens';
import { readCookie, writeCookie } from '../http/cookies';

export const ADMIN_COOKIE = 'portico_admin';
const ADMIN_COOKIE_PATH = '/admin';
const LIFETIME_MS = 7 * 24 * 3600_000;
const IDLE_MS = 12 * 3600_000;
/** Writing last_seen_at on every request would turn reads into writes; a minute's slack is enough. */
const TOUCH_EVERY_MS = 60_000;

export type AdminPrincipal = { id: string; email: string; name: string; role: AdminRole; sessionHash: string };

export async function createAdminSession(trx: Kysely<DB>, adminId: string, req: Request, now = Date.now()): Promise<string> {
  const token = newToken();
  const iso = new Date(now).toISOString();
  await trx
    .insertInto('admin_sessions')
    .values({
      id_hash: hashToken(token),
      admin_id: adminId,
      created_at: iso,
      last_seen_at: iso,
      expires_at: new Date(now + LIFETIME_MS).toISOString(),
      ip: req.ip ?? null,
      user_agent: (req.get('user-agent') ?? '').slice(0, 300) || null,
    })
    .execute();
  return token;
}

export function setAdminCookie(req: Request, res: Response, token: string | null, secure: boolean): void {
  writeCookie(res, ADMIN_COOKIE, token, { path: ADMIN_COOKIE_PATH, secure: secure || req.secure, maxAgeMs: LIFETIME_MS });
}

/** The signed-in admin for a request, or null. Expired or idle sessions are deleted on sight. */
export async function readAdminSession(db: Db, req: Request, now = Date.now()): Promise<AdminPrincipal | null> {
  const token = readCookie(req, ADMIN_COOKIE);
  if (!token) return null;
  const idHash = hashToken(token);
  const row = await db
    .selectFrom('admin_sessions as s')
    .innerJoin('admins as a', 'a.id', 's.admin_id')
    .select(['s.id_hash', 's.expires_at', 's.last_seen_at', 'a.id', 'a.email', 'a.name', 'a.role', 'a.active'])
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return null;
  const lastSeen = Date.parse(row.last_seen_at);
  if (!row.active || Date.parse(row.expires_at) <= now || now - lastSeen > IDLE_MS) {
    await db.deleteFrom('admin_sessions').where('id_hash', '=', idHash).execute();
    return null;
  }
  if (now - lastSeen > TOUCH_EVERY_MS) {
    await db.updateTable('admin_sessions').set({ last_seen_at: new Date(now).toISOString() }).where('id_hash', '=', idHash).execute();
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role, sessionHash: idHash };
}

export async function revokeSession(trx: Kysely<DB>, idHash: string): Promise<void> {
  await trx.deleteFrom('admin_sessions').where('id_hash', '=', idHash).execute();
}

/** Revokes every session of an admin (password change, deactivation), optionally keeping one. */
export async function revokeAllSessions(trx: Kysely<DB>, adminId: string, keepHash?: string): Promise<void> {
  let q = trx.deleteFrom('admin_sessions').where('admin_id', '=', adminId);
  if (keepHash) q = q.where('id_hash', '!=', keepHash);
  await q.execute();
}
