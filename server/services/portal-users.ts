// Portal users' single-use tokens (invitation, email confirmation, password reset, magic link) and
// the helpers other services call: invitations and revoking a user's sessions. A token is random,
// only its hash is stored, it is bound to portal, user and purpose, it expires, and it is redeemed
// once, atomically (`update … set used_at … where used_at is null` and one row changed).
import type { Kysely } from 'kysely';
import type { DB, PortalTokenPurpose } from '../db/schema';
import { revokePortalUserSessions } from '../auth/portal-sessions';
import { hashToken, newToken } from '../auth/tokens';
import { enqueueEmail } from './outbox';

export const TOKEN_LIFETIME_MS: Record<PortalTokenPurpose, number> = {
  invite: 7 * 24 * 3600_000,
  'confirm-email': 2 * 24 * 3600_000,
  'reset-password': 3600_000,
  'magic-link': 15 * 60_000,
};

/** How each token's lifetime reads in its email. */
export const TOKEN_LIFETIME_TEXT: Record<PortalTokenPurpose, string> = {
  invite: '7 days',
  'confirm-email': '2 days',
  'reset-password': '1 hour',
  'magic-link': '15 minutes',
};

/** Where each token's link opens, relative to the portal's base (see server/published/auth-routes.ts). */
export function tokenPath(purpose: PortalTokenPurpose, token: string): string {
  switch (purpose) {
    case 'invite':
      return `/invite/${token}`;
    case 'confirm-email':
      return `/confirm-email?token=${token}`;
    case 'reset-password':
      return `/reset-password?token=${token}`;
    case 'magic-link':
      return `/magic-link?token=${token}`;
  }
}

/**
 * Issues a token. Earlier unused tokens of the same user and purpose stop working: only the link in
 * the newest email is valid, so an old email lying around is worth nothing.
 */
export async function issueToken(trx: Kysely<DB>, input: { portalId: string; userId: string; purpose: PortalTokenPurpose }, now = Date.now()): Promise<string> {
  const token = newToken();
  const iso = new Date(now).toISOString();
  await trx
    .updateTable('portal_tokens')
    .set({ used_at: iso })
    .where('user_id', '=', input.userId)
    .where('purpose', '=', input.purpose)
    .where('used_at', 'is', null)
    .execute();
  await trx
    .insertInto('portal_tokens')
    .values({
      id_hash: hashToken(token),
      portal_id: input.portalId,
      user_id: input.userId,
      purpose: input.purpose,
      created_at: iso,
      expires_at: new Date(now + TOKEN_LIFETIME_MS[input.purpose]).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

/** Tokens look like ours (43 base64url characters) before any lookup. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export type TokenOwner = { userId: string; email: string; name: string; status: 'invited' | 'active' | 'disabled' };

/** Whether a token is valid now, without using it: what a link's page (GET) shows before the user acts. */
export async function peekToken(db: Kysely<DB>, input: { portalId: string; purpose: PortalTokenPurpose; token: string }, now = Date.now()): Promise<TokenOwner | null> {
  if (!TOKEN_SHAPE.test(input.token)) return null;
  const row = await db
    .selectFrom('portal_tokens as t')
    .innerJoin('portal_users as u', 'u.id', 't.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.status'])
    .where('t.id_hash', '=', hashToken(input.token))
    .where('t.portal_id', '=', input.portalId)
    .where('u.portal_id', '=', input.portalId)
    .where('t.purpose', '=', input.purpose)
    .where('t.used_at', 'is', null)
    .where('t.expires_at', '>', new Date(now).toISOString())
    .executeTakeFirst();
  return row ? { userId: row.id, email: row.email, name: row.name, status: row.status } : null;
}

/**
 * Uses a token, inside the caller's write transaction. Exactly one concurrent caller can win: the
 * update names `used_at is null`, and only a caller that changed a row goes on.
 */
export async function redeemToken(trx: Kysely<DB>, input: { portalId: string; purpose: PortalTokenPurpose; token: string }, now = Date.now()): Promise<TokenOwner | null> {
  if (!TOKEN_SHAPE.test(input.token)) return null;
  const idHash = hashToken(input.token);
  const iso = new Date(now).toISOString();
  const result = await trx
    .updateTable('portal_tokens')
    .set({ used_at: iso })
    .where('id_hash', '=', idHash)
    .where('portal_id', '=', input.portalId)
    .where('purpose', '=', input.purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', iso)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return null;
  const row = await trx
    .selectFrom('portal_tokens as t')
    .innerJoin('portal_users as u', 'u.id', 't.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.status'])
    .where('t.id_hash', '=', idHash)
    .where('u.portal_id', '=', input.portalId)
    .executeTakeFirst();
  return row ? { userId: row.id, email: row.email, name: row.name, status: row.status } : null;
}

/** An absolute link into a portal: its base URL (origin + base path) and a portal-relative path. */
export const portalLink = (baseUrl: string, path: string) => `${baseUrl.replace(/\/+$/, '')}${path}`;

/**
 * Invites a portal user: a new invitation token (earlier ones stop working) and the 'invite' email,
 * in the caller's transaction. `baseUrl` is the portal's absolute base URL, e.g.
 * `https://portico.example/p/acme` or `https://portal.acme.example`.
 */
export async function createInvitation(trx: Kysely<DB>, input: { portalId: string; userId: string; baseUrl: string }): Promise<void> {
  const user = await trx
    .selectFrom('portal_users as u')
    .innerJoin('portals as p', 'p.id', 'u.portal_id')
    .select(['u.email', 'u.name', 'p.name as portalName'])
    .where('u.id', '=', input.userId)
    .where('u.portal_id', '=', input.portalId)
    .executeTakeFirst();
  if (!user) throw new Error('createInvitation: no such user in this portal');
  const token = await issueToken(trx, { portalId: input.portalId, userId: input.userId, purpose: 'invite' });
  await enqueueEmail(trx, {
    portalId: input.portalId,
    to: user.email,
    template: 'invite',
    data: { portalName: user.portalName, userName: user.name, link: portalLink(input.baseUrl, tokenPath('invite', token)), expiresIn: TOKEN_LIFETIME_TEXT.invite },
  });
}

/** Signs a user out everywhere (deactivation, removal of access), in the caller's transaction. */
export async function revokeUserSessions(trx: Kysely<DB>, userId: string): Promise<void> {
  await revokePortalUserSessions(trx, userId);
}
