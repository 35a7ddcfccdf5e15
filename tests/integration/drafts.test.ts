// Drafts with optimistic concurrency, document validation against the registry, publish, versions
// and rollback; published versions never change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalDocument } from '../../core';
import type { Client} from '../helpers/server';
import { signIn, startTestServer, type TestServer } from '../helpers/server';

type Draft = { document: PortalDocument; revision: number };
type Version = { id: string; number: number; note: string; live: boolean; createdByEmail: string | null };

let srv: TestServer;
let owner: Client;
let id: string;
beforeAll(async () => {
  srv = await startTestServer();
  owner = await signIn(srv.url);
  id = (await owner.mutate<{ id: string }>('portals.create', { slug: 'acme', name: 'Acme' })).data!.id;
});
afterAll(() => srv.stop());

const draft = async () => (await owner.query<Draft>('portals.getDraft', { id })).data!;
const withHeading = (doc: PortalDocument, text: string): PortalDocument => ({
  ...doc,
  pages: doc.pages.map((p, i) => (i === 0 ? { ...p, blocks: [...p.blocks, { id: `h_${text.replace(/\W/g, '')}`, type: 'heading', props: { text } }] } : p)),
});

describe('drafts', () => {
  it('starts at revision 1 with a valid blank document', async () => {
    const d = await draft();
    expect(d.revision).toBe(1);
    expect(d.document.pages[0]!.path).toBe('/');
  });

  it('saves with the base revision and fills prop defaults', async () => {
    const d = await draft();
    const r = await owner.mutate<{ revision: number }>('portals.saveDraft', { id, baseRevision: d.revision, document: withHeading(d.document, 'Hello') });
    expect(r.status).toBe(200);
    expect(r.data!.revision).toBe(d.revision + 1);
    const saved = await draft();
    const heading = saved.document.pages[0]!.blocks.find((b) => b.id === 'h_Hello')!;
    expect(heading.props).toEqual({ text: 'Hello', level: 'h2', align: 'left', eyebrow: '' });
  });

  it('answers CONFLICT on a stale base revision and keeps the newer draft', async () => {
    const d = await draft();
    const first = await owner.mutate('portals.saveDraft', { id, baseRevision: d.revision, document: withHeading(d.document, 'First') });
    expect(first.status).toBe(200);
    const stale = await owner.mutate('portals.saveDraft', { id, baseRevision: d.revision, document: withHeading(d.document, 'Second') });
    expect(stale.status).toBe(409);
    expect(stale.error?.data.code).toBe('CONFLICT');
    expect(stale.error?.message).toMatch(/revision/);
    const now = await draft();
    expect(now.revision).toBe(d.revision + 1);
    expect(now.document.pages[0]!.blocks.some((b) => b.id === 'h_First')).toBe(true);
    expect(now.document.pages[0]!.blocks.some((b) => b.id === 'h_Second')).toBe(false);
  });

  it('rejects an unknown block type naming the block id and field', async () => {
    const d = await draft();
    const doc = { ...d.document, pages: [{ ...d.document.pages[0]!, blocks: [{ id: 'mystery1', type: 'mystery-block', props: {} }] }] };
    const r = await owner.mutate('portals.saveDraft', { id, baseRevision: d.revision, document: doc });
    expect(r.status).toBe(400);
    expect(r.error?.message).toContain('block "mystery1"');
    expect(r.error?.message).toContain('field "type"');
    expect(r.error?.message).toContain('unknown block type "mystery-block"');
    expect((await draft()).revision).toBe(d.revision);
  });

  it('rejects invalid props naming the block id and the prop', async () => {
    const d = await draft();
    const doc = { ...d.document, pages: [{ ...d.document.pages[0]!, blocks: [{ id: 'h_bad', type: 'heading', props: { text: 'x', level: 'h9' } }] }] };
    const r = await owner.mutate('portals.saveDraft', { id, baseRevision: d.revision, document: doc });
    expect(r.status).toBe(400);
    expect(r.error?.message).toContain('block "h_bad", field "level"');
    expect((await draft()).revision).toBe(d.revision);
  });
});

describe('publishing', () => {
  it('publishes version n with a note, lists versions, opens one', async () => {
    const v1 = await owner.mutate<Version>('portals.publish', { id, note: 'First release' });
    expect(v1.data).toMatchObject({ number: 1, note: 'First release', live: true, createdByEmail: 'owner@portico.test' });
    const d = await draft();
    await owner.mutate('portals.saveDraft', { id, baseRevision: d.revision, document: withHeading(d.document, 'Second release') });
    const portal = await owner.query<{ hasUnpublishedChanges: boolean }>('portals.get', { id });
    expect(portal.data!.hasUnpublishedChanges).toBe(true);
    const v2 = await owner.mutate<Version>('portals.publish', { id, note: 'Second' });
    expect(v2.data!.number).toBe(2);
    expect((await owner.query<{ hasUnpublishedChanges: boolean; publishedVersion: number }>('portals.get', { id })).data).toMatchObject({
      hasUnpublishedChanges: false,
      publishedVersion: 2,
    });
    const list = await owner.query<Version[]>('portals.versions', { id });
    expect(list.data!.map((v) => [v.number, v.live])).toEqual([[2, true], [1, false]]);
    const one = await owner.query<Version & { document: PortalDocument }>('portals.version', { id, number: 1 });
    expect(one.data!.document.pages[0]!.blocks.some((b) => b.id === 'h_Secondrelease')).toBe(false);
    expect((await owner.query('portals.version', { id, number: 99 })).status).toBe(404);
  });

  it('rolls back to an earlier version without changing any version', async () => {
    const before = await srv.db.selectFrom('portal_versions').selectAll().orderBy('number').execute();
    const r = await owner.mutate<Version>('portals.rollback', { id, version: 1 });
    expect(r.data).toMatchObject({ number: 1, live: true });
    expect((await owner.query<{ publishedVersion: number; hasUnpublishedChanges: boolean }>('portals.get', { id })).data).toMatchObject({
      publishedVersion: 1,
      hasUnpublishedChanges: true,
    });
    const after = await srv.db.selectFrom('portal_versions').selectAll().orderBy('number').execute();
    expect(after).toEqual(before);
    const v3 = await owner.mutate<Version>('portals.publish', { id, note: 'after rollback' });
    expect(v3.data!.number).toBe(3);
  });

  it('refuses to change or delete a published version, even through SQL', async () => {
    await expect(srv.db.updateTable('portal_versions').set({ note: 'tampered' }).execute()).rejects.toThrow(/immutable/);
    await expect(srv.db.deleteFrom('portal_versions').execute()).rejects.toThrow(/immutable/);
    const notes = await srv.db.selectFrom('portal_versions').select('note').orderBy('number').execute();
    expect(notes.map((n) => n.note)).toEqual(['First release', 'Second', 'after rollback']);
  });
});
