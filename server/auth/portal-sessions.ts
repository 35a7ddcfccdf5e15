// Portal user sessions (DESIGN.md section 7): a random id in an HttpOnly cookie scoped to the
// portal's own base path, only its hash in the database, bound to the portal. Rotated at sign-in;
// revoked at sign-out, password change and deactivation; the portal's settings give the absolute
// lifetime and the idle timeout, read live so a shorter setting applies to running sessions too.
import type { Request, Response } from 'express';
import type { Kysely } from 'kysely';
import type { Db } from '../db/database';
import type { DB } from '../db/schema';
import { arg, prepareQuery } from '../db/prepared';
import { readCookie, writeCookie } from '../http/cookies';
import type { ResolvedPortal } from '../published/resolve-portal';
import { hashToken, newToken } from './tokens';

export const PORTAL_COOKIE = 'portico_portal';
/** Writing last_seen_at on every request would turn reads into writes; a minute's slack is enough. */
const TOUCH_EVERY_MS = 60_000;

type SessionPortal = Pick<ResolvedPortal, 'id' | 'basePath' | 'settings'>;

export type PortalSession = {
  userId: string;
  email: string;
  name: string;
  contactId: string | null;
  sessionHash: string;
};

const lifetimeMs = (portal: SessionPortal) => portal.settings.sessionLifetimeHours * 3600_000;
const idleMs = (portal: SessionPortal) => portal.settings.idleTimeoutMinutes * 60_000;

/** The cookie's path: the portal's base, so a browser sends it to that portal only ('/' on a custom domain). */
export const portalCookiePath = (portal: Pick<ResolvedPortal, 'basePath'>) => portal.basePath || '/';

export async function createPortalSession(trx: Kysely<DB>, portal: SessionPortal, userId: string, req: Request, now = Date.now()): Promise<string> {
  const token = newToken();
  const iso = new Date(now).toISOString();
  await trx
    .insertInto('portal_sessions')
    .values({
      id_hash: hashToken(token),
      portal_id: portal.id,
      user_id: userId,
      created_at: iso,
      last_seen_at: iso,
      expires_at: new Date(now + lifetimeMs(portal)).toISOString(),
      ip: req.ip ?? null,
      user_agent: (req.get('user-agent') ?? '').slice(0, 300) || null,
    })
    .execute();
  return token;
}

/** Sets (or, with null, clears) the session cookie; Secure when PUBLIC_URL is https or the request came over https. */
export function setPortalCookie(req: Request, res: Response, portal: SessionPortal, token: string | null, secure: boolean): void {
  writeCookie(res, PORTAL_COOKIE, token, { path: portalCookiePath(portal), secure: secure || req.secure, maxAgeMs: lifetimeMs(portal) });
}

export const hasPortalCookie = (req: Request) => readCookie(req, PORTAL_COOKIE) !== undefined;

/**
 * The signed-in user of this portal for a request, or null. A session of another portal is not
 * found (the lookup names the portal); expired or idle sessions are deleted on sight, and a user
 * who is no longer active loses every session at once.
 */
/** Every signed-in page view runs this: compiled once (server/db/prepared.ts). */
const sessionById = prepareQuery<DB, { created_at: string; expires_at: string; last_seen_at: string; id: string; email: string; name: string; status: string; contact_id: string | null }, [string, string]>((db) =>
  db
    .selectFrom('portal_sessions as s')
    .innerJoin('portal_users as u', 'u.id', 's.user_id')
    .select(['s.created_at', 's.expires_at', 's.last_seen_at', 'u.id', 'u.email', 'u.name', 'u.status', 'u.contact_id'])
    .where('s.id_hash', '=', arg(0))
    .where('s.portal_id', '=', arg(1))
    .where('u.portal_id', '=', arg(1)),
);

export async function readPortalSession(db: Db, req: Request, portal: SessionPortal, now = Date.now()): Promise<PortalSession | null> {
  const token = readCookie(req, PORTAL_COOKIE);
  if (!token) return null;
  const idHash = hashToken(token);
  const [row] = await sessionById(db, idHash, portal.id);
  if (!row) return null;
  if (row.status !== 'active') {
    await db.deleteFrom('portal_sessions').where('user_id', '=', row.id).execute();
    return null;
  }
  const lastSeen = Date.parse(row.last_seen_at);
  const ended = Date.parse(row.expires_at) <= now || Date.parse(row.created_at) + lifetimeMs(portal) <= now || now - lastSeen > idleMs(portal);
  if (ended) {
    await db.deleteFrom('portal_sessions').where('id_hash', '=', idHash).execute();
    return null;
  }
  if (now - lastSeen > TOUCH_EVERY_MS) {
    await db.updateTable('portal_sessions').set({ last_seen_at: new Date(now).toISOString() }).where('id_hash', '=', idHash).execute();
  }
  return { userId: row.id, email: row.email, name: row.name, contactId: row.contact_id, sessionHash: idHash };
}

export async function revokePortalSession(trx: Kysely<DB>, idHash: string): Promise<void> {
  await trx.deleteFrom('portal_sessions').where('id_hash', '=', idHash).execute();
}

/** Revokes every session of a portal user (password change, deactivation), optionally keeping one. */
export async function revokePortalUserSessions(trx: Kysely<DB>, userId: string, keepHash?: string): Promise<void> {
  let q = trx.deleteFrom('portal_sessions').where('user_id', '=', userId);
  if (keepHash) q = q.where('id_hash', '!=', keepHash);
  await q.execute();
}
