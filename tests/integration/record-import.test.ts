// Import and export over real HTTP: every field type through a CSV import and back through export
// and re-import; one bad row imports nothing and the report names row, field and message for every
// bad row; upsert by external id; duplicate external ids; limits; who may import and export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordData, StoredFile } from '../../core';
import { FieldIssuesError } from '../../server/services/field-issues';
import { importRecords } from '../../server/services/record-import';
import { ADMIN_WRITE } from '../../server/services/records';
import { adminWithRole, Client, signIn, startTestServer, type TestServer } from '../helpers/server';

type Issue = { row: number; field: string; message: string };
type ErrorBody = { error: { code: string; message: string; issues?: Issue[] } };
type Result = { total: number; created: number; updated: number };
type View = { id: string; externalId?: string | null; title: string; data: RecordData; revision: number };

const DEAL = {
  key: 'deal',
  label: { singular: 'Deal', plural: 'Deals' },
  titleField: 'title',
  accountLink: 'account',
  fields: [
    { key: 'title', label: 'Title', type: 'text', required: true },
    { key: 'notes', label: 'Notes', type: 'longText' },
    { key: 'qty', label: 'Quantity', type: 'number', integer: true, min: 0 },
    { key: 'ratio', label: 'Ratio', type: 'number' },
    { key: 'price', label: 'Price', type: 'money', currency: 'EUR' },
    { key: 'fee', label: 'Fee', type: 'money' },
    { key: 'due', label: 'Due', type: 'date' },
    { key: 'signedAt', label: 'Signed at', type: 'datetime' },
    { key: 'active', label: 'Active', type: 'boolean' },
    { key: 'stage', label: 'Stage', type: 'enum', options: [{ value: 'lead', label: 'Lead' }, { value: 'won', label: 'Won' }] },
    { key: 'email', label: 'Email', type: 'email' },
    { key: 'phone', label: 'Phone', type: 'phone' },
    { key: 'site', label: 'Site', type: 'address' },
    { key: 'web', label: 'Web', type: 'url' },
    { key: 'contract', label: 'Contract', type: 'file' },
    { key: 'account', label: 'Account', type: 'relation', target: 'account' },
    { key: 'contacts', label: 'Contacts', type: 'relations', target: 'contact' },
  ],
};

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

let srv: TestServer;
let owner: Client;
let file: StoredFile;
const ids: Record<string, string> = {};

function send(c: Client, body: unknown, headers: Record<string, string> = {}) {
  return c.fetch('/admin/api/import', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: c.origin, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function imported(type: string, content: string, opts: { format?: 'csv' | 'json'; mode?: 'create' | 'upsert' } = {}): Promise<Result> {
  const res = await send(owner, { type, format: opts.format ?? 'csv', content, mode: opts.mode ?? 'create' });
  const body = (await res.json()) as Result & ErrorBody;
  if (res.status !== 200) throw new Error(`import ${res.status}: ${JSON.stringify(body.error)}`);
  return body;
}

async function refusedImport(type: string, content: string, opts: { format?: 'csv' | 'json'; mode?: 'create' | 'upsert' } = {}): Promise<ErrorBody['error'] & { status: number }> {
  const before = await count(type);
  const res = await send(owner, { type, format: opts.format ?? 'csv', content, mode: opts.mode ?? 'create' });
  const body = (await res.json()) as ErrorBody;
  expect(await count(type)).toBe(before);
  return { ...body.error, status: res.status };
}

async function count(type: string): Promise<number> {
  return (await srv.db.selectFrom('records').select('id').where('type', '=', type).execute()).length;
}

async function byExternalId(type: string, externalId: string): Promise<View | undefined> {
  const r = await owner.query<{ items: View[] }>('records.list', { type, filters: [{ field: 'externalId', op: 'eq', value: externalId }] });
  return r.data!.items[0];
}

async function all(type: string): Promise<View[]> {
  return (await owner.query<{ items: View[] }>('records.list', { type, limit: 200, sort: [{ field: 'createdAt', dir: 'asc' }] })).data!.items;
}

async function exported(type: string, format: 'csv' | 'json', c = owner): Promise<Response> {
  return c.fetch(`/admin/api/export?type=${type}&format=${format}`);
}

/** A CSV line from cells, quoted where needed (the test's own writer, independent of the export's). */
const line = (...cells: string[]) => `${cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')}\n`;

beforeAll(async () => {
  srv = await startTestServer();
  owner = await signIn(srv.url);
  const created = await owner.mutate('entityTypes.create', { definition: DEAL });
  if (created.status !== 200) throw new Error(`entityTypes.create: ${created.error?.message}`);
  const up = await owner.fetch('/admin/api/files?name=contract.pdf', { method: 'POST', headers: { 'content-type': 'application/pdf', origin: owner.origin }, body: new Uint8Array(PDF) });
  file = ((await up.json()) as { file: StoredFile }).file;

  // Accounts through CSV, contacts through JSON (linking to accounts by external id).
  const accounts = line('externalId', 'name', 'number', 'billingAddress.city', 'billingAddress.country') + line('ACC-1', 'Acme GmbH', '1001', 'Berlin', 'DE') + line('ACC-2', 'Globex', '1002', '', '');
  expect(await imported('account', accounts)).toEqual({ total: 2, created: 2, updated: 0 });
  const contacts = [
    { externalId: 'C-1', data: { name: 'Ann', email: 'ann@example.com', accounts: [{ externalId: 'ACC-1' }] } },
    { externalId: 'C-2', name: 'Bob', accounts: [{ externalId: 'ACC-1' }, { externalId: 'ACC-2' }] },
  ];
  expect(await imported('contact', JSON.stringify(contacts), { format: 'json' })).toEqual({ total: 2, created: 2, updated: 0 });
  for (const ext of ['ACC-1', 'ACC-2']) ids[ext] = (await byExternalId('account', ext))!.id;
  for (const ext of ['C-1', 'C-2']) ids[ext] = (await byExternalId('contact', ext))!.id;
});
afterAll(() => srv.stop());

const HEADER = [
  'externalId', 'title', 'notes', 'qty', 'ratio', 'price', 'fee.amount', 'fee.currency', 'due', 'signedAt', 'active', 'stage', 'email', 'phone',
  'site.street', 'site.postalCode', 'site.city', 'site.region', 'site.country', 'web', 'contract', 'account', 'contacts',
];

describe('importing every field type', () => {
  let expected: Record<string, RecordData>;

  it('reads each type of cell into the value the API would store', async () => {
    const csv =
      line(...HEADER) +
      line('D-1', 'Solar, roof', 'Line one\nline "two"', '12', '0.25', '1234.5', '99.99', 'usd', '2026-05-01', '2026-05-01T09:30:00+02:00', 'Yes', 'won', ' ann@example.com ', '+49 30 1234567',
        'Main St 1', '10115', 'Berlin', '', 'de', 'https://example.com/x?a=1', file.id, 'ext:ACC-1', 'ext:C-1; ext:C-2') +
      line('', '=1+2', '', '0', '-1e-3', '', '', '', '', '', 'false', '', '', '', '', '', '', '', '', '', '', ids['ACC-2']!, '') +
      line('D-3', 'Minimal', '', '', '', '12.50 eur', '0.5', 'CHF', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ids['C-2']!);
    expect(await imported('deal', csv)).toEqual({ total: 3, created: 3, updated: 0 });

    expected = {
      'D-1': {
        title: 'Solar, roof',
        notes: 'Line one\nline "two"',
        qty: 12,
        ratio: 0.25,
        price: { amount: 1234.5, currency: 'EUR' },
        fee: { amount: 99.99, currency: 'USD' },
        due: '2026-05-01',
        signedAt: '2026-05-01T07:30:00.000Z',
        active: true,
        stage: 'won',
        email: 'ann@example.com',
        phone: '+49 30 1234567',
        site: { street: 'Main St 1', postalCode: '10115', city: 'Berlin', country: 'DE' },
        web: 'https://example.com/x?a=1',
        contract: file,
        account: ids['ACC-1'],
        contacts: [ids['C-1'], ids['C-2']],
      },
      '=1+2': { title: '=1+2', qty: 0, ratio: -0.001, active: false, account: ids['ACC-2'] },
      'D-3': { title: 'Minimal', price: { amount: 12.5, currency: 'EUR' }, fee: { amount: 0.5, currency: 'CHF' }, contacts: [ids['C-2']] },
    };
    const records = await all('deal');
    // Rows written in the same millisecond have no set order: compare by title.
    expect(records.map((r) => [r.title, r.externalId]).sort(([a], [b]) => String(a).localeCompare(String(b)))).toEqual([
      ['=1+2', null],
      ['Minimal', 'D-3'],
      ['Solar, roof', 'D-1'],
    ]);
    for (const r of records) {
      const got = await owner.query<View>('records.get', { type: 'deal', id: r.id });
      expect(got.data!.data, r.title).toEqual(expected[r.externalId ?? r.title]);
    }
  });

  it('exports CSV that reads back to the same records, after they were deleted', async () => {
    const before = await all('deal');
    const res = await exported('deal', 'csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="deal.csv"');
    const csv = await res.text();
    const lines = csv.split('\r\n');
    // fetch's text() drops the byte-order mark the file starts with.
    // Money is written as one column ("12.5 EUR"); the import reads either form.
    expect(lines[0]).toBe(HEADER.join(',').replace('fee.amount,fee.currency', 'fee'));
    expect(csv).toContain(`,'=1+2,`); // a spreadsheet would run it otherwise
    expect(csv).toContain(`,'+49 30 1234567,`);
    // Cells with the list separator are quoted, so spreadsheets in semicolon locales keep them whole.
    expect(csv).toContain(',ext:ACC-1,"ext:C-1;ext:C-2"\r\n');
    expect(csv).toContain(`,1234.5 EUR,99.99 USD,`);

    for (const r of before) expect((await owner.mutate('records.delete', { type: 'deal', id: r.id })).status).toBe(200);
    expect(await count('deal')).toBe(0);
    expect(await imported('deal', csv)).toEqual({ total: 3, created: 3, updated: 0 });
    // Records created in the same millisecond have no set order: compare them by title.
    const byTitle = (rs: View[]) => rs.map((r) => [r.title, r.externalId, r.data]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const after = await all('deal');
    expect(byTitle(after)).toEqual(byTitle(before));
    // The file survived its record's deletion, so the re-imported record links to it again.
    expect((await byExternalId('deal', 'D-1'))!.data.contract).toEqual(file);
  });

  it('exports JSON that upserts back onto the same records unchanged', async () => {
    const before = (await all('deal')).filter((r) => r.externalId);
    const res = await exported('deal', 'json');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const json = await res.text();
    const items = JSON.parse(json) as { externalId?: string; data: RecordData }[];
    expect(items.find((i) => i.externalId === 'D-1')).toEqual({
      externalId: 'D-1',
      data: { ...expected['D-1'], account: { externalId: 'ACC-1' }, contacts: [{ externalId: 'C-1' }, { externalId: 'C-2' }] },
    });
    const unnamed = items.findIndex((i) => !('externalId' in i));
    expect(items[unnamed]!.data.title).toBe('=1+2');

    // The row without an external id cannot be upserted: the report says so, and nothing changes.
    const refused = await refusedImport('deal', json, { format: 'json', mode: 'upsert' });
    expect(refused.issues).toEqual([{ row: unnamed + 1, field: 'externalId', message: 'an upsert needs an external id in every row' }]);

    const withIds = JSON.stringify(items.filter((i) => i.externalId));
    expect(await imported('deal', withIds, { format: 'json', mode: 'upsert' })).toEqual({ total: 2, created: 0, updated: 2 });
    const after = (await all('deal')).filter((r) => r.externalId);
    expect(after.map((r) => [r.id, r.data])).toEqual(before.map((r) => [r.id, r.data]));
    expect(after.map((r) => r.revision)).toEqual(before.map((r) => r.revision + 1));
  });

  it('writes an audit entry per import', async () => {
    const entries = await srv.db.selectFrom('audit_log').select(['details']).where('action', '=', 'records.import').where('target', '=', 'deal').execute();
    expect(entries.map((e) => JSON.parse(e.details))).toContainEqual({ format: 'json', mode: 'upsert', total: 2, created: 0, updated: 2 });
  });
});

describe('a file with bad rows imports nothing', () => {
  it('lists row, field and message for every bad row, and keeps the good ones out too', async () => {
    const csv =
      line('externalId', 'title', 'qty', 'due', 'account') +
      line('B-1', 'Good', '1', '2026-01-31', 'ext:ACC-1') +
      line('B-2', 'Wrong type', 'abc', '', '') +
      line('B-3', '', '2', '', '') +
      line('B-4', 'Unknown account', '3', '', 'ext:NOPE') +
      line('B-5', 'Comma', '1,5', '2026-02-30', ids['ACC-1']!) +
      line('B-6', 'Negative', '-4', '', '');
    const error = await refusedImport('deal', csv);
    expect(error.status).toBe(400);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('6 problems in 5 rows; nothing was imported.');
    expect(error.issues).toEqual([
      { row: 3, field: 'qty', message: '"abc" is not a number' },
      { row: 4, field: 'title', message: 'Title is required' },
      { row: 5, field: 'account', message: 'there is no account with external id "NOPE"' },
      { row: 6, field: 'qty', message: '"1,5" is ambiguous: write numbers with a point as the decimal separator and without thousands separators, e.g. 1234.5' },
      { row: 6, field: 'due', message: 'not a real date' },
      { row: 7, field: 'qty', message: 'at least 0' },
    ]);
    expect(await byExternalId('deal', 'B-1')).toBeUndefined();
  });

  it('names an unknown column', async () => {
    const error = await refusedImport('deal', line('title', 'colour') + line('A', 'red'));
    expect(error.status).toBe(400);
    expect(error.issues).toEqual([{ row: 1, field: 'colour', message: '"Deal" has no field "colour"' }]);
  });

  it('numbers JSON items from 1 and reports unknown fields and wrong types', async () => {
    const json = JSON.stringify([{ data: { title: 'ok' } }, { data: { title: 'x', colour: 'red' } }, { externalId: 'J-3', data: { qty: '7', contract: 'f_missing' } }]);
    const error = await refusedImport('deal', json, { format: 'json' });
    expect(error.issues).toEqual([
      { row: 2, field: 'colour', message: '"Deal" has no field "colour"' },
      { row: 3, field: 'qty', message: 'a number is required' },
      { row: 3, field: 'title', message: 'Title is required' },
    ]);
    // Reference problems come after the data check passes: a missing file is named too.
    const error2 = await refusedImport('deal', JSON.stringify([{ title: 'x', contract: 'f_missing' }]), { format: 'json' });
    expect(error2.issues).toEqual([{ row: 1, field: 'contract', message: 'there is no uploaded file "f_missing"' }]);
  });

  it('lists the first 200 problems and counts them all', async () => {
    const csv = line('title', 'qty') + Array.from({ length: 250 }, (_, i) => line(`T${i}`, 'x')).join('') + line('fine', '1');
    const error = await refusedImport('deal', csv);
    expect(error.message).toBe('250 problems in 250 rows; nothing was imported. The first 200 are listed.');
    expect(error.issues).toHaveLength(200);
    expect(error.issues![199]).toEqual({ row: 201, field: 'qty', message: '"x" is not a number' });
  });

  it('reports a field the importer may not write as that row’s problem', async () => {
    const access = { ...ADMIN_WRITE, editable: new Set(['title']) };
    const run = importRecords(srv.db, { kind: 'admin', id: null }, { type: 'deal', format: 'csv', content: line('title', 'qty') + line('A', '') + line('B', '2'), mode: 'create' }, access);
    await expect(run).rejects.toBeInstanceOf(FieldIssuesError);
    await expect(run).rejects.toMatchObject({ issues: [{ row: 3, field: 'qty', message: 'you may not change "qty"' }] });
  });
});

describe('external ids', () => {
  it('upserts by external id: the second import updates instead of duplicating', async () => {
    expect(await imported('deal', line('externalId', 'title', 'qty', 'notes') + line('U-1', 'First', '1', 'kept?'), { mode: 'upsert' })).toEqual({ total: 1, created: 1, updated: 0 });
    const first = (await byExternalId('deal', 'U-1'))!;
    const before = await count('deal');
    expect(await imported('deal', line('externalId', 'title', 'qty') + line('U-1', 'Second', '2') + line('U-2', 'New', ''), { mode: 'upsert' })).toEqual({ total: 2, created: 1, updated: 1 });
    expect(await count('deal')).toBe(before + 1);
    const second = (await byExternalId('deal', 'U-1'))!;
    expect(second.id).toBe(first.id);
    // An upsert replaces the record's data with the row: a column that is absent clears the field.
    expect(second.data).toEqual({ title: 'Second', qty: 2 });
  });

  it('refuses an external id that exists already when creating', async () => {
    const error = await refusedImport('deal', line('externalId', 'title') + line('NEW-1', 'a') + line('U-1', 'again'));
    expect(error.issues).toEqual([{ row: 3, field: 'externalId', message: 'A deal with external id "U-1" exists already.' }]);
    expect(await byExternalId('deal', 'NEW-1')).toBeUndefined();
  });

  it('refuses an external id used twice in one file', async () => {
    for (const mode of ['create', 'upsert'] as const) {
      const error = await refusedImport('deal', line('externalId', 'title') + line('Dup-1', 'a') + line('Other', 'b') + line('Dup-1', 'c'), { mode });
      expect(error.issues, mode).toEqual([{ row: 4, field: 'externalId', message: 'the external id "Dup-1" is also in row 2' }]);
      expect(await byExternalId('deal', 'Dup-1')).toBeUndefined();
    }
  });

  it('needs an externalId column to upsert', async () => {
    const error = await refusedImport('deal', line('title') + line('a'), { mode: 'upsert' });
    expect(error.issues).toEqual([{ row: 1, field: 'externalId', message: 'an upsert matches rows to records by external id: add an externalId column' }]);
  });
});

describe('text a database cannot store', () => {
  // Postgres refuses NUL and lone surrogates in text and jsonb: without these checks the import
  // would fail there as a server error instead of naming the row.
  it('names the row and field of an escaped NUL in JSON', async () => {
    const error = await refusedImport('deal', String.raw`[{"title":"ok"},{"title":"a\u0000b"}]`, { format: 'json' });
    expect(error.status).toBe(400);
    expect(error.issues).toEqual([{ row: 2, field: 'title', message: 'the value contains a NUL character or broken Unicode (a lone surrogate), which cannot be stored' }]);
  });

  it('refuses a file with NUL characters or lone surrogates', async () => {
    for (const content of ['title\na\u0000b\n', 'title\na\ud800b\n']) {
      const error = await refusedImport('deal', content);
      expect(error.status).toBe(400);
      expect(error.message).toMatch(/NUL characters or broken Unicode/);
    }
  });
});

describe('limits', () => {
  it('refuses more than 50,000 rows', async () => {
    const error = await refusedImport('deal', `title\n${'x\n'.repeat(50_001)}`);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/more than 50,000 rows/);
  });

  it('refuses more than 20 MB of content', async () => {
    const error = await refusedImport('deal', `title\n${'x'.repeat(21 * 1024 * 1024)}\n`);
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/at most 20 MB/);
  });

  it('refuses a body over 25 MB before reading it', async () => {
    const res = await send(owner, { type: 'deal', format: 'csv', content: 'x'.repeat(26 * 1024 * 1024), mode: 'create' });
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('who may import and export', () => {
  const body = { type: 'deal', format: 'csv', content: line('title') + line('x'), mode: 'create' };

  it('requires a signed-in owner or admin', async () => {
    const anon = await send(new Client(srv.url), body);
    expect(anon.status).toBe(401);
    const designer = await adminWithRole(srv.url, owner, 'designer');
    expect((await send(designer, body)).status).toBe(403);
    expect((await exported('deal', 'csv', designer)).status).toBe(403);
    expect((await exported('deal', 'csv', new Client(srv.url))).status).toBe(401);
    const admin = await adminWithRole(srv.url, owner, 'admin');
    const ok = await send(admin, { ...body, content: line('title') + line('by admin') });
    expect(ok.status).toBe(200);
  });

  it('requires JSON from the same origin', async () => {
    const before = await count('deal');
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expect((await send(owner, body, { 'content-type': type })).status, type).toBe(415);
    }
    expect((await send(owner, body, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await send(owner, body, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(await count('deal')).toBe(before);
  });

  it('answers bad input with 400 and unknown types with 404', async () => {
    const extra = await send(owner, { ...body, extra: 1 });
    expect(extra.status).toBe(400);
    expect(((await extra.json()) as ErrorBody).error.message).toMatch(/extra/);
    const proto = await send(owner, `${JSON.stringify(body).slice(0, -1)},"__proto__":{"polluted":true}}`);
    expect(proto.status).toBe(400);
    expect(((await proto.json()) as ErrorBody).error.message).toMatch(/__proto__/);
    expect((await send(owner, '{"type":')).status).toBe(400);
    expect((await send(owner, { ...body, format: 'xml' })).status).toBe(400);
    const unknown = await send(owner, { ...body, type: 'nope' });
    expect(unknown.status).toBe(404);
    expect((await exported('nope', 'csv')).status).toBe(404);
    expect((await owner.fetch('/admin/api/export?type=deal&format=xml')).status).toBe(400);
  });
});
