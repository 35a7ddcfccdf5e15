// Admin sign-in: cookie rules, rotation, revocation, no user enumeration, throttling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminWithRole, Client, OWNER, signIn, startTestServer, type TestServer } from '../helpers/server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.stop());

describe('admin sign-in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie scoped to /admin', async () => {
    const c = new Client(srv.url);
    const res = await c.fetch('/admin/api/trpc/auth.login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: c.origin },
      body: JSON.stringify(OWNER),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^portico_admin=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/admin/);
    expect(cookie).not.toMatch(/Secure/);
    const me = await c.query<{ email: string; role: string }>('auth.me');
    expect(me.data).toMatchObject({ email: OWNER.email, role: 'owner' });
  });

  it('stores only a hash of the session id', async () => {
    const c = await signIn(srv.url);
    const token = c.cookies.get('portico_admin')!;
    const rows = await srv.db.selectFrom('admin_sessions').select('id_hash').execute();
    expect(rows.some((r) => r.id_hash === token)).toBe(false);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const a = await new Client(srv.url).mutate('auth.login', { email: 'nobody@portico.test', password: 'whatever-1' });
    const b = await new Client(srv.url).mutate('auth.login', { email: OWNER.email, password: 'wrong-password' });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.error?.message).toBe(b.error?.message);
  });

  it('rotates the session at login: the old id stops working', async () => {
    const c = await signIn(srv.url);
    const first = c.cookies.get('portico_admin')!;
    const again = await c.mutate('auth.login', OWNER);
    expect(again.status).toBe(200);
    const second = c.cookies.get('portico_admin')!;
    expect(second).not.toBe(first);
    const old = new Client(srv.url);
    old.cookies.set('portico_admin', first);
    expect((await old.query('auth.me')).status).toBe(401);
    expect((await c.query('auth.me')).status).toBe(200);
  });

  it('revokes the session at logout', async () => {
    const c = await signIn(srv.url);
    const token = c.cookies.get('portico_admin')!;
    expect((await c.mutate('auth.logout', {})).status).toBe(200);
    const replay = new Client(srv.url);
    replay.cookies.set('portico_admin', token);
    expect((await replay.query('auth.me')).status).toBe(401);
  });

  it('revokes other sessions on password change, and all of them on deactivation', async () => {
    const owner = await signIn(srv.url);
    const designer = await adminWithRole(srv.url, owner, 'designer');
    const me = (await designer.query<{ id: string; email: string }>('auth.me')).data!;
    const second = await signIn(srv.url, { email: me.email, password: 'designer-password-1' });
    const changed = await designer.mutate('auth.changePassword', { current: 'designer-password-1', next: 'designer-password-2' });
    expect(changed.status).toBe(200);
    expect((await second.query('auth.me')).status).toBe(401);
    expect((await designer.query('auth.me')).status).toBe(200);
    await owner.mutate('admins.update', { id: me.id, active: false });
    expect((await designer.query('auth.me')).status).toBe(401);
    expect((await new Client(srv.url).mutate('auth.login', { email: me.email, password: 'designer-password-2' })).status).toBe(401);
  });

  it('keeps one active owner', async () => {
    const owner = await signIn(srv.url);
    const me = (await owner.query<{ id: string }>('auth.me')).data!;
    const r = await owner.mutate('admins.update', { id: me.id, role: 'designer' });
    expect(r.status).toBe(412);
  });
});

describe('throttling', () => {
  it('slows down guessing per account, even with a rotating X-Forwarded-For and junk fields', async () => {
    const email = 'victim@portico.test';
    const owner = await signIn(srv.url);
    await owner.mutate('admins.create', { email, name: 'Victim', role: 'admin', password: 'victim-password-1' });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const c = new Client(srv.url, { 'x-forwarded-for': `203.0.113.${i}` });
      statuses.push((await c.mutate('auth.login', { email, password: `guess-${i}` })).status);
    }
    // Five wrong guesses are answered; from then on the account waits, whatever address it comes from.
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Even the right password waits while the account is throttled.
    const right = await new Client(srv.url, { 'x-forwarded-for': '198.51.100.7' }).mutate('auth.login', { email, password: 'victim-password-1' });
    expect(right.status).toBe(429);
    expect(right.error?.message).toMatch(/Try again in \d+ seconds/);
    const junk = await new Client(srv.url).mutate('auth.login', { email, password: 'x', extra: 'junk' });
    expect(junk.status).toBe(400);
  });
});

describe('bootstrap', () => {
  it('generates and prints a password for the first admin when none is configured', async () => {
    const s = await (await import('../helpers/server')).startTestServer({ ADMIN_EMAIL: 'first@portico.test', ADMIN_PASSWORD: '' });
    try {
      const line = s.logs.find((l) => l.includes('with the password:'))!;
      expect(line).toBeDefined();
      const password = line.split('with the password: ')[1]!.trim();
      expect(password).toHaveLength(20);
      await signIn(s.url, { email: 'first@portico.test', password });
      expect(await s.db.selectFrom('admins').select('password_hash').executeTakeFirstOrThrow()).toMatchObject({ password_hash: expect.stringMatching(/^\$argon2id\$/) });
    } finally {
      await s.stop();
    }
  });

  it('answers /healthz', async () => {
    const res = await fetch(`${srv.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('throttling per address', () => {
  it('blocks an address that guesses across many accounts', async () => {
    const s = await (await import('../helpers/server')).startTestServer();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 32; i++) statuses.push((await new Client(s.url).mutate('auth.login', { email: `user${i}@portico.test`, password: 'guess-password' })).status);
      expect(statuses.slice(0, 30).every((st) => st === 401)).toBe(true);
      expect(statuses.slice(30)).toEqual([429, 429]);
    } finally {
      await s.stop();
    }
  });
});
