// Portal users signing in and managing their access: password sign-in, registration with email
// confirmation, password reset, invitations, magic links, password and profile changes. The rules
// of DESIGN.md section 7: argon2id, the same answer (and the same argon2 cost) for an unknown user
// and a wrong password, no account enumeration through registration or reset, throttling per
// account and per address with growing delays, single-use expiring tokens, and every email written
// to the outbox in the same transaction as the change it reports.
import { TRPCError } from '@trpc/server';
import type { Request } from 'express';
import type { Kysely } from 'kysely';
import { createPortalSession, revokePortalSession, revokePortalUserSessions } from '../auth/portal-sessions';
import { hashPassword, verifyPassword } from '../auth/password';
import { checkThrottle, clearFailures, recordFailure, type ThrottleKey } from '../auth/throttle';
import { newRowId } from '../auth/tokens';
import type { Config } from '../config';
import { writeTx, type Db } from '../db/database';
import type { DB } from '../db/schema';
import type { ResolvedPortal } from '../published/resolve-portal';
import { audit } from './audit';
import { enqueueEmail } from './outbox';
import { issueToken, peekToken, portalLink, redeemToken, TOKEN_LIFETIME_TEXT, tokenPath, type TokenOwner } from './portal-users';
import { isUniqueViolation } from './records';

export type AuthContext = { db: Db; config: Config; req: Request; portal: ResolvedPortal };

export const INVALID_CREDENTIALS = 'Email or password is incorrect.';
export const LINK_INVALID = 'This link is invalid, has expired or was used already. Ask for a new one.';

const nowIso = () => new Date().toISOString();
const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * The portal's absolute base URL for links in emails. On a custom domain the Host header named a
 * domain registered for this portal, so it is safe to use; elsewhere PUBLIC_URL wins, and only
 * without it does the request's own host stand in (set PUBLIC_URL in production).
 */
export function portalBaseUrl(config: Config, req: Request, portal: Pick<ResolvedPortal, 'basePath'>): string {
  const protocol = config.publicUrl?.protocol.replace(/:$/, '') ?? req.protocol;
  if (portal.basePath === '') return `${protocol}://${req.get('host') ?? req.hostname}`;
  return `${config.publicUrl?.origin ?? `${req.protocol}://${req.get('host') ?? req.hostname}`}${portal.basePath}`;
}

// Throttle keys are scoped to the portal: the same address may hold accounts in several portals.
const loginKeys = (ctx: AuthContext, email: string): ThrottleKey[] => [
  { key: `portal:${ctx.portal.id}:acct:${email}`, kind: 'account' },
  { key: `portal:${ctx.portal.id}:ip:${ctx.req.ip ?? 'unknown'}`, kind: 'address' },
];
/** Requests that send email count against their own limits, so nobody can flood an inbox. */
const mailKeys = (ctx: AuthContext, email: string): ThrottleKey[] => [
  { key: `portal:${ctx.portal.id}:mail:${email}`, kind: 'account' },
  { key: `portal:${ctx.portal.id}:mail-ip:${ctx.req.ip ?? 'unknown'}`, kind: 'address' },
];

async function assertNotThrottled(db: Db, keys: ThrottleKey[]): Promise<void> {
  const check = await checkThrottle(db, keys);
  if (!check.allowed) throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: `Too many attempts. Try again in ${check.retryAfterSeconds} seconds.` });
}

const userAudit = (trx: Kysely<DB>, portalId: string, userId: string, action: string, details: Record<string, unknown> = {}) =>
  audit(trx, { actor_type: 'portal-user', actor_id: userId, portal_id: portalId, action: `portal-user.${action}`, target: null, details });

async function sendTokenEmail(
  trx: Kysely<DB>,
  ctx: AuthContext,
  user: { userId: string; email: string; name: string },
  purpose: 'invite' | 'confirm-email' | 'reset-password' | 'magic-link',
  query = '',
): Promise<void> {
  const token = await issueToken(trx, { portalId: ctx.portal.id, userId: user.userId, purpose });
  await enqueueEmail(trx, {
    portalId: ctx.portal.id,
    to: user.email,
    template: purpose,
    data: {
      portalName: ctx.portal.name,
      userName: user.name,
      link: portalLink(portalBaseUrl(ctx.config, ctx.req, ctx.portal), tokenPath(purpose, token) + query),
      expiresIn: TOKEN_LIFETIME_TEXT[purpose],
    },
  });
}

async function sendPasswordChanged(trx: Kysely<DB>, ctx: AuthContext, user: { email: string; name: string }): Promise<void> {
  await enqueueEmail(trx, {
    portalId: ctx.portal.id,
    to: user.email,
    template: 'password-changed',
    // If it was not them, the way back in is a reset.
    data: {
      portalName: ctx.portal.name,
      userName: user.name,
      link: portalLink(portalBaseUrl(ctx.config, ctx.req, ctx.portal), '/forgot-password'),
      changedAt: new Date().toUTCString(),
    },
  });
}

/**
 * Signs in with email and password and returns the new session's token. The session this browser
 * had (if any) is revoked first: a session id never survives a sign-in.
 */
export async function loginPortalUser(ctx: AuthContext, input: { email: string; password: string }, previousSessionHash?: string): Promise<{ token: string; userId: string }> {
  const email = normalizeEmail(input.email);
  const keys = loginKeys(ctx, email);
  await assertNotThrottled(ctx.db, keys);
  const user = await ctx.db
    .selectFrom('portal_users')
    .select(['id', 'password_hash', 'status'])
    .where('portal_id', '=', ctx.portal.id)
    .where('email', '=', email)
    .executeTakeFirst();
  // Disabled accounts and invitations not yet accepted have no usable password; checking costs the same.
  const ok = await verifyPassword(user && user.status !== 'disabled' ? (user.password_hash ?? undefined) : undefined, input.password);
  if (!ok || !user) {
    await writeTx(ctx.db, (trx) => recordFailure(trx, keys));
    throw new TRPCError({ code: 'UNAUTHORIZED', message: INVALID_CREDENTIALS });
  }
  // Only someone who knows the password learns that the address is not confirmed yet.
  if (user.status !== 'active') throw new TRPCError({ code: 'FORBIDDEN', message: 'Confirm your email address first: follow the link in the email we sent you.' });
  const token = await writeTx(ctx.db, async (trx) => {
    if (previousSessionHash) await revokePortalSession(trx, previousSessionHash);
    await clearFailures(trx, keys[0]!.key);
    await trx.updateTable('portal_users').set({ last_login_at: nowIso() }).where('id', '=', user.id).execute();
    await userAudit(trx, ctx.portal.id, user.id, 'login', { ip: ctx.req.ip, method: 'password' });
    return createPortalSession(trx, ctx.portal, user.id, ctx.req);
  });
  return { token, userId: user.id };
}

export async function logoutPortalUser(db: Db, sessionHash: string): Promise<void> {
  await writeTx(db, (trx) => revokePortalSession(trx, sessionHash));
}

/**
 * Registration (only where the portal allows it). The answer is the same whether or not the address
 * has an account: a new address gets a confirmation link; an unconfirmed registration gets a new
 * one (its password is not replaced: nobody can set the password of an account they cannot
 * confirm); a pending invitation gets its invitation again; anything else gets nothing.
 */
export async function registerPortalUser(ctx: AuthContext, input: { name: string; email: string; password: string }): Promise<void> {
  if (!ctx.portal.settings.allowRegistration) throw new TRPCError({ code: 'FORBIDDEN', message: 'This portal does not take registrations. Ask the portal’s team for an invitation.' });
  const email = normalizeEmail(input.email);
  const keys = mailKeys(ctx, email);
  await assertNotThrottled(ctx.db, keys);
  // Hashed whatever the address: a taken address answers as slowly as a new one.
  const hash = await hashPassword(input.password);
  try {
    await writeTx(ctx.db, async (trx) => {
      await recordFailure(trx, keys);
      const existing = await trx
        .selectFrom('portal_users')
        .select(['id', 'email', 'name', 'status', 'password_hash', 'email_confirmed_at'])
        .where('portal_id', '=', ctx.portal.id)
        .where('email', '=', email)
        .executeTakeFirst();
      if (existing) {
        if (existing.status !== 'invited') return;
        const owner = { userId: existing.id, email: existing.email, name: existing.name };
        await sendTokenEmail(trx, ctx, owner, existing.password_hash && !existing.email_confirmed_at ? 'confirm-email' : 'invite');
        return;
      }
      const id = newRowId();
      const ts = nowIso();
      await trx
        .insertInto('portal_users')
        .values({ id, portal_id: ctx.portal.id, email, name: input.name, status: 'invited', contact_id: null, password_hash: hash, email_confirmed_at: null, created_at: ts, updated_at: ts, last_login_at: null })
        .execute();
      await userAudit(trx, ctx.portal.id, id, 'register', { ip: ctx.req.ip });
      await sendTokenEmail(trx, ctx, { userId: id, email, name: input.name }, 'confirm-email');
    });
  } catch (err) {
    // The same address registering twice at once: the second answers like any taken address.
    if (!isUniqueViolation(err)) throw err;
  }
}

/** Confirms a registration's address: the account becomes active (a disabled one stays disabled). */
export async function confirmPortalEmail(ctx: AuthContext, token: string): Promise<void> {
  await writeTx(ctx.db, async (trx) => {
    const owner = await redeemToken(trx, { portalId: ctx.portal.id, purpose: 'confirm-email', token });
    if (!owner || owner.status === 'disabled') throw new TRPCError({ code: 'BAD_REQUEST', message: LINK_INVALID });
    await trx
      .updateTable('portal_users')
      .set({ email_confirmed_at: nowIso(), status: 'active', updated_at: nowIso() })
      .where('id', '=', owner.userId)
      .where('portal_id', '=', ctx.portal.id)
      .execute();
    await userAudit(trx, ctx.portal.id, owner.userId, 'confirmEmail');
  });
}

/** Sends a reset link to an active account; the answer never says whether there was one. */
export async function requestPasswordReset(ctx: AuthContext, emailInput: string): Promise<void> {
  const email = normalizeEmail(emailInput);
  const keys = mailKeys(ctx, email);
  await assertNotThrottled(ctx.db, keys);
  await writeTx(ctx.db, async (trx) => {
    // Every request writes, known address or not, so both take the same path through the database.
    await recordFailure(trx, keys);
    const user = await trx.selectFrom('portal_users').select(['id', 'email', 'name', 'status']).where('portal_id', '=', ctx.portal.id).where('email', '=', email).executeTakeFirst();
    if (user?.status !== 'active') return;
    await sendTokenEmail(trx, ctx, { userId: user.id, email: user.email, name: user.name }, 'reset-password');
  });
}

/** A token's owner if it is usable now, else BAD_REQUEST; checked before hashing so junk tokens cost nothing. */
async function requireUsableToken(ctx: AuthContext, purpose: 'invite' | 'reset-password', token: string, status: TokenOwner['status']): Promise<TokenOwner> {
  const owner = await peekToken(ctx.db, { portalId: ctx.portal.id, purpose, token });
  if (!owner || owner.status !== status) throw new TRPCError({ code: 'BAD_REQUEST', message: LINK_INVALID });
  return owner;
}

/** Sets a new password from a reset link; every session of the user ends, and they are told by email. */
export async function resetPortalPassword(ctx: AuthContext, input: { token: string; password: string }): Promise<void> {
  await requireUsableToken(ctx, 'reset-password', input.token, 'active');
  const hash = await hashPassword(input.password);
  await writeTx(ctx.db, async (trx) => {
    const owner = await redeemToken(trx, { portalId: ctx.portal.id, purpose: 'reset-password', token: input.token });
    if (!owner || owner.status !== 'active') throw new TRPCError({ code: 'BAD_REQUEST', message: LINK_INVALID });
    await trx.updateTable('portal_users').set({ password_hash: hash, updated_at: nowIso() }).where('id', '=', owner.userId).execute();
    await revokePortalUserSessions(trx, owner.userId);
    // Whoever was guessing at this account has nothing left to guess: let its owner in at once.
    await clearFailures(trx, loginKeys(ctx, owner.email)[0]!.key);
    await sendPasswordChanged(trx, ctx, owner);
    await userAudit(trx, ctx.portal.id, owner.userId, 'resetPassword', { ip: ctx.req.ip });
  });
}

/** Accepts an invitation: sets the password, activates the account and signs the user in. */
export async function acceptPortalInvite(
  ctx: AuthContext,
  input: { token: string; password: string; name?: string | undefined },
  previousSessionHash?: string,
): Promise<{ token: string; userId: string }> {
  await requireUsableToken(ctx, 'invite', input.token, 'invited');
  const hash = await hashPassword(input.password);
  return writeTx(ctx.db, async (trx) => {
    const owner = await redeemToken(trx, { portalId: ctx.portal.id, purpose: 'invite', token: input.token });
    if (!owner || owner.status !== 'invited') throw new TRPCError({ code: 'BAD_REQUEST', message: LINK_INVALID });
    const ts = nowIso();
    await trx
      .updateTable('portal_users')
      // The invitation reached this address, which confirms it.
      .set({ password_hash: hash, status: 'active', email_confirmed_at: ts, updated_at: ts, last_login_at: ts, ...(input.name ? { name: input.name } : {}) })
      .where('id', '=', owner.userId)
      .execute();
    if (previousSessionHash) await revokePortalSession(trx, previousSessionHash);
    await userAudit(trx, ctx.portal.id, owner.userId, 'acceptInvite', { ip: ctx.req.ip });
    return { token: await createPortalSession(trx, ctx.portal, owner.userId, ctx.req), userId: owner.userId };
  });
}

function requireMagicLinks(portal: ResolvedPortal): void {
  if (!portal.settings.magicLink) throw new TRPCError({ code: 'FORBIDDEN', message: 'Sign-in links are not enabled on this portal. Sign in with your password.' });
}

/** Emails a one-time sign-in link to an active account; the same answer for any address. */
export async function requestPortalMagicLink(ctx: AuthContext, input: { email: string; next: string }): Promise<void> {
  requireMagicLinks(ctx.portal);
  const email = normalizeEmail(input.email);
  const keys = mailKeys(ctx, email);
  await assertNotThrottled(ctx.db, keys);
  await writeTx(ctx.db, async (trx) => {
    await recordFailure(trx, keys);
    const user = await trx.selectFrom('portal_users').select(['id', 'email', 'name', 'status']).where('portal_id', '=', ctx.portal.id).where('email', '=', email).executeTakeFirst();
    if (user?.status !== 'active') return;
    await sendTokenEmail(trx, ctx, { userId: user.id, email: user.email, name: user.name }, 'magic-link', input.next === '/' ? '' : `&next=${encodeURIComponent(input.next)}`);
  });
}

/** Signs in with a magic link (used once); the link also proves the address. */
export async function redeemPortalMagicLink(ctx: AuthContext, token: string, previousSessionHash?: string): Promise<{ token: string; userId: string }> {
  requireMagicLinks(ctx.portal);
  return writeTx(ctx.db, async (trx) => {
    const owner = await redeemToken(trx, { portalId: ctx.portal.id, purpose: 'magic-link', token });
    if (!owner || owner.status !== 'active') throw new TRPCError({ code: 'BAD_REQUEST', message: LINK_INVALID });
    const ts = nowIso();
    await trx.updateTable('portal_users').set({ last_login_at: ts }).where('id', '=', owner.userId).execute();
    await trx.updateTable('portal_users').set({ email_confirmed_at: ts }).where('id', '=', owner.userId).where('email_confirmed_at', 'is', null).execute();
    if (previousSessionHash) await revokePortalSession(trx, previousSessionHash);
    await userAudit(trx, ctx.portal.id, owner.userId, 'login', { ip: ctx.req.ip, method: 'magic-link' });
    return { token: await createPortalSession(trx, ctx.portal, owner.userId, ctx.req), userId: owner.userId };
  });
}

/** Changes the password (knowing the current one); every other session of the user ends. */
export async function changePortalPassword(
  ctx: AuthContext,
  session: { userId: string; email: string; name: string; sessionHash: string },
  input: { current: string; next: string },
): Promise<void> {
  // A stolen session must not become a way to guess the password at leisure.
  const keys = loginKeys(ctx, session.email);
  await assertNotThrottled(ctx.db, keys);
  const row = await ctx.db.selectFrom('portal_users').select(['password_hash']).where('id', '=', session.userId).where('portal_id', '=', ctx.portal.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash ?? undefined, input.current))) {
    await writeTx(ctx.db, (trx) => recordFailure(trx, keys));
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'The current password is incorrect.' });
  }
  const hash = await hashPassword(input.next);
  await writeTx(ctx.db, async (trx) => {
    await trx.updateTable('portal_users').set({ password_hash: hash, updated_at: nowIso() }).where('id', '=', session.userId).execute();
    await revokePortalUserSessions(trx, session.userId, session.sessionHash);
    await sendPasswordChanged(trx, ctx, session);
    await userAudit(trx, ctx.portal.id, session.userId, 'changePassword', { ip: ctx.req.ip });
  });
}

export async function updatePortalProfile(ctx: AuthContext, userId: string, input: { name: string }): Promise<{ name: string }> {
  await writeTx(ctx.db, async (trx) => {
    await trx.updateTable('portal_users').set({ name: input.name, updated_at: nowIso() }).where('id', '=', userId).where('portal_id', '=', ctx.portal.id).execute();
    await userAudit(trx, ctx.portal.id, userId, 'updateProfile');
  });
  return { name: input.name };
}
