// The integration API's records, as an external system (CRM, ERP) uses them: every field type
// round-trips; bad records are refused with the fields named and write nothing; upserts by external
// id are idempotent; relations by external id; If-Match; filters, sort and cursor paging give exact
// sets and orders; linked accounts cannot be deleted; contacts are linked to accounts; internal
// fields need their scope; every error is a problem; every change is audited as the key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type Client, type TestServer } from '../helpers/server';

type Json = Record<string, unknown>;
type Reply = { status: number; headers: Headers; body: Json };
type RecordView = { id: string; type: string; externalId?: string | null; title: string; data: Json; revision: number; createdAt: string; updatedAt: string };
type Page = { items: RecordView[]; nextCursor: string | null };

let srv: TestServer;
let owner: Client;
/** records read/write/delete and types:read, without fields:internal. */
let full: string;
/** Everything, fields:internal included. */
let internal: string;
let fullKeyId: string;

async function createKey(scopes: string[]): Promise<{ secret: string; id: string }> {
  const r = await owner.mutate<{ secret: string; key: { id: string } }>('apiKeys.create', { name: scopes.join(' '), scopes });
  if (r.status !== 200) throw new Error(`apiKeys.create: ${r.error?.message}`);
  return { secret: r.data!.secret, id: r.data!.key.id };
}

async function call(method: string, path: string, opts: { key?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const headers: Record<string, string> = { authorization: `Bearer ${opts.key ?? full}`, ...opts.headers };
  let body: string | undefined;
  if (opts.body !== undefined || opts.raw !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = opts.raw ?? JSON.stringify(opts.body);
  }
  const res = await fetch(`${srv.url}/api/v1${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Json) : {} };
}

const rec = (r: Reply) => r.body as unknown as RecordView;
const page = (r: Reply) => r.body as unknown as Page;

async function ok(method: string, path: string, opts: Parameters<typeof call>[2] = {}, status = 200): Promise<Reply> {
  const r = await call(method, path, opts);
  if (r.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

/** Every record of a type (as the key sees them), by paging. */
async function all(type: string, query = '', key = full): Promise<RecordView[]> {
  const out: RecordView[] = [];
  let cursor: string | null = null;
  do {
    const sep = query ? '&' : '';
    const r = page(await ok('GET', `/records/${type}?${query}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { key }));
    out.push(...r.items);
    cursor = r.nextCursor;
  } while (cursor);
  return out;
}

function expectProblem(r: Reply, status: number, type: string): void {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  expect(r.headers.get('cache-control')).toBe('no-store');
  expect(r.body).toMatchObject({ type: `urn:portico:problem:${type}`, status });
  expect(typeof r.body.title).toBe('string');
  expect(typeof r.body.detail).toBe('string');
}

const errorFields = (r: Reply) => ((r.body.errors ?? []) as { field: string }[]).map((e) => e.field);

const DEAL = {
  key: 'deal',
  label: { singular: 'Deal', plural: 'Deals' },
  titleField: 'title',
  accountLink: 'account',
  contactLink: 'contacts',
  fields: [
    { key: 'title', label: 'Title', type: 'text', required: true },
    { key: 'notes', label: 'Notes', type: 'longText' },
    { key: 'amount', label: 'Amount', type: 'number', min: 0 },
    { key: 'price', label: 'Price', type: 'money', currency: 'EUR' },
    { key: 'closeOn', label: 'Close on', type: 'date' },
    { key: 'meetingAt', label: 'Meeting', type: 'datetime' },
    { key: 'won', label: 'Won', type: 'boolean' },
    { key: 'stage', label: 'Stage', type: 'enum', options: [{ value: 'lead', label: 'Lead' }, { value: 'won', label: 'Won' }, { value: 'lost', label: 'Lost' }] },
    { key: 'email', label: 'Email', type: 'email' },
    { key: 'phone', label: 'Phone', type: 'phone' },
    { key: 'address', label: 'Address', type: 'address' },
    { key: 'site', label: 'Website', type: 'url' },
    { key: 'contract', label: 'Contract', type: 'file', accept: ['application/pdf'] },
    { key: 'account', label: 'Account', type: 'relation', target: 'account' },
    { key: 'contacts', label: 'Contacts', type: 'relations', target: 'contact' },
    { key: 'cost', label: 'Internal cost', type: 'number', internal: true },
  ],
};

const pad = (i: number) => String(i).padStart(2, '0');
const STATUSES = ['open', 'closed', 'waiting', 'open'];
/** The 30 tickets of the list tests: each property a formula of i, so the expected sets are computed the same way. */
const ticket = (i: number) => ({
  subject: `T${pad(i)}`,
  priority: i % 5,
  urgent: i % 3 === 0,
  status: STATUSES[i % 4]!,
  ...(i <= 20 ? { due: `2026-01-${pad(i)}` } : {}),
  margin: i * 10,
});

beforeAll(async () => {
  srv = await startTestServer();
  owner = await signIn(srv.url);
  const fullKey = await createKey(['records:read', 'records:write', 'records:delete', 'types:read']);
  full = fullKey.secret;
  fullKeyId = fullKey.id;
  internal = (await createKey(['records:read', 'records:write', 'records:delete', 'types:read', 'fields:internal'])).secret;
  for (const definition of [
    DEAL,
    {
      key: 'ticket',
      label: { singular: 'Ticket', plural: 'Tickets' },
      titleField: 'subject',
      fields: [
        { key: 'subject', label: 'Subject', type: 'text', required: true },
        { key: 'priority', label: 'Priority', type: 'number', integer: true },
        { key: 'urgent', label: 'Urgent', type: 'boolean' },
        { key: 'status', label: 'Status', type: 'enum', options: STATUSES.slice(0, 3).map((value) => ({ value, label: value })) },
        { key: 'due', label: 'Due', type: 'date' },
        { key: 'margin', label: 'Margin', type: 'number', internal: true },
      ],
    },
  ]) {
    const r = await owner.mutate('entityTypes.create', { definition });
    if (r.status !== 200) throw new Error(`entityTypes.create: ${r.error?.message}`);
  }
});
afterAll(() => srv.stop());

describe('types', () => {
  it('lists the built-in and own types with a JSON Schema of their data', async () => {
    const r = await ok('GET', '/types');
    const items = r.body.items as { key: string; builtIn: boolean }[];
    expect(items.map((t) => [t.key, t.builtIn])).toEqual([
      ['account', true],
      ['contact', true],
      ['deal', false],
      ['ticket', false],
    ]);
    const deal = (await ok('GET', '/types/deal')).body as { fields: { key: string; internal: boolean }[]; dataSchema: { properties: Record<string, Json>; required: string[]; additionalProperties: boolean } };
    expect(deal.fields.map((f) => f.key)).toEqual(DEAL.fields.map((f) => f.key));
    expect(deal.fields.find((f) => f.key === 'cost')!.internal).toBe(true);
    expect(Object.keys(deal.dataSchema.properties)).toEqual(DEAL.fields.map((f) => f.key));
    expect(deal.dataSchema.required).toEqual(['title']);
    expect(deal.dataSchema.additionalProperties).toBe(false);
    expect(deal.dataSchema.properties.stage).toMatchObject({ type: 'string', enum: ['lead', 'won', 'lost'] });
    expect(deal.dataSchema.properties.amount).toMatchObject({ type: 'number', minimum: 0 });
    expect(deal.dataSchema.properties.closeOn).toMatchObject({ type: 'string', format: 'date' });
    expect(deal.dataSchema.properties.price).toMatchObject({ type: 'object', required: ['amount'], additionalProperties: false });
    expectProblem(await call('GET', '/types/nope'), 404, 'not-found');
    expectProblem(await call('GET', '/types/Bad-Key'), 400, 'invalid-fields');
  });
});

describe('records', () => {
  let accountId: string;
  let contactIds: string[];
  let fileId: string;

  it('round-trips every field type, relations by id and by external id, a file by id', async () => {
    accountId = rec(await ok('PUT', '/records/account/by-external-id/ACC-1', { body: { data: { name: 'Acme GmbH', number: 'K-1' } } }, 201)).id;
    contactIds = [
      rec(await ok('POST', '/records/contact', { body: { externalId: 'C-1', data: { name: 'Ada', email: 'ada@acme.example', accounts: [{ externalId: 'ACC-1' }] } } }, 201)).id,
      rec(await ok('POST', '/records/contact', { body: { externalId: 'C-2', data: { name: 'Grace' } } }, 201)).id,
    ];
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const upload = await fetch(`${srv.url}/api/v1/files?name=contract.pdf&type=deal&field=contract`, { method: 'POST', headers: { authorization: `Bearer ${full}`, 'content-type': 'application/pdf' }, body: pdf });
    expect(upload.status).toBe(201);
    const file = (await upload.json()) as { id: string; name: string; mime: string; bytes: number };
    expect(file).toMatchObject({ name: 'contract.pdf', mime: 'application/pdf', bytes: pdf.length });
    fileId = file.id;

    const created = await ok('POST', '/records/deal', {
      body: {
        externalId: 'D-1',
        data: {
          title: 'Big deal',
          notes: 'Line 1\nLine 2',
          amount: 12.5,
          price: { amount: 1999.99 },
          closeOn: '2026-05-01',
          meetingAt: '2026-05-01T09:30:00+02:00',
          won: true,
          stage: 'won',
          email: 'buyer@acme.example',
          phone: '+49 30 1234567',
          address: { street: 'Hauptstr. 1', postalCode: '10115', city: 'Berlin', country: 'de' },
          site: 'https://acme.example/deal',
          contract: fileId,
          account: { externalId: 'ACC-1' },
          contacts: [contactIds[0], { externalId: 'C-2' }],
        },
      },
    }, 201);
    const expected = {
      title: 'Big deal',
      notes: 'Line 1\nLine 2',
      amount: 12.5,
      price: { amount: 1999.99, currency: 'EUR' },
      closeOn: '2026-05-01',
      meetingAt: '2026-05-01T07:30:00.000Z',
      won: true,
      stage: 'won',
      email: 'buyer@acme.example',
      phone: '+49 30 1234567',
      address: { street: 'Hauptstr. 1', postalCode: '10115', city: 'Berlin', country: 'DE' },
      site: 'https://acme.example/deal',
      contract: { id: fileId, name: 'contract.pdf', mime: 'application/pdf', bytes: pdf.length },
      account: accountId,
      contacts: contactIds,
    };
    const deal = rec(created);
    expect(created.headers.get('location')).toBe(`/api/v1/records/deal/${deal.id}`);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(deal).toMatchObject({ type: 'deal', externalId: 'D-1', title: 'Big deal', revision: 1 });
    expect(deal.data).toEqual(expected);

    const read = await ok('GET', `/records/deal/${deal.id}`);
    expect(rec(read).data).toEqual(expected);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.headers.get('cache-control')).toBe('no-store');
    expect(rec(await ok('GET', '/records/deal/by-external-id/D-1')).data).toEqual(expected);
    const contact = rec(await ok('GET', `/records/contact/${contactIds[0]}`));
    expect(contact.data).toEqual({ name: 'Ada', email: 'ada@acme.example', accounts: [accountId] });
  });

  it('refuses bad records with 400, names each field, and writes nothing', async () => {
    const before = await all('deal');
    const cases: [Json, string[]][] = [
      [{ title: 'x', amount: 'many' }, ['amount']],
      [{ title: 'x', amount: -1, stage: 'maybe', closeOn: '2026-02-30' }, ['amount', 'stage', 'closeOn']],
      [{ notes: 'no title' }, ['title']],
      [{ title: 'x', bogus: 1 }, ['bogus']],
      [{ title: 'x', account: { externalId: 'NOPE' } }, ['account']],
      [{ title: 'x', contract: 'f_missing' }, ['contract']],
    ];
    for (const [data, fields] of cases) {
      const r = await call('POST', '/records/deal', { body: { externalId: 'D-BAD', data } });
      expectProblem(r, 400, 'invalid-fields');
      expect(errorFields(r).sort(), JSON.stringify(data)).toEqual([...fields].sort());
    }
    const unknownRef = await call('POST', '/records/deal', { body: { data: { title: 'x', account: { externalId: 'NOPE' } } } });
    expect(unknownRef.body.errors).toEqual([{ field: 'account', message: 'there is no account with external id "NOPE"' }]);
    // A bad patch or upsert changes nothing either.
    const deal = before[0]!;
    expectProblem(await call('PATCH', `/records/deal/${deal.id}`, { body: { data: { won: 'yes' } } }), 400, 'invalid-fields');
    expectProblem(await call('PUT', '/records/deal/by-external-id/D-1', { body: { data: { notes: 'title missing' } } }), 400, 'invalid-fields');
    expect(await all('deal')).toEqual(before);
  });

  it('refuses bodies that are not the documented shape', async () => {
    const before = await all('deal');
    const unknownKey = await call('POST', '/records/deal', { body: { data: { title: 'x' }, evil: true } });
    expectProblem(unknownKey, 400, 'invalid-fields');
    expect(unknownKey.body.errors).toEqual([{ field: 'evil', message: 'unknown field' }]);
    const proto = await call('POST', '/records/deal', { raw: '{"data":{"title":"x"},"__proto__":{"admin":true}}' });
    expectProblem(proto, 400, 'invalid-fields');
    expect(errorFields(proto)).toEqual(['__proto__']);
    const protoInData = await call('POST', '/records/deal', { raw: '{"data":{"title":"x","__proto__":{"admin":true}}}' });
    expectProblem(protoInData, 400, 'invalid-fields');
    expect(errorFields(protoInData)).toEqual(['data.__proto__']);
    expect(errorFields(await call('POST', '/records/deal', { body: { data: 'title' } }))).toEqual(['data']);
    expect(errorFields(await call('POST', '/records/deal', { body: { externalId: 'has space', data: { title: 'x' } } }))).toEqual(['externalId']);
    const missing = await call('POST', '/records/deal');
    expectProblem(missing, 400, 'invalid-fields');
    expect(missing.body.detail).toBe('This request needs a JSON body.');
    const malformed = await call('POST', '/records/deal', { raw: '{"data": {"title": "x"' });
    expectProblem(malformed, 400, 'bad-request');
    expect(malformed.body.detail).toMatch(/^The request body is not valid JSON/);
    const text = await call('POST', '/records/deal', { raw: 'title=x', headers: { 'content-type': 'text/plain' } });
    expectProblem(text, 415, 'unsupported-media-type');
    const form = await call('POST', '/records/deal', { raw: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expectProblem(form, 415, 'unsupported-media-type');
    const huge = await call('POST', '/records/deal', { body: { data: { title: 'x', notes: 'n'.repeat(3 * 1024 * 1024) } } });
    expectProblem(huge, 413, 'payload-too-large');
    expect(huge.body.detail).toBe('The request body is larger than 2 MB.');
    expect(await all('deal')).toEqual(before);
  });

  it('refuses text with NUL or broken Unicode, in body, query and path, the same way on both databases', async () => {
    const before = await all('account');
    const nul = await call('POST', '/records/account', { body: { data: { name: 'a\u0000b' } } });
    expectProblem(nul, 400, 'invalid-fields');
    expect(nul.body.errors).toEqual([{ field: 'data.name', message: 'contains a NUL character or broken Unicode (a lone surrogate)' }]);
    expect(errorFields(await call('POST', '/records/account', { raw: '{"data":{"name":"a\\ud800b"}}' }))).toEqual(['data.name']);
    expect(errorFields(await call('GET', '/records/account?filter[name][eq]=a%00b'))).toEqual(['filter[name][eq]']);
    expect(errorFields(await call('GET', '/records/account/by-external-id/a%00b'))).toEqual(['externalId']);
    expect(await all('account')).toEqual(before);
  });

  it('upserts by external id: created once (201), then replaced (200), never duplicated', async () => {
    const first = await ok('PUT', '/records/account/by-external-id/ACC-9', { body: { data: { name: 'Nine', email: 'nine@example.com' } } }, 201);
    const id = rec(first).id;
    expect(first.headers.get('location')).toBe(`/api/v1/records/account/${id}`);
    expect(rec(first)).toMatchObject({ externalId: 'ACC-9', revision: 1, data: { name: 'Nine', email: 'nine@example.com' } });
    const second = await ok('PUT', '/records/account/by-external-id/ACC-9', { body: { data: { name: 'Nine Ltd', number: 'K-9' } } });
    expect(second.headers.get('location')).toBeNull();
    expect(second.headers.get('etag')).toBe('"2"');
    // A replace: the email not sent is gone.
    expect(rec(second)).toMatchObject({ id, externalId: 'ACC-9', revision: 2, title: 'Nine Ltd', data: { name: 'Nine Ltd', number: 'K-9' } });
    expect(rec(second).data).toEqual({ name: 'Nine Ltd', number: 'K-9' });
    const same = await all('account', 'filter[externalId][eq]=ACC-9');
    expect(same.map((r) => r.id)).toEqual([id]);
    expect(rec(await ok('GET', '/records/account/by-external-id/ACC-9')).data).toEqual({ name: 'Nine Ltd', number: 'K-9' });
    // A create with a taken external id is a conflict.
    expectProblem(await call('POST', '/records/account', { body: { externalId: 'ACC-9', data: { name: 'Other' } } }), 409, 'conflict');
    expectProblem(await call('GET', '/records/account/by-external-id/ACC-404'), 404, 'not-found');
  });

  it('leaves one record when first upserts of one external id arrive at once', async () => {
    const replies = await Promise.all(Array.from({ length: 6 }, (_, i) => call('PUT', '/records/account/by-external-id/ACC-RACE', { body: { data: { name: `Race ${i}` } } })));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    const found = await all('account', 'filter[externalId][eq]=ACC-RACE');
    expect(found).toHaveLength(1);
    expect(found[0]!.data.name).toMatch(/^Race [0-5]$/);
  });

  // Concurrent writes to one record queue (SQLite: immediate transactions; Postgres: a row lock).
  it('loses no concurrent change to one record', async () => {
    const contact = rec(await ok('POST', '/records/contact', { body: { data: { name: 'Busy' } } }, 201));
    const accounts = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(async (i) => rec(await ok('POST', '/records/account', { body: { data: { name: `Busy ${i}` } } }, 201)).id));
    const links = await Promise.all(accounts.map((a) => call('PUT', `/contacts/${contact.id}/accounts/${a}`)));
    expect(links.map((r) => r.status)).toEqual(accounts.map(() => 200));
    const after = rec(await ok('GET', `/records/contact/${contact.id}`));
    expect([...(after.data.accounts as string[])].sort()).toEqual([...accounts].sort());
    expect(after.revision).toBe(1 + accounts.length);
  });

  it('relates records by external id, including in upserts', async () => {
    await ok('PUT', '/records/account/by-external-id/ACC-2', { body: { data: { name: 'Beta AG' } } }, 201);
    const beta = rec(await ok('GET', '/records/account/by-external-id/ACC-2'));
    const c = rec(await ok('PUT', '/records/contact/by-external-id/C-3', { body: { data: { name: 'Linus', accounts: [{ externalId: 'ACC-1' }, { externalId: 'ACC-2' }, accountId] } } }, 201));
    expect(c.data.accounts).toEqual([accountId, beta.id]);
    const linked = await all('contact', `filter[accounts][has]=${beta.id}`);
    expect(linked.map((r) => r.externalId)).toEqual(['C-3']);
  });

  it('patches with If-Match: the current revision applies, a stale one is 412 and changes nothing', async () => {
    const d = rec(await ok('GET', '/records/deal/by-external-id/D-1'));
    const patched = await ok('PATCH', `/records/deal/${d.id}`, { body: { data: { stage: 'lost', notes: null } }, headers: { 'if-match': `"${d.revision}"` } });
    expect(patched.headers.get('etag')).toBe(`"${d.revision + 1}"`);
    expect(rec(patched).data.stage).toBe('lost');
    expect('notes' in rec(patched).data).toBe(false);
    expect(rec(patched).data.title).toBe('Big deal');
    const stale = await call('PATCH', `/records/deal/${d.id}`, { body: { data: { stage: 'won' } }, headers: { 'if-match': `"${d.revision}"` } });
    expectProblem(stale, 412, 'precondition-failed');
    expectProblem(await call('PATCH', `/records/deal/${d.id}`, { body: { data: { stage: 'won' } }, headers: { 'if-match': `W/"${d.revision + 1}"` } }), 412, 'precondition-failed');
    const badHeader = await call('PATCH', `/records/deal/${d.id}`, { body: { data: { stage: 'won' } }, headers: { 'if-match': 'three' } });
    expectProblem(badHeader, 400, 'invalid-fields');
    expect(errorFields(badHeader)).toEqual(['If-Match']);
    const now = rec(await ok('GET', `/records/deal/${d.id}`));
    expect(now.revision).toBe(d.revision + 1);
    expect(now.data.stage).toBe('lost');
    // Without If-Match (or with *), the patch applies to whatever is current.
    expect(rec(await ok('PATCH', `/records/deal/${d.id}`, { body: { data: { stage: 'won' } }, headers: { 'if-match': '*' } })).revision).toBe(d.revision + 2);
    expectProblem(await call('PATCH', '/records/deal/r_missing', { body: { data: { stage: 'won' } } }), 404, 'not-found');
  });

  it('keeps internal fields from keys without fields:internal: not read, not written, not filtered', async () => {
    const d = rec(await ok('GET', '/records/deal/by-external-id/D-1'));
    const refused = await call('PATCH', `/records/deal/${d.id}`, { body: { data: { cost: 100, stage: 'lead' } } });
    expectProblem(refused, 403, 'forbidden');
    expect(refused.body.errors).toEqual([{ field: 'cost', message: '"cost" is an internal field; writing it needs the fields:internal scope' }]);
    expectProblem(await call('POST', '/records/deal', { body: { data: { title: 'x', cost: 1 } } }), 403, 'forbidden');
    expectProblem(await call('PUT', '/records/deal/by-external-id/D-1', { body: { data: { title: 'x', cost: 1 } } }), 403, 'forbidden');
    expect(rec(await ok('GET', `/records/deal/${d.id}`))).toEqual(d);

    const withScope = rec(await ok('PATCH', `/records/deal/${d.id}`, { key: internal, body: { data: { cost: 100 } } }));
    expect(withScope.data.cost).toBe(100);
    expect(rec(await ok('GET', `/records/deal/${d.id}`, { key: internal })).data.cost).toBe(100);
    const without = rec(await ok('GET', `/records/deal/${d.id}`));
    expect('cost' in without.data).toBe(false);
    expect(without.externalId).toBe('D-1');
    expect((await all('deal')).every((r) => !('cost' in r.data))).toBe(true);
    // An upsert by a key without the scope keeps the internal value it cannot see.
    await ok('PUT', '/records/deal/by-external-id/D-1', { body: { data: { title: 'Big deal', stage: 'won' } } });
    expect(rec(await ok('GET', `/records/deal/${d.id}`, { key: internal })).data).toEqual({ title: 'Big deal', stage: 'won', cost: 100 });
  });

  it('refuses to delete an account other records link to (409), and deletes what is free', async () => {
    const r = await call('DELETE', `/records/account/${accountId}`);
    expectProblem(r, 409, 'conflict');
    expect(r.body.detail).toMatch(/^Other records link to this one: /);
    expect((await ok('GET', `/records/account/${accountId}`)).status).toBe(200);

    const temp = rec(await ok('POST', '/records/account', { body: { externalId: 'ACC-TMP', data: { name: 'Temp' } } }, 201));
    const gone = await call('DELETE', `/records/account/${temp.id}`);
    expect(gone.status).toBe(204);
    expectProblem(await call('GET', `/records/account/${temp.id}`), 404, 'not-found');
    await ok('POST', '/records/account', { body: { externalId: 'ACC-TMP2', data: { name: 'Temp 2' } } }, 201);
    expect((await call('DELETE', '/records/account/by-external-id/ACC-TMP2')).status).toBe(204);
    expectProblem(await call('DELETE', '/records/account/by-external-id/ACC-TMP2'), 404, 'not-found');
  });

  it('links and unlinks a contact and an account, idempotently, by ids and by external ids', async () => {
    const contact = rec(await ok('POST', '/records/contact', { body: { externalId: 'C-10', data: { name: 'Edsger' } } }, 201));
    const account = rec(await ok('POST', '/records/account', { body: { externalId: 'ACC-20', data: { name: 'Gamma' } } }, 201));
    const linked = await ok('PUT', `/contacts/${contact.id}/accounts/${account.id}`);
    expect(rec(linked)).toMatchObject({ id: contact.id, revision: 2, data: { name: 'Edsger', accounts: [account.id] } });
    expect(linked.headers.get('etag')).toBe('"2"');
    expect(rec(await ok('PUT', `/contacts/${contact.id}/accounts/${account.id}`)).revision).toBe(2);
    const unlinked = rec(await ok('DELETE', `/contacts/${contact.id}/accounts/${account.id}`));
    expect(unlinked.revision).toBe(3);
    expect(unlinked.data).toEqual({ name: 'Edsger' });
    expect(rec(await ok('DELETE', `/contacts/${contact.id}/accounts/${account.id}`)).revision).toBe(3);

    const byExt = rec(await ok('PUT', '/contacts/by-external-id/C-10/accounts/by-external-id/ACC-20'));
    expect(byExt.data.accounts).toEqual([account.id]);
    const second = rec(await ok('PUT', `/contacts/${contact.id}/accounts/${accountId}`));
    expect(second.data.accounts).toEqual([account.id, accountId]);
    expect(rec(await ok('DELETE', '/contacts/by-external-id/C-10/accounts/by-external-id/ACC-20')).data.accounts).toEqual([accountId]);
    // The account now linked cannot be deleted; the one unlinked can.
    expect((await call('DELETE', `/records/account/${account.id}`)).status).toBe(204);

    expectProblem(await call('PUT', `/contacts/${contact.id}/accounts/r_nope`), 404, 'not-found');
    expectProblem(await call('PUT', `/contacts/r_nope/accounts/${accountId}`), 404, 'not-found');
    expectProblem(await call('PUT', '/contacts/by-external-id/C-10/accounts/by-external-id/NOPE'), 404, 'not-found');
  });

  it('audits every change as the API key', async () => {
    const entries = await srv.db.selectFrom('audit_log').select(['action', 'actor_type', 'actor_id', 'target']).where('actor_type', '=', 'api-key').orderBy('id').execute();
    const actions = new Set(entries.map((e) => e.action));
    for (const a of ['record.create', 'record.update', 'record.delete', 'file.upload']) expect(actions, a).toContain(a);
    const dealCreate = entries.find((e) => e.action === 'record.create' && e.target?.startsWith('deal/'))!;
    expect(dealCreate.actor_id).toBe(fullKeyId);
    const row = await srv.db.selectFrom('records').select('created_by').where('external_id', '=', 'D-1').executeTakeFirstOrThrow();
    expect(row.created_by).toBe(`api-key:${fullKeyId}`);
  });
});

describe('listing records', () => {
  const subjects = (items: RecordView[]) => items.map((r) => r.data.subject as string);
  const expectedSubjects = (pred: (t: ReturnType<typeof ticket>, i: number) => boolean) =>
    Array.from({ length: 30 }, (_, k) => k + 1)
      .filter((i) => pred(ticket(i), i))
      .map((i) => ticket(i).subject);

  beforeAll(async () => {
    for (let i = 1; i <= 30; i++) await ok('PUT', `/records/ticket/by-external-id/T-${i}`, { key: internal, body: { data: ticket(i) } }, 201);
  });

  it('filters by number, boolean, enum lists, dates, text and absence', async () => {
    const sorted = (items: RecordView[]) => subjects(items).sort();
    expect(sorted(await all('ticket', 'filter[priority][gte]=3'))).toEqual(expectedSubjects((t) => t.priority >= 3));
    expect(sorted(await all('ticket', 'filter[urgent][eq]=true&filter[status][in]=open,waiting'))).toEqual(expectedSubjects((t) => t.urgent && t.status !== 'closed'));
    expect(sorted(await all('ticket', 'filter[urgent]=false&filter[priority][lt]=2'))).toEqual(expectedSubjects((t) => !t.urgent && t.priority < 2));
    expect(sorted(await all('ticket', 'filter[due][lt]=2026-01-10'))).toEqual(expectedSubjects((_t, i) => i < 10));
    expect(sorted(await all('ticket', 'filter[due][isNull]=true'))).toEqual(expectedSubjects((_t, i) => i > 20));
    expect(sorted(await all('ticket', 'filter[subject][startsWith]=T1'))).toEqual(expectedSubjects((_t, i) => i >= 10 && i <= 19));
    expect(sorted(await all('ticket', 'filter[status][ne]=open&filter[priority][in]=0,4'))).toEqual(expectedSubjects((t) => t.status !== 'open' && (t.priority === 0 || t.priority === 4)));
    expect(sorted(await all('ticket', 'search=T2'))).toEqual(expectedSubjects((_t, i) => i >= 20 && i <= 29));
    expect(sorted(await all('ticket', 'filter[externalId][in]=T-1,T-30'))).toEqual(['T01', 'T30']);
  });

  it('sorts by several fields and pages with a cursor, in exactly that order', async () => {
    const expected = Array.from({ length: 30 }, (_, k) => ticket(k + 1))
      .sort((a, b) => b.priority - a.priority || a.subject.localeCompare(b.subject))
      .map((t) => t.subject);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = page(await ok('GET', `/records/ticket?sort=-priority,subject&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
      expect(r.items.length).toBe(pages < 4 ? 7 : 2);
      seen.push(...subjects(r.items));
      cursor = r.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toEqual(expected);

    const byDue = subjects(await all('ticket', 'sort=-due&filter[priority][eq]=1'));
    // Without a due date last, whatever the direction; ties by id, so compare the dated ones in order.
    const dated = Array.from({ length: 30 }, (_, k) => k + 1).filter((i) => i % 5 === 1 && i <= 20).reverse().map((i) => ticket(i).subject);
    expect(byDue.slice(0, dated.length)).toEqual(dated);
    expect(byDue.slice(dated.length).sort()).toEqual(['T21', 'T26']);
    expectProblem(await call('GET', `/records/ticket?sort=subject&cursor=${encodeURIComponent(cursor ?? 'x')}`), 400, 'bad-request');
  });

  it('returns only the fields asked for, and hides internal ones without the scope', async () => {
    const r = page(await ok('GET', '/records/ticket?fields=subject,priority&filter[subject][eq]=T05'));
    expect(r.items.map((x) => x.data)).toEqual([{ subject: 'T05', priority: 0 }]);
    expect(r.items[0]!.externalId).toBe('T-5');
    const plain = page(await ok('GET', '/records/ticket?filter[subject][eq]=T05')).items[0]!;
    expect(plain.data).toEqual({ subject: 'T05', priority: 0, urgent: false, status: 'closed', due: '2026-01-05' });
    expect(page(await ok('GET', '/records/ticket?filter[subject][eq]=T05', { key: internal })).items[0]!.data.margin).toBe(50);
    expect(subjects(await all('ticket', 'filter[margin][gt]=250', internal)).sort()).toEqual(expectedSubjects((t) => t.margin > 250));
  });

  it('refuses internal fields in filters, sort and fields without the scope (403), and bad filters (400)', async () => {
    for (const q of ['filter[margin][gt]=1', 'sort=-margin', 'fields=subject,margin']) {
      const r = await call('GET', `/records/ticket?${q}`);
      expectProblem(r, 403, 'forbidden');
      expect(r.body.scope, q).toBe('fields:internal');
      expect(r.body.detail).toMatch(/^"margin" is an internal field; .* needs the fields:internal scope\.$/);
    }
    const notNumber = await call('GET', '/records/ticket?filter[priority][gt]=high');
    expectProblem(notNumber, 400, 'invalid-fields');
    expect(notNumber.body.errors).toEqual([{ field: 'filter[priority][gt]', message: '"high" is not a number' }]);
    expect(errorFields(await call('GET', '/records/ticket?filter[urgent][eq]=yes'))).toEqual(['filter[urgent][eq]']);
    expect(errorFields(await call('GET', '/records/ticket?filter[priority][near]=1'))).toEqual(['filter[priority][near]']);
    expect(errorFields(await call('GET', '/records/ticket?filter[nope][eq]=1'))).toEqual(['nope']);
    expect(errorFields(await call('GET', '/records/ticket?filter[subject][gt]=T1'))).toEqual(['subject']);
    expect(errorFields(await call('GET', '/records/ticket?limit=0&evil=1'))).toEqual(['limit', 'evil']);
    expect(errorFields(await call('GET', '/records/ticket?limit=5&limit=6'))).toEqual(['limit']);
    expectProblem(await call('GET', '/records/nope'), 404, 'not-found');
  });
});

describe('the HTTP surface', () => {
  it('answers unknown paths with a 404 problem and other methods with a 405 problem naming the allowed ones', async () => {
    const unknown = await call('GET', '/nothing/here');
    expectProblem(unknown, 404, 'not-found');
    expect(unknown.body.detail).toBe('There is no endpoint GET /api/v1/nothing/here; see /api/v1/openapi.json.');
    const wrong = await call('POST', '/records/account/some-id', { body: {} });
    expectProblem(wrong, 405, 'method-not-allowed');
    expect(wrong.headers.get('allow')).toBe('GET, PATCH, DELETE, HEAD');
  });

  it('imports records all or nothing, naming the rows at fault', async () => {
    const bad = await call('POST', '/records/account/import', { body: { format: 'csv', content: 'externalId,name\nIMP-1,One\nIMP-2,\n', mode: 'upsert' } });
    expectProblem(bad, 400, 'invalid-fields');
    expect((bad.body.errors as { row: number; field: string }[]).map((e) => [e.row, e.field])).toEqual([[3, 'name']]);
    expect(await all('account', 'filter[externalId][startsWith]=IMP-')).toEqual([]);
    const good = await ok('POST', '/records/account/import', { body: { format: 'json', content: JSON.stringify([{ externalId: 'IMP-1', data: { name: 'One' } }, { externalId: 'IMP-2', data: { name: 'Two' } }]), mode: 'upsert' } });
    expect(good.body).toEqual({ total: 2, created: 2, updated: 0 });
    expect((await all('account', 'filter[externalId][startsWith]=IMP-&sort=name')).map((r) => r.title)).toEqual(['One', 'Two']);
  });
});
