// Entity types and records through the admin API (what the builder's Data section calls): every
// field type round-trips; bad records are refused with the field named and nothing written; type
// changes migrate every stored record or change nothing and name the records at fault.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type Client, type TestServer } from '../helpers/server';

type TypeSummary = { key: string; revision: number; builtIn: boolean; recordCount: number; fields: { key: string; type: string }[] };
type RecordView = { id: string; revision: number; title: string; data: Record<string, unknown>; externalId: string | null };
type Issue = { field: string; message: string; recordId?: string };

let srv: TestServer;
let owner: Client;
let fileId: string;

beforeAll(async () => {
  srv = await startTestServer();
  owner = await signIn(srv.url);
  // A stored file for the file field (the upload route has its own tests).
  fileId = 'f_test_doc';
  await srv.db
    .insertInto('files')
    .values({ id: fileId, storage_name: 'x-test', name: 'contract.pdf', mime: 'application/pdf', bytes: 1234, sha256: 'x', created_at: new Date().toISOString(), created_by: null })
    .execute();
});
afterAll(() => srv.stop());

const getType = async (key: string) => (await owner.query<TypeSummary>('entityTypes.get', { key })).data!;
const count = async (type: string) => (await owner.query<{ items: unknown[] }>('records.list', { type, limit: 200 })).data!.items.length;
const issuesOf = (r: { error?: { data: { issues?: unknown } } }) => (r.error?.data.issues ?? []) as Issue[];

const ALL_TYPES = {
  key: 'everything',
  label: { singular: 'Everything', plural: 'Everythings' },
  titleField: 'title',
  accountLink: 'account',
  fields: [
    { key: 'title', label: 'Title', type: 'text', required: true, identifier: true },
    { key: 'body', label: 'Body', type: 'longText' },
    { key: 'count', label: 'Count', type: 'number', integer: true, min: 0 },
    { key: 'price', label: 'Price', type: 'money', currency: 'EUR' },
    { key: 'starts', label: 'Starts', type: 'date' },
    { key: 'at', label: 'At', type: 'datetime' },
    { key: 'active', label: 'Active', type: 'boolean', default: true },
    { key: 'status', label: 'Status', type: 'enum', options: [{ value: 'open', label: 'Open' }, { value: 'closed', label: 'Closed' }] },
    { key: 'email', label: 'Email', type: 'email' },
    { key: 'phone', label: 'Phone', type: 'phone' },
    { key: 'address', label: 'Address', type: 'address' },
    { key: 'site', label: 'Site', type: 'url' },
    { key: 'doc', label: 'Document', type: 'file' },
    { key: 'account', label: 'Account', type: 'relation', target: 'account' },
    { key: 'contacts', label: 'Contacts', type: 'relations', target: 'contact' },
  ],
};

describe('entity types', () => {
  it('has the built-in Account and Contact, which cannot be deleted', async () => {
    const list = (await owner.query<TypeSummary[]>('entityTypes.list')).data!;
    expect(list.filter((t) => t.builtIn).map((t) => t.key)).toEqual(['account', 'contact']);
    const r = await owner.mutate('entityTypes.delete', { key: 'account' });
    expect(r.status).toBe(400);
  });

  it('refuses an invalid definition, naming each field at fault', async () => {
    const r = await owner.mutate('entityTypes.create', {
      definition: {
        key: 'Bad Key',
        label: { singular: 'X', plural: 'Xs' },
        titleField: 'nope',
        fields: [
          { key: 'a', label: 'A', type: 'text' },
          { key: 'a', label: 'A again', type: 'text' },
          { key: 'l', label: 'L', type: 'relation', target: 'ghost' },
        ],
      },
    });
    expect(r.status).toBe(400);
    const fields = issuesOf(r).map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['key', 'fields.1.key', 'titleField']));
    const ghost = await owner.mutate('entityTypes.create', {
      definition: { key: 'ghostly', label: { singular: 'G', plural: 'Gs' }, titleField: 'n', fields: [{ key: 'n', label: 'N', type: 'text' }, { key: 'l', label: 'L', type: 'relation', target: 'ghost' }] },
    });
    expect(ghost.status).toBe(400);
    expect(issuesOf(ghost)).toEqual([{ field: 'l', message: 'links to "ghost", which is not an entity type' }]);
    expect((await owner.query<TypeSummary[]>('entityTypes.list')).data!.map((t) => t.key)).not.toContain('ghostly');
  });

  it('round-trips every field type through create and get', async () => {
    expect((await owner.mutate('entityTypes.create', { definition: ALL_TYPES })).status).toBe(200);
    const account = (await owner.mutate<RecordView>('records.create', { type: 'account', externalId: 'ACC-1', data: { name: 'Acme' } })).data!;
    const contact = (await owner.mutate<RecordView>('records.create', { type: 'contact', data: { name: 'Ada', accounts: [account.id] } })).data!;
    const input = {
      title: 'All of it',
      body: 'Line 1\nLine 2',
      count: 3,
      price: { amount: 19.99 },
      starts: '2026-02-28',
      at: '2026-05-01T11:30:00+02:00',
      status: 'open',
      email: 'ada@example.com',
      phone: '+49 30 1234567',
      address: { street: 'Main St 1', postalCode: '10115', city: 'Berlin', country: 'de' },
      site: 'https://example.com/x',
      doc: fileId,
      account: { externalId: 'ACC-1' },
      contacts: [contact.id],
    };
    const created = await owner.mutate<RecordView>('records.create', { type: 'everything', data: input });
    expect(created.error?.message).toBeUndefined();
    const got = (await owner.query<RecordView>('records.get', { type: 'everything', id: created.data!.id })).data!;
    expect(got.title).toBe('All of it');
    expect(got.data).toEqual({
      ...input,
      price: { amount: 19.99, currency: 'EUR' },
      at: '2026-05-01T09:30:00.000Z',
      active: true, // the default
      address: { street: 'Main St 1', postalCode: '10115', city: 'Berlin', country: 'DE' },
      doc: { id: fileId, name: 'contract.pdf', mime: 'application/pdf', bytes: 1234 },
      account: account.id,
    });
    // What comes out goes back in unchanged (a client may read, edit one field, and write all).
    const again = await owner.mutate<RecordView>('records.update', { type: 'everything', id: got.id, data: got.data });
    expect(again.data!.data).toEqual(got.data);
  });

  it('refuses bad records with the field named, writing nothing', async () => {
    const before = await count('everything');
    const cases: [Record<string, unknown>, string][] = [
      [{ title: 'x', count: 'three' }, 'count'],
      [{ title: 'x', count: 1.5 }, 'count'],
      [{ body: 'no title' }, 'title'],
      [{ title: 'x', colour: 'red' }, 'colour'],
      [{ title: 'x', starts: '2026-02-30' }, 'starts'],
      [{ title: 'x', status: 'pending' }, 'status'],
      [{ title: 'x', site: 'javascript:alert(1)' }, 'site'],
      [{ title: 'x', account: 'r_nope' }, 'account'],
      [{ title: 'x', doc: 'f_nope' }, 'doc'],
      [{ title: 'x', price: { amount: 1, currency: 'USD' } }, 'price'],
      [JSON.parse('{"title":"x","__proto__":{"polluted":true}}') as Record<string, unknown>, '__proto__'],
      [{ title: 'nul \u0000 inside' }, 'title'],
    ];
    for (const [data, field] of cases) {
      const r = await owner.mutate('records.create', { type: 'everything', data });
      expect(r.status, JSON.stringify(data)).toBe(400);
      expect(issuesOf(r).map((i) => i.field), JSON.stringify(data)).toContain(field);
    }
    expect(await count('everything')).toBe(before);
  });

  it('refuses a stale record revision with CONFLICT', async () => {
    const r = (await owner.mutate<RecordView>('records.create', { type: 'everything', data: { title: 'rev' } })).data!;
    expect((await owner.mutate('records.update', { type: 'everything', id: r.id, baseRevision: r.revision, data: { count: 1 } })).status).toBe(200);
    const stale = await owner.mutate('records.update', { type: 'everything', id: r.id, baseRevision: r.revision, data: { count: 2 } });
    expect(stale.status).toBe(409);
    expect((await owner.query<RecordView>('records.get', { type: 'everything', id: r.id })).data!.data.count).toBe(1);
  });
});

describe('changing a type with records in it', () => {
  const base = {
    key: 'meter',
    label: { singular: 'Meter', plural: 'Meters' },
    titleField: 'code',
    fields: [
      { key: 'code', label: 'Code', type: 'text', required: true },
      { key: 'reading', label: 'Reading', type: 'number' },
      { key: 'serial', label: 'Serial', type: 'text' },
      { key: 'note', label: 'Note', type: 'text' },
    ],
  };
  const ids: string[] = [];
  const update = async (definition: unknown, confirmRemoved?: string[]) => {
    const t = await getType('meter');
    return owner.mutate<TypeSummary & { migrated: number }>('entityTypes.update', { key: 'meter', baseRevision: t.revision, definition, ...(confirmRemoved ? { confirmRemoved } : {}) });
  };
  const data = async () => (await owner.query<{ items: RecordView[] }>('records.list', { type: 'meter', limit: 200, sort: [{ field: 'code', dir: 'asc' }] })).data!.items.map((r) => r.data);

  beforeAll(async () => {
    expect((await owner.mutate('entityTypes.create', { definition: base })).status).toBe(200);
    for (const [code, reading, serial] of [['M1', 12, '100'], ['M2', 7.5, 'A-7'], ['M3', undefined, '300']] as const) {
      const r = await owner.mutate<RecordView>('records.create', { type: 'meter', data: { code, ...(reading !== undefined ? { reading } : {}), serial, note: 'n' } });
      ids.push(r.data!.id);
    }
  });

  it('converts number to text in every record', async () => {
    const r = await update({ ...base, fields: base.fields.map((f) => (f.key === 'reading' ? { ...f, type: 'text' } : f)) });
    expect(r.error?.message).toBeUndefined();
    expect(r.data!.migrated).toBe(2);
    expect((await data()).map((d) => d.reading)).toEqual(['12', '7.5', undefined]);
  });

  it('refuses text to number when a value is not a number, naming the record, and changes nothing', async () => {
    const revision = (await getType('meter')).revision;
    const r = await update({ ...base, fields: base.fields.map((f) => (f.key === 'serial' ? { ...f, type: 'number' } : f)) });
    expect(r.status).toBe(400);
    expect(issuesOf(r)).toEqual([{ field: 'serial', recordId: ids[1], message: '"A-7" is not a number' }]);
    expect((await getType('meter')).revision).toBe(revision);
    expect((await data()).map((d) => d.serial)).toEqual(['100', 'A-7', '300']);
  });

  it('needs a removed field confirmed by name, then deletes its values', async () => {
    const current = (await getType('meter')).fields;
    const without = { ...base, fields: current.filter((f) => f.key !== 'note') };
    const refused = await update(without);
    expect(refused.status).toBe(400);
    expect(issuesOf(refused)[0]!.field).toBe('note');
    expect((await data()).every((d) => d.note === 'n')).toBe(true);
    expect((await update(without, ['note'])).status).toBe(200);
    expect((await data()).some((d) => 'note' in d)).toBe(false);
  });

  it('a new required field needs a default to fill existing records', async () => {
    const current = (await getType('meter')).fields;
    const required = { key: 'kind', label: 'Kind', type: 'enum', required: true, options: [{ value: 'power', label: 'Power' }, { value: 'gas', label: 'Gas' }] };
    const refused = await update({ ...base, fields: [...current, required] });
    expect(refused.status).toBe(400);
    expect(issuesOf(refused)).toHaveLength(3);
    expect(issuesOf(refused).every((i) => i.field === 'kind' && ids.includes(i.recordId!))).toBe(true);
    expect((await update({ ...base, fields: [...current, { ...required, default: 'power' }] })).status).toBe(200);
    expect((await data()).map((d) => d.kind)).toEqual(['power', 'power', 'power']);
  });

  it('refuses a stale type revision with CONFLICT', async () => {
    const t = await getType('meter');
    const r = await owner.mutate('entityTypes.update', { key: 'meter', baseRevision: t.revision - 1, definition: { ...base, fields: t.fields } });
    expect(r.status).toBe(409);
  });

  it('keeps built-in fields: not removable, not retypable; own fields may be added', async () => {
    const contact = await getType('contact');
    const def = (fields: unknown[]) => ({ key: 'contact', label: { singular: 'Contact', plural: 'Contacts' }, titleField: 'name', accountLink: 'accounts', contactLink: '$self', fields });
    const removed = await owner.mutate('entityTypes.update', { key: 'contact', baseRevision: contact.revision, definition: def(contact.fields.filter((f) => f.key !== 'phone')), confirmRemoved: ['phone'] });
    expect(removed.status).toBe(400);
    const retyped = await owner.mutate('entityTypes.update', { key: 'contact', baseRevision: contact.revision, definition: def(contact.fields.map((f) => (f.key === 'email' ? { ...f, type: 'text' } : f))) });
    expect(retyped.status).toBe(400);
    const added = await owner.mutate('entityTypes.update', { key: 'contact', baseRevision: contact.revision, definition: def([...contact.fields, { key: 'certifications', label: 'Certifications', type: 'longText' }]) });
    expect(added.status).toBe(200);
  });

  it('deletes a type only when it has no records and nothing links to it', async () => {
    expect((await owner.mutate('entityTypes.delete', { key: 'meter' })).status).toBe(409);
    for (const id of ids) expect((await owner.mutate('records.delete', { type: 'meter', id })).status).toBe(200);
    expect((await owner.mutate('entityTypes.delete', { key: 'meter' })).status).toBe(200);
    expect((await owner.query('entityTypes.get', { key: 'meter' })).status).toBe(404);
  });

  it('refuses to delete a record other records link to', async () => {
    const account = (await owner.mutate<RecordView>('records.create', { type: 'account', data: { name: 'Linked Ltd' } })).data!;
    const contact = (await owner.mutate<RecordView>('records.create', { type: 'contact', data: { name: 'Bo', accounts: [account.id] } })).data!;
    const r = await owner.mutate('records.delete', { type: 'account', id: account.id });
    expect(r.status).toBe(409);
    expect(r.error!.message).toContain('contact "Bo" (accounts)');
    expect((await owner.mutate('records.update', { type: 'contact', id: contact.id, data: { accounts: null } })).status).toBe(200);
    expect((await owner.mutate('records.delete', { type: 'account', id: account.id })).status).toBe(200);
  });
});
