// Bad input gets a clear 4xx and changes nothing: unknown keys, __proto__, wrong types, huge bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client} from '../helpers/server';
import { signIn, startTestServer, type TestServer } from '../helpers/server';

let srv: TestServer;
let owner: Client;
let id: string;
beforeAll(async () => {
  srv = await startTestServer();
  owner = await signIn(srv.url);
  id = (await owner.mutate<{ id: string }>('portals.create', { slug: 'acme', name: 'Acme' })).data!.id;
});
afterAll(() => srv.stop());

const revision = async () => (await owner.query<{ revision: number }>('portals.getDraft', { id })).data!.revision;
const rawPost = (proc: string, body: string) =>
  owner.fetch(`/admin/api/trpc/${proc}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: owner.origin }, body });

describe('bad input', () => {
  it('rejects unknown keys with a message naming them', async () => {
    const r = await owner.mutate('portals.create', { slug: 'beta', name: 'Beta', evil: true });
    expect(r.status).toBe(400);
    expect(r.error?.message).toMatch(/evil/);
    expect((await owner.query<unknown[]>('portals.list')).data).toHaveLength(1);
  });

  it('rejects __proto__ keys', async () => {
    const res = await rawPost('portals.update', `{"id":"${id}","__proto__":{"admin":true},"name":"Hacked"}`);
    expect(res.status).toBe(400);
    expect(((await owner.query<{ name: string }>('portals.get', { id })).data!).name).toBe('Acme');
  });

  it('rejects __proto__ inside a document', async () => {
    const d = (await owner.query<{ revision: number; document: Record<string, unknown> }>('portals.getDraft', { id })).data!;
    const body = JSON.stringify({ id, baseRevision: d.revision, document: d.document }).replace('"theme":', '"__proto__":{"x":1},"theme":');
    const res = await rawPost('portals.saveDraft', body);
    expect(res.status).toBe(400);
    expect(await revision()).toBe(d.revision);
  });

  it('rejects wrong types with the path at fault', async () => {
    const r = await owner.mutate('portals.saveDraft', { id, baseRevision: 'one', document: {} });
    expect(r.status).toBe(400);
    expect(r.error?.message).toMatch(/baseRevision/);
    expect(r.error?.data.issues?.[0]?.path).toEqual(['baseRevision']);
  });

  it('rejects malformed JSON', async () => {
    const res = await rawPost('portals.create', '{"slug": "x", ');
    expect(res.status).toBe(400);
  });

  it('rejects a 5 MB body with 413 and changes nothing', async () => {
    const before = await revision();
    const d = (await owner.query<{ document: Record<string, unknown> }>('portals.getDraft', { id })).data!;
    const huge = JSON.stringify({ id, baseRevision: before, document: { ...d.document, texts: { big: { en: 'x'.repeat(5 * 1024 * 1024) } } } });
    const res = await rawPost('portals.saveDraft', huge);
    expect(res.status).toBe(413);
    expect(await revision()).toBe(before);
  });

  it('rejects a document that breaks the schema and names where', async () => {
    const d = (await owner.query<{ revision: number; document: { pages: { path: string }[] } }>('portals.getDraft', { id })).data!;
    const doc = { ...d.document, pages: [{ ...d.document.pages[0]!, path: 'no-slash' }] };
    const r = await owner.mutate('portals.saveDraft', { id, baseRevision: d.revision, document: doc });
    expect(r.status).toBe(400);
    expect(r.error?.message).toMatch(/pages\.0\.path/);
    expect(await revision()).toBe(d.revision);
  });

  it('answers unknown procedures with 404', async () => {
    expect((await owner.query('portals.nope')).status).toBe(404);
  });
});

describe('CSRF', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['text/plain', { 'content-type': 'text/plain', origin: '' }, 'application/json'],
    ['multipart', { 'content-type': 'multipart/form-data; boundary=x', origin: '' }, 'application/json'],
    ['form-encoded', { 'content-type': 'application/x-www-form-urlencoded', origin: '' }, 'application/json'],
    ['a cross-site Origin', { 'content-type': 'application/json', origin: 'https://evil.example' }, 'cross-origin'],
    ['a cross-site Sec-Fetch-Site', { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, 'cross-site'],
    ['no Origin at all', { 'content-type': 'application/json' }, 'Origin'],
  ];
  for (const [label, headers, reason] of cases) {
    it(`rejects a mutation with ${label}, changing nothing`, async () => {
      const h: Record<string, string> = { ...headers };
      if (h.origin === '') h.origin = owner.origin;
      const res = await owner.fetch('/admin/api/trpc/portals.update', { method: 'POST', headers: h, body: JSON.stringify({ id, name: 'Pwned' }) });
      expect([403, 415]).toContain(res.status);
      expect(await res.text()).toContain(reason);
      expect((await owner.query<{ name: string }>('portals.get', { id })).data!.name).toBe('Acme');
    });
  }

  it('accepts a same-origin JSON mutation', async () => {
    const r = await owner.mutate('portals.update', { id, name: 'Acme 2' }, { 'sec-fetch-site': 'same-origin' });
    expect(r.status).toBe(200);
    await owner.mutate('portals.update', { id, name: 'Acme' });
  });
});
