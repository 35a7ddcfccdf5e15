// Portal users signing in, over real HTTP: cookie rules, rotation at sign-in, revocation at sign-out,
// password change and deactivation, idle timeout and lifetime from the portal's settings, sessions
// bound to their portal, throttling, no user enumeration, CSRF, and where `next` may lead.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../server/auth/tokens';
import { signIn, startTestServer, type Client, type TestServer } from '../helpers/server';
import { documentOf, emailsTo, heading, insertUser, PASSWORD, payloadOf, PortalClient, publishPortal, signedIn, updateSettings } from '../helpers/portal-auth';

const SECRET_MEMBERS = 'MEMBERS-ONLY-3c9e';

const doc = documentOf([
  { id: 'home', path: '/', title: { en: 'Home' }, inNav: true, blocks: [heading('hh', 'Welcome'), heading('hm', SECRET_MEMBERS, { visibility: { audience: 'signed-in' } })] },
  { id: 'account', path: '/account', title: { en: 'Account' }, inNav: true, visibility: { audience: 'signed-in' }, blocks: [heading('ah', 'Your account')] },
  { id: 'help', path: '/help', title: { en: 'Help' }, inNav: true, blocks: [heading('h2', 'Help page')] },
]);

let srv: TestServer;
let owner: Client;
let acmeId: string;
let otherId: string;
const A = '/p/acme';
const B = '/p/other';

beforeAll(async () => {
  srv = await startTestServer();
  owner = await signIn(srv.url);
  acmeId = await publishPortal(owner, 'acme', 'Acme Energy', doc);
  otherId = await publishPortal(owner, 'other', 'Other Energy', doc);
  await insertUser(srv.db, acmeId, { email: 'jane@acme.test', name: 'Jane Doe' });
  // The same address in another portal is another account.
  await insertUser(srv.db, otherId, { email: 'jane@acme.test', name: 'Jane Elsewhere' });
});
afterAll(() => srv.stop());

const sessionsOf = async (email: string, portalId = acmeId) =>
  srv.db
    .selectFrom('portal_sessions as s')
    .innerJoin('portal_users as u', 'u.id', 's.user_id')
    .select(['s.id_hash', 's.last_seen_at', 's.portal_id'])
    .where('u.email', '=', email)
    .where('u.portal_id', '=', portalId)
    .execute();

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax cookie scoped to the portal, and stores only its hash', async () => {
    const c = new PortalClient(srv.url, A);
    const res = await c.fetch(`${A}/_api/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: c.origin },
      body: JSON.stringify({ email: 'Jane@Acme.test ', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((h) => h.startsWith('portico_portal='))!;
    expect(cookie).toMatch(/^portico_portal=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/p\/acme(;|$)/);
    expect(cookie).toMatch(/Max-Age=604800/);
    expect(cookie).not.toMatch(/Secure/);
    const me = await c.ask<{ email: string; name: string }>('auth.me');
    expect(me.data).toMatchObject({ email: 'jane@acme.test', name: 'Jane Doe' });
    const rows = await sessionsOf('jane@acme.test');
    expect(rows.some((r) => r.id_hash === c.session)).toBe(false);
    expect(rows.some((r) => r.id_hash === hashToken(c.session!))).toBe(true);
  });

  it('shows signed-in content and the user in the header; anonymous visitors get neither', async () => {
    const c = await signedIn(srv.url, A, 'jane@acme.test');
    const page = await c.page('/');
    expect(page.status).toBe(200);
    expect(page.html).toContain(SECRET_MEMBERS);
    expect(page.html).toContain('Jane Doe');
    expect(payloadOf(page.html).user).toEqual({ firstName: 'Jane', lastName: 'Doe', email: 'jane@acme.test' });
    expect(page.res.headers.get('cache-control')).toBe('private, no-cache');
    const anon = await new PortalClient(srv.url, A).page('/');
    expect(anon.html).not.toContain(SECRET_MEMBERS);
    expect(payloadOf(anon.html).user).toBeNull();
    expect(anon.html).toContain('Sign in');
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const a = await new PortalClient(srv.url, A).call('auth.login', { email: 'nobody@acme.test', password: 'whatever-1' });
    const b = await new PortalClient(srv.url, A).call('auth.login', { email: 'jane@acme.test', password: 'wrong-password' });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.error?.message).toBe('Email or password is incorrect.');
    expect(a.error?.message).toBe(b.error?.message);
  });

  it('treats invited and disabled accounts like unknown ones', async () => {
    await insertUser(srv.db, acmeId, { email: 'invited@acme.test', status: 'invited', password: null });
    await insertUser(srv.db, acmeId, { email: 'disabled@acme.test', status: 'disabled' });
    for (const email of ['invited@acme.test', 'disabled@acme.test']) {
      const r = await new PortalClient(srv.url, A).call('auth.login', { email, password: PASSWORD });
      expect(r.status, email).toBe(401);
      expect(r.error?.message).toBe('Email or password is incorrect.');
    }
  });

  it('rotates the session id at sign-in: a planted id is worthless afterwards', async () => {
    const c = await signedIn(srv.url, A, 'jane@acme.test');
    const first = c.session!;
    expect((await c.call('auth.login', { email: 'jane@acme.test', password: PASSWORD })).status).toBe(200);
    const second = c.session!;
    expect(second).not.toBe(first);
    const old = new PortalClient(srv.url, A);
    old.cookies.set('portico_portal', first);
    expect((await old.ask('auth.me')).status).toBe(401);
    expect((await c.ask('auth.me')).status).toBe(200);
    // A made-up id in the browser before sign-in never becomes a session either.
    const planted = new PortalClient(srv.url, A);
    planted.cookies.set('portico_portal', 'A'.repeat(43));
    expect((await planted.call('auth.login', { email: 'jane@acme.test', password: PASSWORD })).status).toBe(200);
    expect(planted.session).not.toBe('A'.repeat(43));
  });

  it('answers me with 401 to anonymous callers', async () => {
    const r = await new PortalClient(srv.url, A).ask('auth.me');
    expect(r.status).toBe(401);
    expect(r.error?.data.code).toBe('UNAUTHORIZED');
  });
});

describe('ending sessions', () => {
  it('revokes the session at sign-out and clears the cookie', async () => {
    const c = await signedIn(srv.url, A, 'jane@acme.test');
    const token = c.session!;
    const res = await c.fetch(`${A}/_api/trpc/auth.logout`, { method: 'POST', headers: { 'content-type': 'application/json', origin: c.origin }, body: '{}' });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().join()).toMatch(/portico_portal=;.*Path=\/p\/acme/);
    const replay = new PortalClient(srv.url, A);
    replay.cookies.set('portico_portal', token);
    expect((await replay.ask('auth.me')).status).toBe(401);
    expect((await replay.page('/')).html).not.toContain(SECRET_MEMBERS);
  });

  it('revokes the other sessions on a password change, keeps this one, and emails the user', async () => {
    await insertUser(srv.db, acmeId, { email: 'pat@acme.test', name: 'Pat' });
    const one = await signedIn(srv.url, A, 'pat@acme.test');
    const two = await signedIn(srv.url, A, 'pat@acme.test');
    const wrong = await one.call('auth.changePassword', { current: 'not-my-password', next: 'a-new-password-1' });
    expect(wrong.status).toBe(400);
    expect(wrong.error?.message).toBe('The current password is incorrect.');
    const short = await one.call('auth.changePassword', { current: PASSWORD, next: 'short' });
    expect(short.status).toBe(400);
    expect(short.error?.message).toContain('use at least 10 characters');
    expect((await one.call('auth.changePassword', { current: PASSWORD, next: 'a-new-password-1' })).status).toBe(200);
    expect((await two.ask('auth.me')).status).toBe(401);
    expect((await one.ask('auth.me')).status).toBe(200);
    const mails = await emailsTo(srv.db, 'pat@acme.test');
    expect(mails.map((m) => m.template)).toEqual(['password-changed']);
    expect(mails[0]!.link).toBe(`${srv.url}${A}/forgot-password`);
    expect((await new PortalClient(srv.url, A).call('auth.login', { email: 'pat@acme.test', password: PASSWORD })).status).toBe(401);
    expect((await new PortalClient(srv.url, A).call('auth.login', { email: 'pat@acme.test', password: 'a-new-password-1' })).status).toBe(200);
  });

  it('signs a disabled user out at their next request', async () => {
    const id = await insertUser(srv.db, acmeId, { email: 'sam@acme.test', name: 'Sam' });
    const c = await signedIn(srv.url, A, 'sam@acme.test');
    expect((await c.page('/')).html).toContain(SECRET_MEMBERS);
    await srv.db.updateTable('portal_users').set({ status: 'disabled' }).where('id', '=', id).execute();
    const page = await c.page('/');
    expect(page.html).not.toContain(SECRET_MEMBERS);
    expect(payloadOf(page.html).user).toBeNull();
    expect(page.res.headers.getSetCookie().join()).toMatch(/portico_portal=;/);
    expect(await sessionsOf('sam@acme.test')).toEqual([]);
  });

  it('ends a session after the idle timeout, and after its lifetime however active', async () => {
    const c = await signedIn(srv.url, A, 'jane@acme.test');
    const hash = hashToken(c.session!);
    const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
    // Default idle timeout: 120 minutes.
    await srv.db.updateTable('portal_sessions').set({ last_seen_at: ago(119 * 60_000) }).where('id_hash', '=', hash).execute();
    expect((await c.ask('auth.me')).status).toBe(200);
    await srv.db.updateTable('portal_sessions').set({ last_seen_at: ago(121 * 60_000) }).where('id_hash', '=', hash).execute();
    expect((await c.ask('auth.me')).status).toBe(401);
    expect(await srv.db.selectFrom('portal_sessions').select('id_hash').where('id_hash', '=', hash).executeTakeFirst()).toBeUndefined();

    // Lifetime: 168 hours by default, counted from sign-in, however recent the last request.
    const d = await signedIn(srv.url, A, 'jane@acme.test');
    const dHash = hashToken(d.session!);
    await srv.db.updateTable('portal_sessions').set({ created_at: ago(169 * 3600_000) }).where('id_hash', '=', dHash).execute();
    expect((await d.ask('auth.me')).status).toBe(401);
  });

  it('applies shorter session settings to running sessions at once', async () => {
    const c = await signedIn(srv.url, A, 'jane@acme.test');
    const hash = hashToken(c.session!);
    await srv.db.updateTable('portal_sessions').set({ last_seen_at: new Date(Date.now() - 10 * 60_000).toISOString() }).where('id_hash', '=', hash).execute();
    expect((await c.ask('auth.me')).status).toBe(200);
    await updateSettings(owner, acmeId, { idleTimeoutMinutes: 5 });
    try {
      await srv.db.updateTable('portal_sessions').set({ last_seen_at: new Date(Date.now() - 10 * 60_000).toISOString() }).where('id_hash', '=', hash).execute();
      expect((await c.ask('auth.me')).status).toBe(401);
      // The cookie's own lifetime follows the setting too.
      const d = new PortalClient(srv.url, A);
      await updateSettings(owner, acmeId, { sessionLifetimeHours: 2 });
      const res = await d.fetch(`${A}/_api/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: d.origin }, body: JSON.stringify({ email: 'jane@acme.test', password: PASSWORD }) });
      expect(res.headers.getSetCookie().join()).toMatch(/Max-Age=7200/);
    } finally {
      await updateSettings(owner, acmeId, { idleTimeoutMinutes: 120, sessionLifetimeHours: 168 });
    }
  });

  it('keeps the other settings when one is changed, and refuses settings out of range', async () => {
    await updateSettings(owner, acmeId, { magicLink: true });
    await updateSettings(owner, acmeId, { defaultLocale: 'en' });
    const got = await owner.query<{ settings: Record<string, unknown> }>('portals.get', { id: acmeId });
    expect(got.data!.settings).toEqual({ defaultLocale: 'en', sessionLifetimeHours: 168, idleTimeoutMinutes: 120, allowRegistration: false, magicLink: true });
    await updateSettings(owner, acmeId, { magicLink: false });
    for (const bad of [{ sessionLifetimeHours: 0 }, { idleTimeoutMinutes: 1 }, { sessionLifetimeHours: 1.5 }, { allowRegistration: 'yes' }, { evil: 1 }]) {
      const r = await owner.mutate('portals.update', { id: acmeId, settings: bad });
      expect(r.status, JSON.stringify(bad)).toBe(400);
    }
  });
});

describe('sessions belong to their portal', () => {
  it('does not accept a session of portal A on portal B, though the same address has an account there', async () => {
    const a = await signedIn(srv.url, A, 'jane@acme.test');
    const onB = new PortalClient(srv.url, B);
    onB.cookies.set('portico_portal', a.session!);
    expect((await onB.ask('auth.me')).status).toBe(401);
    const page = await onB.page('/');
    expect(page.html).not.toContain(SECRET_MEMBERS);
    expect(payloadOf(page.html).user).toBeNull();
    // …and the session still works where it belongs.
    expect((await a.ask<{ name: string }>('auth.me')).data?.name).toBe('Jane Doe');
    // Signing in to B gives a session of B only.
    const b = await signedIn(srv.url, B, 'jane@acme.test');
    expect((await b.ask<{ name: string }>('auth.me')).data?.name).toBe('Jane Elsewhere');
    const onA = new PortalClient(srv.url, A);
    onA.cookies.set('portico_portal', b.session!);
    expect((await onA.ask('auth.me')).status).toBe(401);
  });
});

describe('CSRF', () => {
  const sessionCount = async () => Number((await srv.db.selectFrom('portal_sessions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const body = JSON.stringify({ email: 'jane@acme.test', password: PASSWORD });

  it('refuses sign-in sent as a form, multipart or text/plain, or from another site, and creates no session', async () => {
    const before = await sessionCount();
    const c = new PortalClient(srv.url, A);
    const url = `${A}/_api/trpc/auth.login`;
    const form = new FormData();
    form.set('email', 'jane@acme.test');
    form.set('password', PASSWORD);
    const attempts: [RequestInit, number][] = [
      [{ method: 'POST', headers: { 'content-type': 'text/plain', origin: c.origin }, body }, 415],
      [{ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: c.origin }, body: `email=jane%40acme.test&password=${PASSWORD}` }, 415],
      [{ method: 'POST', headers: { origin: c.origin }, body: form }, 415],
      [{ method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body }, 403],
      [{ method: 'POST', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site', origin: c.origin }, body }, 403],
      [{ method: 'POST', headers: { 'content-type': 'application/json' }, body }, 403],
    ];
    for (const [init, status] of attempts) {
      const res = await c.fetch(url, init);
      expect(res.status, JSON.stringify(init.headers)).toBe(status);
      expect(c.session).toBeUndefined();
    }
    expect(await sessionCount()).toBe(before);
  });

  it('refuses a cross-site sign-out or password change with the victim\'s cookie, and nothing changes', async () => {
    const c = await signedIn(srv.url, A, 'jane@acme.test');
    const cross = { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' };
    expect((await c.fetch(`${A}/_api/trpc/auth.logout`, { method: 'POST', headers: cross, body: '{}' })).status).toBe(403);
    expect((await c.fetch(`${A}/_api/trpc/auth.changePassword`, { method: 'POST', headers: { 'content-type': 'text/plain', origin: c.origin }, body: JSON.stringify({ current: PASSWORD, next: 'evil-password-1' }) })).status).toBe(415);
    expect((await c.fetch(`${A}/_api/trpc/auth.updateProfile`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: JSON.stringify({ name: 'Evil' }) })).status).toBe(403);
    expect((await c.ask<{ name: string }>('auth.me')).data?.name).toBe('Jane Doe');
  });

  it('refuses unknown keys and wrong types with a clear 400', async () => {
    const c = new PortalClient(srv.url, A);
    const r = await c.call('auth.login', { email: 'jane@acme.test', password: PASSWORD, admin: true });
    expect(r.status).toBe(400);
    expect(r.error?.message).toContain('admin');
    expect((await c.call('auth.login', { email: ['jane@acme.test'], password: PASSWORD })).status).toBe(400);
    expect((await c.call('auth.login', JSON.parse('{"__proto__":{"x":1},"email":"jane@acme.test","password":"x"}'))).status).toBe(400);
    expect(c.session).toBeUndefined();
  });
});

describe('profile', () => {
  it('changes the name, seen at the next request', async () => {
    await insertUser(srv.db, acmeId, { email: 'kim@acme.test', name: 'Kim' });
    const c = await signedIn(srv.url, A, 'kim@acme.test');
    expect((await c.call('auth.updateProfile', { name: '  ' })).status).toBe(400);
    expect((await c.call('auth.updateProfile', { name: 'Kim Lee' })).status).toBe(200);
    expect((await c.ask<{ name: string }>('auth.me')).data?.name).toBe('Kim Lee');
    const profile = await c.page('/profile');
    expect(profile.status).toBe(200);
    expect(payloadOf(profile.html).auth).toMatchObject({ kind: 'profile', name: 'Kim Lee', email: 'kim@acme.test' });
  });
});

describe('where sign-in leads', () => {
  it('sends anonymous visitors of a signed-in page to sign in, and back', async () => {
    const anon = new PortalClient(srv.url, A);
    const res = await anon.fetch(`${A}/account?tab=2`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${A}/login?next=${encodeURIComponent('/account?tab=2')}`);
    const login = await anon.page('/login?next=%2Faccount%3Ftab%3D2');
    expect(login.status).toBe(200);
    expect(login.res.headers.get('cache-control')).toBe('no-store');
    expect(login.res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(payloadOf(login.html).auth).toEqual({ kind: 'login', next: '/account?tab=2', allowRegistration: false, magicLink: false });
    expect((await anon.fetch(`${A}/profile`)).headers.get('location')).toBe(`${A}/login?next=%2Fprofile`);
    // Over the API, the page answers 401 with nothing of its content.
    const api = await anon.fetch(`${A}/_api/trpc/page?input=${encodeURIComponent(JSON.stringify({ path: '/account' }))}`);
    expect(api.status).toBe(401);
    expect(await api.text()).not.toContain('Your account');
    // Signed in, the login page sends the user on.
    const c = await signedIn(srv.url, A, 'jane@acme.test');
    const on = await c.fetch(`${A}/login?next=%2Faccount%3Ftab%3D2`);
    expect(on.status).toBe(303);
    expect(on.headers.get('location')).toBe(`${A}/account?tab=2`);
    expect((await c.page('/account')).html).toContain('Your account');
  });

  it('never leads to another site, whatever `next` says', async () => {
    const anon = new PortalClient(srv.url, A);
    const c = await signedIn(srv.url, A, 'jane@acme.test');
    const attempts = [
      '//evil.example',
      '//evil.example/%2F..',
      'https://evil.example/',
      '/\\evil.example',
      '\\\\evil.example',
      '/\r\nLocation: https://evil.example',
      ' /help',
      'javascript:alert(1)',
      '/\tevil',
      'evil.example',
      '/login?next=//evil.example',
      '/_api/trpc/auth.logout',
    ];
    for (const next of attempts) {
      const page = await anon.page(`/login?next=${encodeURIComponent(next)}`);
      expect(payloadOf(page.html).auth, next).toMatchObject({ kind: 'login', next: '/' });
      const res = await c.fetch(`${A}/login?next=${encodeURIComponent(next)}`);
      expect(res.status).toBe(303);
      expect(res.headers.get('location'), next).toBe(`${A}/`);
    }
    // On a custom domain (base ''), `//host` would leave the site: it is refused there too.
    await owner.mutate('portals.update', { id: acmeId, domains: ['portal.acme.example'] });
    try {
      const res = await rawRequest('GET', '/login?next=%2F%2Fevil.example', { host: 'portal.acme.example', cookie: `portico_portal=${c.session}` });
      // The session belongs to the portal, not to the address: the same cookie works on its domain.
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/');
    } finally {
      await owner.mutate('portals.update', { id: acmeId, domains: [] });
    }
  });
});

describe('cookies on a custom domain and under https', () => {
  it('scopes the cookie to / on a custom domain', async () => {
    await owner.mutate('portals.update', { id: otherId, domains: ['portal.other.example'] });
    try {
      const res = await rawRequest('POST', '/_api/trpc/auth.login', { host: 'portal.other.example', 'content-type': 'application/json', origin: 'http://portal.other.example' }, JSON.stringify({ email: 'jane@acme.test', password: PASSWORD }));
      expect(res.status).toBe(200);
      const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((h) => h.startsWith('portico_portal='))!;
      expect(cookie).toMatch(/Path=\/(;|$)/);
    } finally {
      await owner.mutate('portals.update', { id: otherId, domains: [] });
    }
  });

  it('marks the cookie Secure when the request came over https through a trusted proxy', async () => {
    const s = await startTestServer({ TRUST_PROXY: 'loopback' });
    try {
      const o = await signIn(s.url);
      const id = await publishPortal(o, 'secure', 'Secure', doc);
      await insertUser(s.db, id, { email: 'jane@acme.test' });
      const c = new PortalClient(s.url, '/p/secure');
      const res = await c.fetch('/p/secure/_api/trpc/auth.login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: c.origin, 'x-forwarded-proto': 'https' },
        body: JSON.stringify({ email: 'jane@acme.test', password: PASSWORD }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.getSetCookie().find((h) => h.startsWith('portico_portal='))).toMatch(/; Secure/);
    } finally {
      await s.stop();
    }
  });
});

describe('throttling', () => {
  it('slows down guessing per account, with a rotating X-Forwarded-For and junk fields', async () => {
    const id = await publishPortal(owner, 'throttle', 'Throttle', doc);
    await insertUser(srv.db, id, { email: 'victim@acme.test' });
    const base = '/p/throttle';
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const c = new PortalClient(srv.url, base, { 'x-forwarded-for': `203.0.113.${i}` });
      statuses.push((await c.call('auth.login', { email: 'victim@acme.test', password: `guess-${i}` })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const right = await new PortalClient(srv.url, base, { 'x-forwarded-for': '198.51.100.7' }).call('auth.login', { email: 'VICTIM@acme.test', password: PASSWORD });
    expect(right.status).toBe(429);
    expect(right.error?.message).toMatch(/Try again in \d+ seconds/);
    const junk = await new PortalClient(srv.url, base).call('auth.login', { email: 'victim@acme.test', password: PASSWORD, extra: 'junk' });
    expect(junk.status).toBe(400);
    // The throttle is the portal's: the same address elsewhere is not held back.
    expect((await new PortalClient(srv.url, A).call('auth.login', { email: 'jane@acme.test', password: PASSWORD })).status).toBe(200);
  });

  it('blocks an address that guesses across many accounts', async () => {
    const id = await publishPortal(owner, 'spray', 'Spray', doc);
    await insertUser(srv.db, id, { email: 'real@acme.test' });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await new PortalClient(srv.url, '/p/spray').call('auth.login', { email: `user${i}@acme.test`, password: 'guess-password' })).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect((await new PortalClient(srv.url, '/p/spray').call('auth.login', { email: 'real@acme.test', password: PASSWORD })).status).toBe(429);
  });
});

/** A request with a chosen Host header (fetch cannot set it). */
function rawRequest(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(path, srv.url);
  return new Promise((resolve, reject) => {
    const req = request({ method, hostname: url.hostname, port: url.port, path: url.pathname + url.search, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string | string[] | undefined>, body: text }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}
