// Walks the whole portal router: every procedure declares who may call it; the ones for signed-in
// users refuse anonymous callers (UNAUTHORIZED) and nothing else is open by accident.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalMeta } from '../../server/portal-trpc';
import { portalRouter } from '../../server/routers/portal';
import { signIn, startTestServer, type TestServer } from '../helpers/server';
import { documentOf, heading, insertUser, PortalClient, publishPortal, signedIn } from '../helpers/portal-auth';

type ProcedureDef = { type: 'query' | 'mutation' | 'subscription'; meta?: PortalMeta };
const procedures = Object.entries(portalRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>).map(([path, p]) => ({
  path,
  type: p._def.type,
  meta: p._def.meta,
}));

let srv: TestServer;
const BASE = '/p/acme';

beforeAll(async () => {
  srv = await startTestServer();
  const owner = await signIn(srv.url);
  const id = await publishPortal(owner, 'acme', 'Acme', documentOf([{ id: 'home', path: '/', title: { en: 'Home' }, inNav: true, blocks: [heading('h', 'Hi')] }]));
  await insertUser(srv.db, id, { email: 'jane@acme.test' });
});
afterAll(() => srv.stop());

const call = (c: PortalClient, p: (typeof procedures)[number]) => (p.type === 'query' ? c.ask(p.path, {}) : c.call(p.path, {}));

describe('portal router access', () => {
  it('declares an access rule for every procedure', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(13);
    for (const p of procedures) expect(p.meta?.access, `${p.path} declares no access rule`).toBeDefined();
  });

  it('opens to visitors only the page and the ways to sign in', () => {
    expect(procedures.filter((p) => p.meta?.access.kind === 'portal-visitor').map((p) => p.path).sort()).toEqual(
      [
        'auth.acceptInvite',
        'auth.confirmEmail',
        'auth.forgotPassword',
        'auth.login',
        'auth.redeemMagicLink',
        'auth.register',
        'auth.requestMagicLink',
        'auth.resetPassword',
        'page',
      ].sort(),
    );
    expect(procedures.filter((p) => p.meta?.access.kind === 'portal-user').map((p) => p.path).sort()).toEqual(['auth.changePassword', 'auth.logout', 'auth.me', 'auth.updateProfile', 'blockData', 'runAction']);
  });

  it('refuses every signed-in procedure to an anonymous caller with UNAUTHORIZED', async () => {
    const anon = new PortalClient(srv.url, BASE);
    for (const p of procedures.filter((x) => x.meta?.access.kind === 'portal-user')) {
      const r = await call(anon, p);
      expect(r.status, p.path).toBe(401);
      expect(r.error?.data.code, p.path).toBe('UNAUTHORIZED');
    }
  });

  it('lets a signed-in user through to input validation', async () => {
    const c = await signedIn(srv.url, BASE, 'jane@acme.test');
    for (const p of procedures.filter((x) => x.meta?.access.kind === 'portal-user' && x.path !== 'auth.logout')) {
      const r = await call(c, p);
      expect([200, 400], p.path).toContain(r.status);
    }
  });
});
