// Walks the whole admin router: every procedure declares who may call it, refuses anonymous callers
// (UNAUTHORIZED) unless declared public, and refuses designers where their role forbids (FORBIDDEN).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRouter } from '../../server/routers/admin';
import type { Meta } from '../../server/trpc';
import { adminWithRole, Client, signIn, startTestServer, type TestServer } from '../helpers/server';

type ProcedureDef = { type: 'query' | 'mutation' | 'subscription'; meta?: Meta };
const procedures = Object.entries(adminRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>).map(([path, p]) => ({
  path,
  type: p._def.type,
  meta: p._def.meta,
}));

let srv: TestServer;
let designer: Client;
let portalId: string;

beforeAll(async () => {
  srv = await startTestServer();
  const owner = await signIn(srv.url);
  const created = await owner.mutate<{ id: string }>('portals.create', { slug: 'acme', name: 'Acme' });
  portalId = created.data!.id;
  designer = await adminWithRole(srv.url, owner, 'designer');
});
afterAll(() => srv.stop());

const call = (c: Client, p: (typeof procedures)[number]) =>
  p.type === 'query' ? c.query(p.path, { id: portalId }) : c.mutate(p.path, { id: portalId });

describe('admin router access', () => {
  it('has procedures, every one with a declared access rule', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(20);
    for (const p of procedures) expect(p.meta?.access, `${p.path} declares no access rule`).toBeDefined();
  });

  it('names the contract procedures', () => {
    const names = procedures.map((p) => p.path);
    for (const n of [
      'auth.login', 'auth.logout', 'auth.me',
      'portals.list', 'portals.create', 'portals.get', 'portals.update', 'portals.archive', 'portals.setDefault', 'portals.activate',
      'portals.getDraft', 'portals.saveDraft', 'portals.publish', 'portals.versions', 'portals.version', 'portals.rollback',
      'roles.list', 'roles.get', 'roles.create', 'roles.update', 'roles.delete', 'roles.setDefault',
      'portalUsers.list', 'portalUsers.get', 'portalUsers.create', 'portalUsers.invite', 'portalUsers.resendInvite',
      'portalUsers.setStatus', 'portalUsers.setRoles', 'portalUsers.linkContact', 'portalUsers.importCsv',
      'preview.page',
    ]) expect(names).toContain(n);
  });

  it('refuses every non-public procedure to an anonymous caller with UNAUTHORIZED', async () => {
    const anon = new Client(srv.url);
    for (const p of procedures) {
      if (p.meta?.access.kind === 'anyone') continue;
      const r = await call(anon, p);
      expect(r.status, p.path).toBe(401);
      expect(r.error?.data.code, p.path).toBe('UNAUTHORIZED');
    }
  });

  it('only auth.login is public', () => {
    expect(procedures.filter((p) => p.meta?.access.kind === 'anyone').map((p) => p.path)).toEqual(['auth.login']);
  });

  it('refuses designers what their role forbids with FORBIDDEN, and nothing changes', async () => {
    const forbidden = procedures.filter((p) => p.meta?.access.kind === 'admin' && !p.meta.access.roles.includes('designer'));
    expect(forbidden.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'portals.create', 'portals.update', 'portals.archive', 'portals.setDefault', 'portals.activate', 'admins.create',
        // Roles, portal users and previews as them decide who sees what: never designers.
        'roles.list', 'roles.update', 'roles.setDefault', 'portalUsers.list', 'portalUsers.create', 'portalUsers.setStatus', 'portalUsers.importCsv', 'preview.page',
      ]),
    );
    for (const p of forbidden) {
      const r = await call(designer, p);
      expect(r.status, p.path).toBe(403);
      expect(r.error?.data.code, p.path).toBe('FORBIDDEN');
    }
    const portal = await designer.query<{ archived: boolean; active: boolean }>('portals.get', { id: portalId });
    expect(portal.data).toMatchObject({ archived: false, active: true });
  });

  it('lets designers edit pages: draft, publish, versions', async () => {
    const draft = await designer.query<{ revision: number; document: unknown }>('portals.getDraft', { id: portalId });
    expect(draft.status).toBe(200);
    const saved = await designer.mutate('portals.saveDraft', { id: portalId, baseRevision: draft.data!.revision, document: draft.data!.document });
    expect(saved.status).toBe(200);
    expect((await designer.mutate('portals.publish', { id: portalId, note: 'by designer' })).status).toBe(200);
  });
});
