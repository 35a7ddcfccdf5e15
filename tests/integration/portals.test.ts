// Portal lifecycle over HTTP: create, update, domains, default, activate, archive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client} from '../helpers/server';
import { signIn, startTestServer, type TestServer } from '../helpers/server';

type Portal = { id: string; slug: string; name: string; active: boolean; isDefault: boolean; archived: boolean; domains: string[]; publishedVersion: number | null; hasUnpublishedChanges: boolean };

let srv: TestServer;
let owner: Client;
beforeAll(async () => {
  srv = await startTestServer();
  owner = await signIn(srv.url);
});
afterAll(() => srv.stop());

describe('portals', () => {
  it('creates portals; the first becomes the default', async () => {
    const a = await owner.mutate<Portal>('portals.create', { slug: 'alpha', name: 'Alpha' });
    const b = await owner.mutate<Portal>('portals.create', { slug: 'beta', name: 'Beta' });
    expect(a.data).toMatchObject({ slug: 'alpha', isDefault: true, active: true, publishedVersion: null, hasUnpublishedChanges: true });
    expect(b.data).toMatchObject({ slug: 'beta', isDefault: false });
    const list = await owner.query<Portal[]>('portals.list');
    expect(list.data!.map((p) => p.slug)).toEqual(['alpha', 'beta']);
  });

  it('rejects a duplicate or reserved slug with a clear message', async () => {
    const dup = await owner.mutate('portals.create', { slug: 'alpha', name: 'Again' });
    expect(dup.status).toBe(409);
    expect(dup.error?.message).toMatch(/already used/);
    const reserved = await owner.mutate('portals.create', { slug: 'admin', name: 'Nope' });
    expect(reserved.status).toBe(400);
    expect(reserved.error?.message).toMatch(/reserved/);
  });

  it('updates name, slug and domains; a domain belongs to one portal only', async () => {
    const list = (await owner.query<Portal[]>('portals.list')).data!;
    const alpha = list.find((p) => p.slug === 'alpha')!;
    const beta = list.find((p) => p.slug === 'beta')!;
    const u = await owner.mutate<Portal>('portals.update', { id: alpha.id, name: 'Alpha Energy', domains: ['Portal.Alpha.example', 'portal.alpha.example'] });
    expect(u.data).toMatchObject({ name: 'Alpha Energy', domains: ['portal.alpha.example'] });
    const clash = await owner.mutate('portals.update', { id: beta.id, domains: ['portal.alpha.example'] });
    expect(clash.status).toBe(409);
    const bad = await owner.mutate('portals.update', { id: beta.id, domains: ['not a host'] });
    expect(bad.status).toBe(400);
    expect((await owner.query<Portal>('portals.get', { id: beta.id })).data!.domains).toEqual([]);
  });

  it('moves the default; refuses to archive the default; archives with its domains released', async () => {
    const list = (await owner.query<Portal[]>('portals.list')).data!;
    const alpha = list.find((p) => p.slug === 'alpha')!;
    const beta = list.find((p) => p.slug === 'beta')!;
    const refused = await owner.mutate('portals.archive', { id: alpha.id });
    expect(refused.status).toBe(412);
    expect(refused.error?.message).toMatch(/default/);
    await owner.mutate('portals.setDefault', { id: beta.id });
    const after = (await owner.query<Portal[]>('portals.list')).data!;
    expect(after.filter((p) => p.isDefault).map((p) => p.slug)).toEqual(['beta']);
    const archived = await owner.mutate<Portal>('portals.archive', { id: alpha.id });
    expect(archived.data).toMatchObject({ archived: true, active: false, domains: [] });
    expect((await owner.query<Portal[]>('portals.list')).data!.map((p) => p.slug)).toEqual(['beta']);
    expect((await owner.query<Portal[]>('portals.list', { includeArchived: true })).data!).toHaveLength(2);
    expect((await owner.mutate('portals.activate', { id: alpha.id })).status).toBe(412);
  });

  it('deactivates and activates', async () => {
    const beta = (await owner.query<Portal[]>('portals.list')).data!.find((p) => p.slug === 'beta')!;
    expect((await owner.mutate<Portal>('portals.activate', { id: beta.id, active: false })).data!.active).toBe(false);
    expect((await owner.mutate<Portal>('portals.activate', { id: beta.id })).data!.active).toBe(true);
  });

  it('answers NOT_FOUND for an unknown portal id', async () => {
    const r = await owner.query('portals.get', { id: 'nope' });
    expect(r.status).toBe(404);
  });

  it('records every change in the append-only audit log', async () => {
    const rows = await srv.db.selectFrom('audit_log').select(['action']).execute();
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['portal.create', 'portal.update', 'portal.setDefault', 'portal.archive', 'portal.activate']));
    await expect(srv.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(srv.db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
  });
});
