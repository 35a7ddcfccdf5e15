// Portal users' emailed links over real HTTP: registration with email confirmation, password reset,
// invitations and magic links. Tokens are single-use, expiring, bound to portal and purpose; opening
// a link changes nothing; answers never tell whether an address has an account; every email is
// written to the outbox with the change that sends it.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../server/auth/tokens';
import { writeTx } from '../../server/db/database';
import { createInvitation } from '../../server/services/portal-users';
import { signIn, startTestServer, type Client, type TestServer } from '../helpers/server';
import { documentOf, emailsTo, heading, insertUser, lastEmail, PASSWORD, payloadOf, PortalClient, publishPortal, signedIn, tokenOf, updateSettings } from '../helpers/portal-auth';

const doc = documentOf([
  { id: 'home', path: '/', title: { en: 'Home' }, inNav: true, blocks: [heading('hh', 'Welcome'), heading('hm', 'MEMBERS-ONLY', { visibility: { audience: 'signed-in' } })] },
  { id: 'bills', path: '/bills', title: { en: 'Bills' }, inNav: true, visibility: { audience: 'signed-in' }, blocks: [heading('bh', 'Your bills')] },
]);

let srv: TestServer;
let owner: Client;
let portalId: string;
let otherId: string;
const A = '/p/tokens';
const B = '/p/elsewhere';

beforeAll(async () => {
  srv = await startTestServer();
  owner = await signIn(srv.url);
  portalId = await publishPortal(owner, 'tokens', 'Token Energy', doc);
  otherId = await publishPortal(owner, 'elsewhere', 'Elsewhere', doc);
});
afterAll(() => srv.stop());

const outboxCount = async () => Number((await srv.db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const userRow = (email: string, id = portalId) =>
  srv.db.selectFrom('portal_users').select(['id', 'status', 'name', 'password_hash', 'email_confirmed_at']).where('portal_id', '=', id).where('email', '=', email).executeTakeFirst();

describe('registration', () => {
  it('is refused while the portal does not allow it, and its page is not there', async () => {
    const r = await new PortalClient(srv.url, A).call('auth.register', { name: 'Ann', email: 'ann@tokens.test', password: PASSWORD });
    expect(r.status).toBe(403);
    expect(r.error?.message).toMatch(/does not take registrations/);
    expect(await userRow('ann@tokens.test')).toBeUndefined();
    expect((await new PortalClient(srv.url, A).page('/register')).status).toBe(404);
  });

  it('creates an account that becomes active once its address is confirmed', async () => {
    await updateSettings(owner, portalId, { allowRegistration: true });
    const c = new PortalClient(srv.url, A);
    const page = await c.page('/register');
    expect(page.status).toBe(200);
    expect(payloadOf(page.html).auth).toEqual({ kind: 'register', minPasswordLength: 10 });
    expect((await c.call('auth.register', { name: 'Ann Lee', email: 'not-an-email', password: PASSWORD })).status).toBe(400);
    const short = await c.call('auth.register', { name: 'Ann Lee', email: 'ann@tokens.test', password: 'short' });
    expect(short.error?.data.issues?.[0]).toEqual({ path: ['password'], message: 'use at least 10 characters' });
    const r = await c.call('auth.register', { name: 'Ann Lee', email: ' Ann@Tokens.test', password: PASSWORD });
    expect(r.status).toBe(200);
    expect(c.session).toBeUndefined();
    expect(await userRow('ann@tokens.test')).toMatchObject({ status: 'invited', email_confirmed_at: null, password_hash: expect.stringMatching(/^\$argon2id\$/) });

    // Not confirmed yet: the right password says so; a wrong one says what it always says.
    const early = await c.call('auth.login', { email: 'ann@tokens.test', password: PASSWORD });
    expect(early.status).toBe(403);
    expect(early.error?.message).toMatch(/Confirm your email address/);
    expect((await c.call('auth.login', { email: 'ann@tokens.test', password: 'wrong-password' })).error?.message).toBe('Email or password is incorrect.');

    const mail = await lastEmail(srv.db, 'ann@tokens.test', 'confirm-email');
    expect(mail.link).toMatch(new RegExp(`^${srv.url}${A}/confirm-email\\?token=[A-Za-z0-9_-]{43}$`));
    // Opening the link only asks; it does not confirm.
    const open = await c.page(new URL(mail.link!).pathname.slice(A.length) + new URL(mail.link!).search);
    expect(open.status).toBe(200);
    expect(payloadOf(open.html).auth).toMatchObject({ kind: 'confirm-email', valid: true });
    expect((await userRow('ann@tokens.test'))?.status).toBe('invited');
    expect((await c.call('auth.confirmEmail', { token: tokenOf(mail.link) })).status).toBe(200);
    expect(await userRow('ann@tokens.test')).toMatchObject({ status: 'active', email_confirmed_at: expect.any(String) });
    expect((await c.call('auth.confirmEmail', { token: tokenOf(mail.link) })).status).toBe(400);
    expect((await c.call('auth.login', { email: 'ann@tokens.test', password: PASSWORD })).status).toBe(200);
  });

  it('answers a taken address exactly like a new one, and changes nothing of the account', async () => {
    const before = await userRow('ann@tokens.test');
    const mails = (await emailsTo(srv.db, 'ann@tokens.test')).length;
    const taken = await new PortalClient(srv.url, A).call('auth.register', { name: 'Mallory', email: 'ann@tokens.test', password: 'mallory-password-1' });
    const fresh = await new PortalClient(srv.url, A).call('auth.register', { name: 'Bo', email: 'bo@tokens.test', password: PASSWORD });
    expect(taken.status).toBe(200);
    expect(taken).toEqual(fresh);
    expect(await userRow('ann@tokens.test')).toEqual(before);
    expect((await emailsTo(srv.db, 'ann@tokens.test')).length).toBe(mails);
  });

  it('does not let a second registration replace the password of an unconfirmed one', async () => {
    await new PortalClient(srv.url, A).call('auth.register', { name: 'Cy', email: 'cy@tokens.test', password: PASSWORD });
    const hash = (await userRow('cy@tokens.test'))!.password_hash;
    await new PortalClient(srv.url, A).call('auth.register', { name: 'Attacker', email: 'cy@tokens.test', password: 'attacker-password-1' });
    expect(await userRow('cy@tokens.test')).toMatchObject({ password_hash: hash, name: 'Cy' });
    // The owner of the address gets a fresh confirmation link; the first one stops working.
    const mails = (await emailsTo(srv.db, 'cy@tokens.test')).filter((m) => m.template === 'confirm-email');
    expect(mails).toHaveLength(2);
    expect((await new PortalClient(srv.url, A).call('auth.confirmEmail', { token: tokenOf(mails[0]!.link) })).status).toBe(400);
    expect((await new PortalClient(srv.url, A).call('auth.confirmEmail', { token: tokenOf(mails[1]!.link) })).status).toBe(200);
    await updateSettings(owner, portalId, { allowRegistration: false });
  });
});

describe('password reset', () => {
  it('gives the same answer for an unknown address, and sends nothing for it', async () => {
    await insertUser(srv.db, portalId, { email: 'dee@tokens.test', name: 'Dee' });
    const before = await outboxCount();
    const unknown = await new PortalClient(srv.url, A).call('auth.forgotPassword', { email: 'nobody@tokens.test' });
    expect(await outboxCount()).toBe(before);
    const known = await new PortalClient(srv.url, A).call('auth.forgotPassword', { email: 'Dee@tokens.test' });
    expect(unknown).toEqual(known);
    expect(known).toEqual({ status: 200, data: { ok: true }, error: undefined });
    expect(await outboxCount()).toBe(before + 1);
  });

  it('resets once with the emailed token; the old sessions end; the link does not work twice', async () => {
    const session = await signedIn(srv.url, A, 'dee@tokens.test');
    const mail = await lastEmail(srv.db, 'dee@tokens.test', 'reset-password');
    expect(mail.link).toMatch(new RegExp(`^${srv.url}${A}/reset-password\\?token=`));
    expect(mail.text).toContain('1 hour');
    const token = tokenOf(mail.link);
    const c = new PortalClient(srv.url, A);
    const open = await c.page(`/reset-password?token=${token}`);
    expect(payloadOf(open.html).auth).toEqual({ kind: 'reset-password', token, valid: true, minPasswordLength: 10 });
    expect(open.res.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await c.call('auth.resetPassword', { token, password: 'short' })).status).toBe(400);
    expect((await c.call('auth.resetPassword', { token, password: 'dee-new-password' })).status).toBe(200);
    expect((await session.ask('auth.me')).status).toBe(401);
    const again = await c.call('auth.resetPassword', { token, password: 'dee-other-password' });
    expect(again.status).toBe(400);
    expect(again.error?.message).toMatch(/invalid, has expired or was used already/);
    expect(payloadOf((await c.page(`/reset-password?token=${token}`)).html).auth).toMatchObject({ valid: false });
    expect((await c.call('auth.login', { email: 'dee@tokens.test', password: 'dee-new-password' })).status).toBe(200);
    expect((await emailsTo(srv.db, 'dee@tokens.test')).at(-1)!.template).toBe('password-changed');
  });

  it('refuses an expired token, a token of another purpose, and a token of another portal', async () => {
    await insertUser(srv.db, portalId, { email: 'eve@tokens.test' });
    await insertUser(srv.db, otherId, { email: 'eve@tokens.test' });
    const c = new PortalClient(srv.url, A);
    await c.call('auth.forgotPassword', { email: 'eve@tokens.test' });
    const token = tokenOf((await lastEmail(srv.db, 'eve@tokens.test', 'reset-password')).link);
    // Another portal, another purpose: not found.
    expect((await new PortalClient(srv.url, B).call('auth.resetPassword', { token, password: 'eve-new-password' })).status).toBe(400);
    expect((await c.call('auth.acceptInvite', { token, password: 'eve-new-password' })).status).toBe(400);
    expect((await c.call('auth.confirmEmail', { token })).status).toBe(400);
    // Expired: one hour is all a reset link gets.
    await srv.db.updateTable('portal_tokens').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id_hash', '=', hashToken(token)).execute();
    expect((await c.call('auth.resetPassword', { token, password: 'eve-new-password' })).status).toBe(400);
    const row = await srv.db.selectFrom('portal_tokens').select(['expires_at', 'created_at', 'used_at']).where('id_hash', '=', hashToken(token)).executeTakeFirstOrThrow();
    expect(row.used_at).toBeNull();
    // Junk tokens are refused before any lookup.
    expect((await c.call('auth.resetPassword', { token: 'x'.repeat(43), password: 'eve-new-password' })).status).toBe(400);
    expect((await c.call('auth.resetPassword', { token: 'x', password: 'eve-new-password', extra: 1 })).status).toBe(400);
  });

  it('stores tokens as hashes only, with their lifetime', async () => {
    const mail = await lastEmail(srv.db, 'eve@tokens.test', 'reset-password');
    const rows = await srv.db.selectFrom('portal_tokens').select(['id_hash', 'purpose', 'created_at', 'expires_at']).execute();
    expect(rows.some((r) => r.id_hash === tokenOf(mail.link))).toBe(false);
    // (Eve's token was made to expire above.)
    const lifetimes = new Map(rows.filter((r) => r.id_hash !== hashToken(tokenOf(mail.link))).map((r) => [r.purpose, Date.parse(r.expires_at) - Date.parse(r.created_at)]));
    expect(lifetimes.get('reset-password')).toBe(3600_000);
    expect(lifetimes.get('confirm-email')).toBe(2 * 24 * 3600_000);
  });

  it('lets exactly one of two simultaneous uses of a token win', async () => {
    await insertUser(srv.db, portalId, { email: 'fay@tokens.test' });
    await new PortalClient(srv.url, A).call('auth.forgotPassword', { email: 'fay@tokens.test' });
    const token = tokenOf((await lastEmail(srv.db, 'fay@tokens.test', 'reset-password')).link);
    const results = await Promise.all(['fay-password-one', 'fay-password-two', 'fay-password-333'].map((password) => new PortalClient(srv.url, A).call('auth.resetPassword', { token, password })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400]);
    expect((await emailsTo(srv.db, 'fay@tokens.test')).filter((m) => m.template === 'password-changed')).toHaveLength(1);
  });
});

describe('invitations', () => {
  it('lets an invited user set a password and sign in, once', async () => {
    const userId = await insertUser(srv.db, portalId, { email: 'gus@tokens.test', name: 'Gus', status: 'invited', password: null });
    await writeTx(srv.db, (trx) => createInvitation(trx, { portalId, userId, baseUrl: `${srv.url}${A}` }));
    const mail = await lastEmail(srv.db, 'gus@tokens.test', 'invite');
    expect(mail.link).toMatch(new RegExp(`^${srv.url}${A}/invite/[A-Za-z0-9_-]{43}$`));
    expect(mail.text).toContain('7 days');
    const token = tokenOf(mail.link);
    const c = new PortalClient(srv.url, A);
    const open = await c.page(`/invite/${token}`);
    expect(open.status).toBe(200);
    expect(payloadOf(open.html).auth).toEqual({ kind: 'invite', token, valid: true, email: 'gus@tokens.test', name: 'Gus', minPasswordLength: 10 });
    expect((await userRow('gus@tokens.test'))?.status).toBe('invited');
    // Until accepted there is no password to sign in with.
    expect((await c.call('auth.login', { email: 'gus@tokens.test', password: PASSWORD })).status).toBe(401);
    const r = await c.call('auth.acceptInvite', { token, password: 'gus-password-1', name: 'Gus Grant' });
    expect(r.status).toBe(200);
    expect(c.session).toBeDefined();
    expect((await c.ask<{ name: string }>('auth.me')).data?.name).toBe('Gus Grant');
    expect(await userRow('gus@tokens.test')).toMatchObject({ status: 'active', email_confirmed_at: expect.any(String) });
    expect((await new PortalClient(srv.url, A).call('auth.acceptInvite', { token, password: 'gus-password-2' })).status).toBe(400);
    const reopened = await c.page(`/invite/${token}`);
    expect(payloadOf(reopened.html).auth).toMatchObject({ valid: false, email: '' });
  });

  it('makes an earlier invitation worthless when a new one is sent, and expires after 7 days', async () => {
    const userId = await insertUser(srv.db, portalId, { email: 'hal@tokens.test', status: 'invited', password: null });
    await writeTx(srv.db, (trx) => createInvitation(trx, { portalId, userId, baseUrl: `${srv.url}${A}` }));
    await writeTx(srv.db, (trx) => createInvitation(trx, { portalId, userId, baseUrl: `${srv.url}${A}` }));
    const [first, second] = (await emailsTo(srv.db, 'hal@tokens.test')).map((m) => tokenOf(m.link));
    const c = new PortalClient(srv.url, A);
    expect((await c.call('auth.acceptInvite', { token: first!, password: 'hal-password-1' })).status).toBe(400);
    const row = await srv.db.selectFrom('portal_tokens').select(['created_at', 'expires_at']).where('id_hash', '=', hashToken(second!)).executeTakeFirstOrThrow();
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(7 * 24 * 3600_000);
    await srv.db.updateTable('portal_tokens').set({ expires_at: new Date(Date.now() - 1).toISOString() }).where('id_hash', '=', hashToken(second!)).execute();
    expect((await c.call('auth.acceptInvite', { token: second!, password: 'hal-password-1' })).status).toBe(400);
    expect((await userRow('hal@tokens.test'))?.status).toBe('invited');
  });

  it('does not activate a disabled user through an old invitation', async () => {
    const userId = await insertUser(srv.db, portalId, { email: 'ivy@tokens.test', status: 'invited', password: null });
    await writeTx(srv.db, (trx) => createInvitation(trx, { portalId, userId, baseUrl: `${srv.url}${A}` }));
    await srv.db.updateTable('portal_users').set({ status: 'disabled' }).where('id', '=', userId).execute();
    const token = tokenOf((await lastEmail(srv.db, 'ivy@tokens.test', 'invite')).link);
    expect((await new PortalClient(srv.url, A).call('auth.acceptInvite', { token, password: 'ivy-password-1' })).status).toBe(400);
    expect((await userRow('ivy@tokens.test'))?.status).toBe('disabled');
  });
});

describe('magic links', () => {
  it('are refused while switched off', async () => {
    await insertUser(srv.db, portalId, { email: 'jo@tokens.test', name: 'Jo' });
    const r = await new PortalClient(srv.url, A).call('auth.requestMagicLink', { email: 'jo@tokens.test' });
    expect(r.status).toBe(403);
    expect((await new PortalClient(srv.url, A).page('/magic-link?token=x')).status).toBe(404);
    expect(payloadOf((await new PortalClient(srv.url, A).page('/login')).html).auth).toMatchObject({ magicLink: false });
  });

  it('sign in once, within 15 minutes, and lead only within the portal', async () => {
    await updateSettings(owner, portalId, { magicLink: true });
    const c = new PortalClient(srv.url, A);
    expect(payloadOf((await c.page('/login')).html).auth).toMatchObject({ magicLink: true });
    const before = await outboxCount();
    const unknown = await c.call('auth.requestMagicLink', { email: 'nobody@tokens.test' });
    expect(await outboxCount()).toBe(before);
    const known = await c.call('auth.requestMagicLink', { email: 'jo@tokens.test', next: '/bills' });
    expect(known).toEqual(unknown);
    const mail = await lastEmail(srv.db, 'jo@tokens.test', 'magic-link');
    expect(mail.link).toMatch(new RegExp(`^${srv.url}${A}/magic-link\\?token=[A-Za-z0-9_-]{43}&next=%2Fbills$`));
    const token = tokenOf(mail.link);
    const row = await srv.db.selectFrom('portal_tokens').select(['created_at', 'expires_at']).where('id_hash', '=', hashToken(token)).executeTakeFirstOrThrow();
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(15 * 60_000);
    const open = await c.page(`/magic-link?token=${token}&next=%2Fbills`);
    expect(payloadOf(open.html).auth).toEqual({ kind: 'magic-link', token, valid: true, next: '/bills' });
    expect(c.session).toBeUndefined();
    expect((await c.call('auth.redeemMagicLink', { token })).status).toBe(200);
    expect((await c.page('/bills')).html).toContain('Your bills');
    expect((await new PortalClient(srv.url, A).call('auth.redeemMagicLink', { token })).status).toBe(400);

    // A `next` that leaves the portal is dropped from the link.
    await c.call('auth.requestMagicLink', { email: 'jo@tokens.test', next: '//evil.example' });
    expect((await lastEmail(srv.db, 'jo@tokens.test', 'magic-link')).link).toMatch(/\?token=[A-Za-z0-9_-]{43}$/);
    expect(payloadOf((await c.page('/magic-link?token=x&next=https://evil.example')).html).auth).toMatchObject({ valid: false, next: '/' });
    await updateSettings(owner, portalId, { magicLink: false });
  });
});

describe('links in emails', () => {
  it('point at PUBLIC_URL, whatever Host the request claims, and the cookie is Secure', async () => {
    const s = await startTestServer({ PUBLIC_URL: 'https://portico.example' });
    try {
      const local = `http://127.0.0.1:${s.port}`;
      const o = await signIn(local);
      const id = await publishPortal(o, 'pub', 'Public URL', doc);
      await insertUser(s.db, id, { email: 'lee@tokens.test' });
      const res = await rawRequest(local, 'POST', '/p/pub/_api/trpc/auth.forgotPassword', { host: 'evil.example', origin: 'http://evil.example', 'content-type': 'application/json' }, JSON.stringify({ email: 'lee@tokens.test' }));
      expect(res.status).toBe(200);
      expect((await lastEmail(s.db, 'lee@tokens.test', 'reset-password')).link).toMatch(/^https:\/\/portico\.example\/p\/pub\/reset-password\?token=/);
      const login = await new PortalClient(local, '/p/pub').fetch('/p/pub/_api/trpc/auth.login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
        body: JSON.stringify({ email: 'lee@tokens.test', password: PASSWORD }),
      });
      expect(login.headers.getSetCookie().find((h) => h.startsWith('portico_portal='))).toMatch(/; Secure/);
    } finally {
      await s.stop();
    }
  });
});

describe('mail throttling', () => {
  it('stops flooding one inbox, for known and unknown addresses alike', async () => {
    const id = await publishPortal(owner, 'mailflood', 'Flood', doc);
    await insertUser(srv.db, id, { email: 'kai@tokens.test' });
    for (const email of ['kai@tokens.test', 'nobody@tokens.test']) {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await new PortalClient(srv.url, '/p/mailflood').call('auth.forgotPassword', { email })).status);
      expect(statuses, email).toEqual([200, 200, 200, 200, 200, 429]);
    }
    expect((await emailsTo(srv.db, 'kai@tokens.test')).filter((m) => m.template === 'reset-password')).toHaveLength(5);
  });
});

/** A request with a chosen Host header (fetch cannot set it). */
function rawRequest(base: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request({ method, hostname: url.hostname, port: url.port, path: url.pathname + url.search, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}
