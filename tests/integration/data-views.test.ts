// The data view blocks over real HTTP: a portal with /contracts (table) and /contracts/:id
// (details, related invoices, files); two customer accounts; roles that differ in the fields they
// read and whether they may delete. Pages and portal.page carry only in-scope records and readable
// fields; sort, search and paging go through portal.blockData within what the block offers and the
// viewer may read; another account's record id reads as not available; Delete works within the
// delete scope only; file downloads check scope and field access and send safe headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListResult, PagePayload, RecordResult } from '../../core';
import type { BlockNode } from '../../core';
import { createType } from '../../server/services/entity-types';
import { storeFile } from '../../server/services/files';
import { ADMIN_WRITE, createRecord } from '../../server/services/records';
import type { Actor } from '../../server/services/record-store';
import { clearRoles, documentOf, insertRole, insertUser, payloadOf, PortalClient, publishPortal, signedIn } from '../helpers/portal-auth';
import { signIn, startTestServer, type TestServer } from '../helpers/server';

const system: Actor = { kind: 'system', id: null };
const BASE = '/p/views';
const NOT_AVAILABLE = 'This record is not available to you.';
/** Values that must never reach a viewer who may not read them. */
const MARGIN = 4242;
const B_PRODUCT = 'Bravo Secret Tariff';
const B_INVOICE = 'INV-B-900';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

let srv: TestServer;
const ids: Record<string, string> = {};
let alice: PortalClient; // account A, manager: reads margin, may delete at account level
let ann: PortalClient; // account A, viewer: margin and signed copy hidden, no delete
let bob: PortalClient; // account B, manager

const table = (id: string): BlockNode => ({
  id,
  type: 'entity-table',
  props: {
    entityType: 'contract',
    columns: [{ field: 'number' }, { field: 'product' }, { field: 'status' }, { field: 'monthlyAmount' }, { field: 'margin' }],
    pageSize: 2,
    sortField: 'number',
    sortDir: 'asc',
    sortable: true,
    search: true,
    detailPath: '/contracts/:id',
  },
});
const detailBlocks: BlockNode[] = [
  {
    id: 'd1',
    type: 'entity-detail',
    props: { entityType: 'contract', sections: [{ title: 'Contract', fields: ['number', 'product', 'status', 'monthlyAmount', 'margin', 'signed'] }], allowDelete: true, backPath: '/contracts' },
  },
  { id: 'r1', type: 'related-records', props: { heading: 'Invoices', entityType: 'invoice', relationField: 'contract', columns: [{ field: 'number' }, { field: 'amount' }] } },
  { id: 'f1', type: 'file-list', props: { heading: 'Documents', entityType: 'contract', fileFields: ['signed'], param: 'id' } },
];

const create = async (type: string, data: Record<string, unknown>) => (await createRecord(srv.db, system, { type, data }, ADMIN_WRITE)).id;

beforeAll(async () => {
  srv = await startTestServer();
  const owner = await signIn(srv.url);
  await createType(srv.db, system, {
    key: 'contract',
    label: { singular: 'Contract', plural: 'Contracts' },
    titleField: 'number',
    accountLink: 'account',
    contactLink: 'contact',
    fields: [
      { key: 'number', label: 'Number', type: 'text', required: true, identifier: true },
      { key: 'product', label: 'Product', type: 'text' },
      { key: 'status', label: 'Status', type: 'enum', options: [{ value: 'active', label: 'Active' }, { value: 'ended', label: 'Ended' }] },
      { key: 'startDate', label: 'Start date', type: 'date' },
      { key: 'monthlyAmount', label: 'Monthly amount', type: 'money', currency: 'EUR' },
      { key: 'margin', label: 'Margin', type: 'number' },
      { key: 'signed', label: 'Signed copy', type: 'file' },
      { key: 'account', label: 'Account', type: 'relation', target: 'account' },
      { key: 'contact', label: 'Contact', type: 'relation', target: 'contact' },
    ],
  });
  await createType(srv.db, system, {
    key: 'invoice',
    label: { singular: 'Invoice', plural: 'Invoices' },
    titleField: 'number',
    accountLink: 'account',
    fields: [
      { key: 'number', label: 'Number', type: 'text', required: true, identifier: true },
      { key: 'amount', label: 'Amount', type: 'money', currency: 'EUR' },
      { key: 'contract', label: 'Contract', type: 'relation', target: 'contract' },
      { key: 'account', label: 'Account', type: 'relation', target: 'account' },
    ],
  });
  ids.accA = await create('account', { name: 'Alpha GmbH' });
  ids.accB = await create('account', { name: 'Bravo AG' });
  ids.contactA = await create('contact', { name: 'Alice', accounts: [ids.accA] });
  ids.contactB = await create('contact', { name: 'Bob', accounts: [ids.accB] });
  const fileA = await storeFile(srv.db, { dataDir: srv.dataDir }, system, { name: 'A-1 signed.pdf', bytes: PDF, declaredType: 'application/pdf' });
  const fileB = await storeFile(srv.db, { dataDir: srv.dataDir }, system, { name: 'B-1 signed.pdf', bytes: PDF, declaredType: 'application/pdf' });
  const money = (amount: number) => ({ amount, currency: 'EUR' });
  ids.a1 = await create('contract', { number: 'A-1', product: 'Green 12', status: 'active', monthlyAmount: money(30), margin: MARGIN, signed: fileA.id, account: ids.accA, contact: ids.contactA });
  ids.a2 = await create('contract', { number: 'A-2', product: 'Gas Basic', status: 'ended', monthlyAmount: money(20), margin: MARGIN, account: ids.accA });
  ids.a3 = await create('contract', { number: 'A-3', product: 'Heat Pump', status: 'active', monthlyAmount: money(10), margin: MARGIN, account: ids.accA });
  ids.b1 = await create('contract', { number: 'B-1', product: B_PRODUCT, status: 'active', monthlyAmount: money(99), margin: MARGIN, signed: fileB.id, account: ids.accB, contact: ids.contactB });
  ids.invA = await create('invoice', { number: 'INV-A-100', amount: money(30), contract: ids.a1, account: ids.accA });
  ids.invB = await create('invoice', { number: B_INVOICE, amount: money(99), contract: ids.b1, account: ids.accB });

  const signedInOnly = { audience: 'signed-in' as const };
  const portalId = await publishPortal(
    owner,
    'views',
    'Views',
    documentOf([
      { id: 'home', path: '/', title: { en: 'Home' }, inNav: true, blocks: [] },
      { id: 'contracts', path: '/contracts', title: { en: 'Contracts' }, inNav: true, visibility: signedInOnly, blocks: [table('t1')] },
      { id: 'contract', path: '/contracts/:id', title: { en: 'Contract' }, inNav: false, visibility: signedInOnly, blocks: detailBlocks },
    ]),
  );
  await clearRoles(srv.db, portalId);
  const manager = await insertRole(srv.db, portalId, { key: 'manager', grants: { entities: { contract: { read: 'account', delete: 'account' }, invoice: { read: 'account' } } } });
  const viewer = await insertRole(srv.db, portalId, {
    key: 'viewer',
    grants: { entities: { contract: { read: 'account', fields: { margin: 'hidden', signed: 'hidden' } }, invoice: { read: 'account' } } },
  });
  const users = [
    { email: 'alice@a.test', role: manager, contact: ids.contactA },
    { email: 'ann@a.test', role: viewer, contact: ids.contactA },
    { email: 'bob@b.test', role: manager, contact: ids.contactB },
  ];
  for (const u of users) {
    const id = await insertUser(srv.db, portalId, { email: u.email, roleIds: [u.role] });
    await srv.db.updateTable('portal_users').set({ contact_id: u.contact }).where('id', '=', id).execute();
  }
  alice = await signedIn(srv.url, BASE, 'alice@a.test');
  ann = await signedIn(srv.url, BASE, 'ann@a.test');
  bob = await signedIn(srv.url, BASE, 'bob@b.test');
});
afterAll(() => srv.stop());

const blockData = <T = ListResult>(c: PortalClient, blockId: string, query: Record<string, unknown> = {}, path = '/contracts') => c.ask<T>('blockData', { path, blockId, query });
const numbers = (r: ListResult) => r.items.map((i) => i.data.number ?? i.title);
const key = () => `k-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
const runDelete = (c: PortalClient, id: string) => c.call<{ ok: boolean; redirect?: string; message?: string }>('runAction', { path: `/contracts/${id}`, blockId: 'd1', action: 'delete', input: { confirm: true }, idempotencyKey: key() });
const exists = async (id: string) => !!(await srv.db.selectFrom('records').select('id').where('id', '=', id).executeTakeFirst());

describe('table page', () => {
  it('renders only the account’s contracts, first page, with readable fields (manager)', async () => {
    const { status, html } = await alice.page('/contracts');
    expect(status).toBe(200);
    const t1 = payloadOf(html).data.t1 as ListResult;
    expect(numbers(t1)).toEqual(['A-1', 'A-2']);
    expect(t1.nextCursor).not.toBeNull();
    expect(t1.fields.map((f) => f.key)).toEqual(['number', 'product', 'status', 'monthlyAmount', 'margin']);
    expect(html).toContain(`href="${BASE}/contracts/${ids.a1}"`);
    expect(html).toContain('aria-sort="ascending"');
    expect(html).toContain('4,242');
    expect(html).not.toContain('B-1');
    expect(html).not.toContain(B_PRODUCT);
  });

  it('leaves hidden fields out of the HTML and the payload (viewer)', async () => {
    const { html } = await ann.page('/contracts');
    const t1 = payloadOf(html).data.t1 as ListResult;
    expect(t1.fields.map((f) => f.key)).not.toContain('margin');
    for (const item of t1.items) expect(item.data).not.toHaveProperty('margin');
    expect(html).not.toMatch(/4,?242/);
    expect(html).not.toContain('>Margin<');
    const page = await ann.ask<PagePayload>('page', { path: '/contracts' });
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.data)).not.toMatch(/4,?242|margin"?:|B-1/);
  });

  it('another account sees only its own', async () => {
    const page = await bob.ask<PagePayload>('page', { path: '/contracts' });
    expect(numbers(page.data!.data.t1 as ListResult)).toEqual(['B-1']);
  });

  it('is for signed-in users only', async () => {
    const anon = new PortalClient(srv.url, BASE);
    const { status, res } = await anon.page('/contracts');
    expect(status).toBe(303);
    expect(res.headers.get('location')).toContain('/login');
  });
});

describe('sort, search and paging through portal.blockData', () => {
  it('pages on with the cursor', async () => {
    const first = await blockData(alice, 't1');
    expect(numbers(first.data!)).toEqual(['A-1', 'A-2']);
    const next = await blockData(alice, 't1', { cursor: first.data!.nextCursor });
    expect(numbers(next.data!)).toEqual(['A-3']);
    expect(next.data!.nextCursor).toBeNull();
  });

  it('sorts by an offered column, both ways, and pages within that sort', async () => {
    const desc = await blockData(alice, 't1', { sort: [{ field: 'monthlyAmount', dir: 'desc' }] });
    expect(desc.status).toBe(200);
    expect(numbers(desc.data!)).toEqual(['A-1', 'A-2']);
    expect(desc.data!.sort).toEqual([{ field: 'monthlyAmount', dir: 'desc' }]);
    const asc = await blockData(alice, 't1', { sort: [{ field: 'monthlyAmount', dir: 'asc' }] });
    expect(numbers(asc.data!)).toEqual(['A-3', 'A-2']);
    const more = await blockData(alice, 't1', { sort: [{ field: 'monthlyAmount', dir: 'asc' }], cursor: asc.data!.nextCursor });
    expect(numbers(more.data!)).toEqual(['A-1']);
  });

  it('searches titles and identifiers within the scope only', async () => {
    expect(numbers((await blockData(alice, 't1', { search: 'A-2' })).data!)).toEqual(['A-2']);
    const other = await blockData(alice, 't1', { search: 'B-1' });
    expect(other.status).toBe(200);
    expect(other.data!.items).toEqual([]);
  });

  it('refuses a sort the block does not offer, or on a field the viewer may not read', async () => {
    const notOffered = await blockData(alice, 't1', { sort: [{ field: 'startDate', dir: 'asc' }] });
    expect(notOffered.status).toBe(400);
    expect(notOffered.error?.message).toMatch(/cannot be sorted by "startDate"/);
    const hidden = await blockData(ann, 't1', { sort: [{ field: 'margin', dir: 'desc' }] });
    expect(hidden.status).toBe(403);
    expect(hidden.error?.message).toMatch(/may not sort by "margin"/);
    const anon = new PortalClient(srv.url, BASE);
    expect((await blockData(anon, 't1')).status).toBe(401);
  });
});

describe('detail page', () => {
  it('shows the record, its invoices and its file to the account', async () => {
    const { status, html } = await alice.page(`/contracts/${ids.a1}`);
    expect(status).toBe(200);
    const payload = payloadOf(html);
    expect((payload.data.d1 as RecordResult).record?.data.number).toBe('A-1');
    expect(payload.can.d1).toEqual({ delete: true });
    expect(html).toContain('>A-1</h2>');
    expect(html).toContain('INV-A-100');
    expect(html).toContain(`href="${BASE}/_files/${ids.a1}/signed"`);
    expect(html).toContain('A-1 signed.pdf');
  });

  it('hides the margin and the signed copy from the viewer, and offers no Delete', async () => {
    const { html } = await ann.page(`/contracts/${ids.a1}`);
    const payload = payloadOf(html);
    expect(payload.can.d1).toEqual({ delete: false });
    expect(JSON.stringify(payload.data)).not.toMatch(/margin"|signed"|4242/);
    expect(html).not.toContain('A-1 signed.pdf');
    expect(html).not.toContain('_files/');
    expect(html).not.toContain('>Delete</button>');
  });

  it('shows another account’s record id as not available, with none of its data', async () => {
    const { status, html } = await alice.page(`/contracts/${ids.b1}`);
    expect(status).toBe(200);
    expect(html).toContain(NOT_AVAILABLE);
    for (const secret of ['B-1', B_PRODUCT, B_INVOICE, 'B-1 signed.pdf', '99.00']) expect(html).not.toContain(secret);
    const page = await alice.ask<PagePayload>('page', { path: `/contracts/${ids.b1}` });
    expect((page.data!.data.d1 as RecordResult).record).toBeNull();
    expect((page.data!.data.r1 as ListResult).items).toEqual([]);
    expect(JSON.stringify(page.data)).not.toContain(B_PRODUCT);
    // A made-up id reads the same.
    const missing = await alice.page('/contracts/r_doesnotexist');
    expect(missing.html).toContain(NOT_AVAILABLE);
  });
});

describe('delete action', () => {
  it('deletes a record in the delete scope, with audit entries, and goes back', async () => {
    const r = await runDelete(alice, ids.a2!);
    expect(r.status, r.error?.message).toBe(200);
    expect(r.data).toMatchObject({ ok: true, redirect: '/contracts' });
    expect(await exists(ids.a2!)).toBe(false);
    const audit = await srv.db.selectFrom('audit_log').select(['action', 'details', 'portal_id']).where('target', '=', `contract/${ids.a2}`).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['portal.action', 'record.create', 'record.delete']);
    expect(JSON.parse(audit.find((a) => a.action === 'portal.action')!.details)).toMatchObject({ block: 'entity-detail', action: 'delete', summary: 'Deleted' });
    // The page no longer shows it.
    expect((await alice.page(`/contracts/${ids.a2}`)).html).toContain(NOT_AVAILABLE);
  });

  it('refuses another account’s record as not found and deletes nothing', async () => {
    const r = await runDelete(alice, ids.b1!);
    expect(r.status).toBe(404);
    expect(r.error?.data.code).toBe('NOT_FOUND');
    expect(await exists(ids.b1!)).toBe(true);
  });

  it('refuses a role without delete', async () => {
    const r = await runDelete(ann, ids.a3!);
    expect(r.status).toBe(403);
    expect(r.error?.data.code).toBe('FORBIDDEN');
    expect(await exists(ids.a3!)).toBe(true);
  });

  it('keeps a record other records link to, saying why', async () => {
    const r = await runDelete(alice, ids.a1!);
    expect(r.status).toBe(409);
    expect(r.error?.message).toMatch(/other records are linked to it \(invoices\)/);
    expect(await exists(ids.a1!)).toBe(true);
  });
});

describe('portal file downloads', () => {
  it('sends the account’s own file with safe headers and its bytes', async () => {
    const res = await alice.fetch(`${BASE}/_files/${ids.a1}/signed`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''A-1%20signed.pdf");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('answers 404 alike for another account’s file, a hidden field, a missing record and a non-file field', async () => {
    const bodies: string[] = [];
    for (const [c, path] of [
      [alice, `/_files/${ids.b1}/signed`],
      [ann, `/_files/${ids.a1}/signed`],
      [alice, '/_files/r_nope/signed'],
      [alice, `/_files/${ids.a1}/number`],
      [alice, `/_files/${ids.a3}/signed`],
    ] as const) {
      const res = await c.fetch(`${BASE}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-disposition')).toBeNull();
      bodies.push(await res.text());
    }
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).not.toContain('B-1');
    // Bob downloads his own.
    expect((await bob.fetch(`${BASE}/_files/${ids.b1}/signed`)).status).toBe(200);
  });

  it('sends anonymous visitors to sign in', async () => {
    const anon = new PortalClient(srv.url, BASE);
    const res = await anon.fetch(`${BASE}/_files/${ids.a1}/signed`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${BASE}/login?next=${encodeURIComponent(`/_files/${ids.a1}/signed`)}`);
    expect(res.headers.get('content-type') ?? '').not.toContain('pdf');
  });
});
