// The form, search and figure blocks over real HTTP, as a browser would use a published portal:
// a form creates records linked by the server and refuses mass assignment with the field named;
// edits stay within the edit scope and the loaded revision; idempotency keys apply a submit once;
// the identifier search finds only the user's own records and stops after 10 attempts; key figures,
// charts and timelines count and show exactly what the viewer's scope holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AggregateResult, BlockNode, FormResult, TimelineResult } from '../../core';
import { audit } from '../../server/services/audit';
import { createType } from '../../server/services/entity-types';
import { ADMIN_WRITE, createRecord } from '../../server/services/records';
import type { Actor } from '../../server/services/record-store';
import { countAttempt, SEARCH_LIMIT_PER_ADDRESS } from '../../server/actions/data-blocks';
import { clearRoles, documentOf, insertRole, insertUser, type PortalClient, publishPortal, signedIn } from '../helpers/portal-auth';
import { signIn, startTestServer, type TestServer } from '../helpers/server';

const SLUG = 'forms';
const BASE = `/p/${SLUG}`;
const system: Actor = { kind: 'system', id: null };
const block = (id: string, type: string, props: Record<string, unknown>): BlockNode => ({ id, type, props });

const doc = documentOf([
  { id: 'p_home', path: '/', title: { en: 'Home' }, inNav: true, blocks: [] },
  {
    id: 'p_new',
    path: '/new-contract',
    title: { en: 'New contract' },
    inNav: true,
    blocks: [
      block('b_create', 'entity-form', {
        entityType: 'contract',
        mode: 'create',
        fields: ['number', 'product', 'postcode', 'deliveryAddress', 'monthlyAmount', 'startDate'],
        successMessage: 'Contract saved.',
        successPath: '/contracts/:id',
      }),
    ],
  },
  {
    id: 'p_contract',
    path: '/contracts/:id',
    title: { en: 'Contract' },
    inNav: false,
    blocks: [
      block('b_edit', 'entity-form', { entityType: 'contract', mode: 'edit', param: 'id', fields: ['product', 'postcode', 'status', 'deliveryAddress'] }),
      block('b_tl', 'timeline', { entityType: 'contract', param: 'id', limit: 50 }),
    ],
  },
  {
    id: 'p_find',
    path: '/find',
    title: { en: 'Find' },
    inNav: true,
    blocks: [block('b_find', 'identifier-search', { entityType: 'contract', fields: ['number', 'postcode'], resultPath: '/contracts/:id', notFoundText: 'No contract matches these details.' })],
  },
  {
    id: 'p_figures',
    path: '/figures',
    title: { en: 'Figures' },
    inNav: true,
    blocks: [
      block('b_count', 'kpi', { entityType: 'contract', measure: 'count', filters: [] }),
      block('b_sum', 'kpi', { entityType: 'contract', measure: 'sum', field: 'monthlyAmount', filters: [{ field: 'status', op: 'equals', value: 'active' }] }),
      block('b_chart', 'chart', { entityType: 'contract', measure: 'count', groupBy: 'status', title: 'Contracts by status' }),
      block('b_chart_sum', 'chart', { entityType: 'contract', chartType: 'pie', measure: 'sum', field: 'monthlyAmount', groupBy: 'energy', filters: [{ field: 'monthlyAmount', op: 'at-least', value: '20' }] }),
    ],
  },
]);

let srv: TestServer;
let portalId: string;
const ids: Record<string, string> = {};
const users: Record<string, { id: string; client: PortalClient }> = {};
let key = 0;
const idem = () => `forms-key-${String(++key).padStart(8, '0')}`;

type Outcome = { ok: boolean; message?: string; redirect?: string; recordId?: string };

const stored = async (id: string) => {
  const row = await srv.db.selectFrom('records').select(['data', 'revision', 'created_by_user']).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const data = typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, unknown>) : (row.data as Record<string, unknown>);
  return { data, revision: Number(row.revision), createdBy: row.created_by_user };
};
const contractCount = async () => Number((await srv.db.selectFrom('records').select((eb) => eb.fn.countAll().as('n')).where('type', '=', 'contract').executeTakeFirstOrThrow()).n);
/** All contracts as stored: the reference the figures are checked against (not the code under test). */
const allContracts = async () => {
  const rows = await srv.db.selectFrom('records').select(['id', 'data']).where('type', '=', 'contract').execute();
  return rows.map((r) => ({ id: r.id, data: (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, unknown> }));
};
const submit = (who: string, path: string, blockId: string, input: unknown, idempotencyKey = idem()) =>
  users[who]!.client.call<Outcome>('runAction', { path, blockId, action: 'submit', input, idempotencyKey });
const findAs = (who: string, values: Record<string, string>) => users[who]!.client.call<Outcome>('runAction', { path: '/find', blockId: 'b_find', action: 'find', input: { values }, idempotencyKey: idem() });
const pageData = async <T>(who: string, path: string) => {
  const r = await users[who]!.client.ask<{ data: Record<string, T> }>('page', { path });
  expect(r.status, r.error?.message).toBe(200);
  return r.data!.data;
};

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
      { key: 'number', label: 'Contract number', type: 'text', required: true, identifier: true },
      { key: 'product', label: 'Product', type: 'text' },
      { key: 'postcode', label: 'Postcode', type: 'text', maxLength: 20, identifier: true },
      { key: 'status', label: 'Status', type: 'enum', options: [{ value: 'active', label: 'Active' }, { value: 'pending', label: 'Pending' }, { value: 'ended', label: 'Ended' }], default: 'pending' },
      { key: 'energy', label: 'Energy', type: 'enum', options: [{ value: 'electricity', label: 'Electricity' }, { value: 'gas', label: 'Gas' }] },
      { key: 'deliveryAddress', label: 'Delivery address', type: 'address' },
      { key: 'monthlyAmount', label: 'Monthly amount', type: 'money', currency: 'EUR' },
      { key: 'startDate', label: 'Start date', type: 'date' },
      { key: 'notes', label: 'Notes', type: 'longText' },
      { key: 'margin', label: 'Margin', type: 'number', internal: true },
      { key: 'account', label: 'Account', type: 'relation', target: 'account' },
      { key: 'contact', label: 'Contact', type: 'relation', target: 'contact' },
    ],
  });
  portalId = await publishPortal(owner, SLUG, 'Forms', doc);
  await clearRoles(srv.db, portalId);
  // Editors create and edit their company's contracts, but not the status or the links; readers only read.
  const editor = await insertRole(srv.db, portalId, { key: 'editor', grants: { entities: { contract: { create: true, read: 'account', edit: 'account', fields: { account: 'read', contact: 'read', status: 'read' } } } } });
  const reader = await insertRole(srv.db, portalId, { key: 'reader', grants: { entities: { contract: { read: 'account' } } } });
  const mk = async (type: string, data: Record<string, unknown>) => (await createRecord(srv.db, system, { type, data }, ADMIN_WRITE)).id;
  ids.A = await mk('account', { name: 'Customer A' });
  ids.B = await mk('account', { name: 'Customer B' });
  const people: [string, string, string][] = [
    ['alice', 'A', editor],
    ['carol', 'A', editor],
    ['rita', 'A', reader],
    ['bob', 'B', editor],
  ];
  for (const [name, account, role] of people) {
    const contact = await mk('contact', { name, accounts: [ids[account]!] });
    ids[`contact_${name}`] = contact;
    const id = await insertUser(srv.db, portalId, { email: `${name}@forms.example`, name, roleIds: [role] });
    await srv.db.updateTable('portal_users').set({ contact_id: contact }).where('id', '=', id).execute();
    users[name] = { id, client: await signedIn(srv.url, BASE, `${name}@forms.example`) };
  }
  const contract = (number: string, account: string, extra: Record<string, unknown>) => mk('contract', { number, account: ids[account], margin: 7, ...extra });
  ids.c100 = await contract('C-100', 'A', { postcode: '10115', status: 'active', energy: 'electricity', monthlyAmount: { amount: 50, currency: 'EUR' }, product: 'Green' });
  ids.c101 = await contract('C-101', 'A', { postcode: '10117', status: 'pending', energy: 'gas', monthlyAmount: { amount: 30, currency: 'EUR' } });
  ids.c102 = await contract('C-102', 'A', { postcode: '10119', status: 'active', energy: 'gas', monthlyAmount: { amount: 15, currency: 'EUR' } });
  ids.c200 = await contract('C-200', 'B', { postcode: '20095', status: 'active', energy: 'electricity', monthlyAmount: { amount: 70, currency: 'EUR' }, product: 'Grey' });
  ids.c201 = await contract('C-201', 'B', { postcode: '20097', status: 'active', energy: 'electricity', monthlyAmount: { amount: 80, currency: 'EUR' } });
  ids.c202 = await contract('C-202', 'B', { postcode: '20099', status: 'ended', energy: 'gas', monthlyAmount: { amount: 10, currency: 'EUR' } });
}, 60_000);

afterAll(async () => {
  await srv?.stop();
});

describe('entity-form: create', () => {
  it('creates the record with the account and contact links set by the server', async () => {
    const r = await submit('alice', '/new-contract', 'b_create', {
      data: { number: 'C-NEW-1', product: 'Solar', postcode: '10117', monthlyAmount: { amount: 42.5, currency: 'EUR' }, deliveryAddress: { street: 'Main St 1', postalCode: '10117', city: 'Berlin', country: 'de' }, startDate: '2026-04-01' },
    });
    expect(r.status, r.error?.message).toBe(200);
    expect(r.data).toMatchObject({ ok: true, message: 'Contract saved.' });
    const id = r.data!.recordId!;
    expect(r.data!.redirect).toBe(`/contracts/${id}`);
    const row = await stored(id);
    expect(row!.data).toMatchObject({ number: 'C-NEW-1', account: ids.A, contact: ids.contact_alice, status: 'pending', deliveryAddress: { country: 'DE' } });
    expect(row!.createdBy).toBe(users.alice!.id);
    // The form's data offers neither link to the user.
    const form = (await pageData<FormResult>('alice', '/new-contract')).b_create!;
    expect(form.fields.map((f) => f.key).sort()).toEqual(['deliveryAddress', 'monthlyAmount', 'number', 'postcode', 'product', 'startDate']);
  });

  it.each([
    ['account', () => ids.B, 403],
    ['contact', () => ids.contact_bob, 403],
    ['margin', () => 1, 403],
    ['notes', () => 'not on this form', 403],
    ['status', () => 'active', 403],
    ['owner', () => 'someone-else', 400],
    ['createdAt', () => '2020-01-01T00:00:00Z', 400],
  ])('refuses "%s" with the field named, and writes nothing', async (field, value, status) => {
    const before = await contractCount();
    const r = await submit('alice', '/new-contract', 'b_create', { data: { number: `C-MASS-${field}`, [field]: value() } });
    expect(r.status, r.error?.message).toBe(status);
    expect(r.error!.data.issues!.map((i) => i.path.join('.'))).toEqual([field]);
    expect(r.error!.message).toContain(field);
    expect(await contractCount()).toBe(before);
  });

  it('answers validation problems per field, and writes nothing', async () => {
    const before = await contractCount();
    const r = await submit('alice', '/new-contract', 'b_create', { data: { product: 'x', postcode: '1'.repeat(21), startDate: '2026-02-30', monthlyAmount: { amount: 5, currency: 'USD' } } });
    expect(r.status).toBe(400);
    const issues = Object.fromEntries(r.error!.data.issues!.map((i) => [i.path.join('.'), i.message]));
    expect(Object.keys(issues).sort()).toEqual(['monthlyAmount', 'number', 'postcode', 'startDate']);
    expect(issues.number).toMatch(/required/);
    expect(issues.postcode).toMatch(/at most 20/);
    expect(issues.startDate).toMatch(/not a real date/);
    expect(issues.monthlyAmount).toMatch(/EUR/);
    expect(await contractCount()).toBe(before);
  });

  it('applies one idempotency key once, and refuses it for another request', async () => {
    const k = idem();
    const input = { data: { number: 'C-IDEM-1' } };
    const first = await submit('alice', '/new-contract', 'b_create', input, k);
    const again = await submit('alice', '/new-contract', 'b_create', input, k);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.data).toEqual(first.data);
    const rows = await srv.db.selectFrom('records').select('id').where('type', '=', 'contract').where('title', '=', 'C-IDEM-1').execute();
    expect(rows.map((r) => r.id)).toEqual([first.data!.recordId]);
    const other = await submit('alice', '/new-contract', 'b_create', { data: { number: 'C-IDEM-2' } }, k);
    expect(other.status).toBe(409);
    expect(await srv.db.selectFrom('records').select('id').where('title', '=', 'C-IDEM-2').executeTakeFirst()).toBeUndefined();
  });
});

describe('entity-form: edit', () => {
  it('loads the record with the editable fields, and saves a change at the loaded revision', async () => {
    const form = (await pageData<FormResult>('alice', `/contracts/${ids.c100}`)).b_edit!;
    expect(form.record!.id).toBe(ids.c100);
    expect(Object.fromEntries(form.fields.map((f) => [f.key, f.editable]))).toEqual({ product: true, postcode: true, status: false, deliveryAddress: true });
    const r = await submit('alice', `/contracts/${ids.c100}`, 'b_edit', { data: { product: 'Green Plus' }, baseRevision: form.record!.revision });
    expect(r.status, r.error?.message).toBe(200);
    expect(r.data).toMatchObject({ ok: true, recordId: ids.c100 });
    expect(r.data!.redirect).toBeUndefined();
    const row = await stored(ids.c100!);
    expect(row!.data.product).toBe('Green Plus');
    expect(row!.revision).toBe(form.record!.revision + 1);
  });

  it('refuses a stale revision as changed meanwhile, and keeps the newer value', async () => {
    const rev = (await stored(ids.c100!))!.revision;
    const r = await submit('alice', `/contracts/${ids.c100}`, 'b_edit', { data: { product: 'Stale' }, baseRevision: rev - 1 });
    expect(r.status).toBe(409);
    expect(r.error!.message).toMatch(/changed meanwhile.*[Rr]eload/);
    expect((await stored(ids.c100!))!.data.product).toBe('Green Plus');
  });

  it('treats another account’s record like a missing one, and changes nothing', async () => {
    const r = await submit('alice', `/contracts/${ids.c200}`, 'b_edit', { data: { product: 'Hacked' }, baseRevision: 1 });
    expect(r.status).toBe(404);
    const madeUp = await submit('alice', '/contracts/r_doesnotexist', 'b_edit', { data: { product: 'Hacked' }, baseRevision: 1 });
    expect(madeUp.status).toBe(404);
    expect(madeUp.error!.message).toBe(r.error!.message);
    expect((await stored(ids.c200!))!.data.product).toBe('Grey');
    expect((await pageData<FormResult>('alice', `/contracts/${ids.c200}`)).b_edit!.record).toBeNull();
  });

  it('refuses a field the role may only read, naming it (FORBIDDEN), and a link or internal field alike', async () => {
    for (const [field, value] of [
      ['status', 'ended'],
      ['account', ids.B],
      ['margin', 0],
    ] as const) {
      const r = await submit('alice', `/contracts/${ids.c101}`, 'b_edit', { data: { [field]: value } });
      expect(r.status, field).toBe(403);
      expect(r.error!.data.issues!.map((i) => i.path.join('.'))).toEqual([field]);
    }
    expect((await stored(ids.c101!))!.data).toMatchObject({ status: 'pending', account: ids.A, margin: 7 });
  });

  it('is not there for a role without the edit grant: no form on the page, the action is not found', async () => {
    const data = await pageData<FormResult>('rita', `/contracts/${ids.c100}`);
    expect(data.b_edit).toBeUndefined();
    expect((await users.rita!.client.page(`/contracts/${ids.c100}`)).html).not.toContain('pb-entity-form');
    const r = await submit('rita', `/contracts/${ids.c100}`, 'b_edit', { data: { product: 'Reader was here' } });
    expect(r.status).toBe(404);
    const create = await submit('rita', '/new-contract', 'b_create', { data: { number: 'C-RITA' } });
    expect(create.status).toBe(404);
    expect((await stored(ids.c100!))!.data.product).toBe('Green Plus');
  });
});

describe('identifier-search', () => {
  it('finds an in-scope record by number and postcode, trimmed and case-insensitively', async () => {
    const r = await findAs('bob', { number: ' c-200 ', postcode: '20095' });
    expect(r.status, r.error?.message).toBe(200);
    expect(r.data).toEqual({ ok: true, redirect: `/contracts/${ids.c200}`, recordId: ids.c200 });
  });

  it('answers another account’s record exactly like one that does not exist', async () => {
    const theirs = await findAs('bob', { number: 'C-100', postcode: '10115' });
    const none = await findAs('bob', { number: 'C-999', postcode: '10115' });
    const wrongPostcode = await findAs('bob', { number: 'C-200', postcode: '10115' });
    expect(theirs.status).toBe(200);
    expect(theirs.data).toEqual({ ok: true, message: 'No contract matches these details.' });
    expect(none.data).toEqual(theirs.data);
    expect(wrongPostcode.data).toEqual(theirs.data);
  });

  it('needs every configured field and no other', async () => {
    const missing = await findAs('bob', { number: 'C-200' });
    expect(missing.status).toBe(400);
    expect(missing.error!.data.issues!.map((i) => i.path.join('.'))).toEqual(['postcode']);
    const extra = await findAs('bob', { number: 'C-200', postcode: '20095', account: 'x' });
    expect(extra.status).toBe(400);
  });

  it('allows 10 attempts per user in 15 minutes, counting not-found answers, then refuses with a wait', async () => {
    for (let i = 1; i <= 10; i++) {
      const r = await findAs('carol', { number: `C-GUESS-${i}`, postcode: '10115' });
      expect(r.status, `attempt ${i}`).toBe(200);
    }
    const eleventh = await findAs('carol', { number: 'C-100', postcode: '10115' });
    expect(eleventh.status).toBe(429);
    expect(eleventh.error!.message).toMatch(/Try again in 15 minutes/);
    // Per user: another user of the same company is not affected.
    expect((await findAs('alice', { number: 'C-100', postcode: '10115' })).data).toMatchObject({ ok: true, recordId: ids.c100 });
  });
});

describe('identifier search per address', () => {
  it('limits one address across its users (an office shares one), not only each user', async () => {
    const ctxFor = (user: string) => ({ trx: srv.db, portal: { id: portalId }, user: { id: user }, ip: '198.51.100.7' }) as unknown as Parameters<typeof countAttempt>[0];
    // Thirty colleagues with three searches each… the address's thirty-first attempt is refused.
    for (let i = 0; i < SEARCH_LIMIT_PER_ADDRESS; i++) await countAttempt(ctxFor(`office-user-${i % 10}`));
    await expect(countAttempt(ctxFor('office-user-new'))).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    // Another address is not affected.
    await expect(countAttempt({ ...ctxFor('office-user-new'), ip: '198.51.100.8' })).resolves.toBeUndefined();
  });
});

describe('key figures and charts', () => {
  it('count and sum what each user’s scope holds', async () => {
    const all = await allContracts();
    for (const [who, account] of [
      ['alice', 'A'],
      ['bob', 'B'],
    ] as const) {
      const mine = all.filter((c) => c.data.account === ids[account]);
      const data = await pageData<AggregateResult>(who, '/figures');
      expect(data.b_count!.total, who).toBe(mine.length);
      const activeSum = mine.filter((c) => c.data.status === 'active').reduce((s, c) => s + ((c.data.monthlyAmount as { amount: number } | undefined)?.amount ?? 0), 0);
      expect(data.b_sum!.total, who).toBe(activeSum);
      expect(data.b_sum!.currency).toBe('EUR');
      const byStatus = Object.fromEntries(data.b_chart!.groups.map((g) => [g.key, g.value]));
      const expected: Record<string, number> = {};
      for (const c of mine) expected[String(c.data.status)] = (expected[String(c.data.status)] ?? 0) + 1;
      expect(byStatus, who).toEqual(expected);
      const byEnergy = Object.fromEntries(data.b_chart_sum!.groups.map((g) => [g.key, g.value]));
      const energy: Record<string, number> = {};
      for (const c of mine) {
        const amount = (c.data.monthlyAmount as { amount: number } | undefined)?.amount;
        // Records without the grouped field form one group, keyed '' (shown as "—").
        const group = typeof c.data.energy === 'string' ? c.data.energy : '';
        if (amount !== undefined && amount >= 20) energy[group] = (energy[group] ?? 0) + amount;
      }
      expect(byEnergy, who).toEqual(energy);
    }
    // The two companies' figures differ: the same configuration shows each their own.
    expect((await pageData<AggregateResult>('alice', '/figures')).b_sum!.total).not.toBe((await pageData<AggregateResult>('bob', '/figures')).b_sum!.total);
  });

  it('renders the figures and the chart’s table on the server', async () => {
    const { html } = await users.bob!.client.page('/figures');
    expect(html).toContain('pb-kpi__value');
    expect(html).toContain('€150.00'); // C-200 + C-201, the active ones
    expect(html).toContain('Contracts by status');
    expect(html).toMatch(/<th scope="row">Active<\/th><td class="pb-chart__num">2<\/td>/);
  });
});

describe('timeline', () => {
  it('shows creation, changes and portal actions of an in-scope record, newest first', async () => {
    await audit(srv.db, { actor_type: 'portal-user', actor_id: users.alice!.id, portal_id: portalId, action: 'portal.action', target: `contract/${ids.c100}`, details: { block: 'meter', action: 'submit', summary: 'Meter reading submitted' } });
    const tl = (await pageData<TimelineResult>('alice', `/contracts/${ids.c100}`)).b_tl!;
    expect(tl.found).toBe(true);
    expect(tl.entries.map((e) => [e.summary, e.actor])).toEqual([
      ['Meter reading submitted', 'You'],
      ['Changed Product', 'You'],
      ['Contract created', 'Customer service'],
    ]);
    const colleague = (await pageData<TimelineResult>('carol', `/contracts/${ids.c100}`)).b_tl!;
    expect(colleague.entries.map((e) => e.actor)).toEqual(['alice', 'alice', 'Customer service']);
    const { html } = await users.alice!.client.page(`/contracts/${ids.c100}`);
    expect(html).toContain('Changed Product');
    expect(html).toMatch(/<time dateTime="[^"]+">/);
  });

  it('shows nothing of another account’s record', async () => {
    const tl = (await pageData<TimelineResult>('bob', `/contracts/${ids.c100}`)).b_tl!;
    expect(tl).toMatchObject({ found: false, entries: [] });
    const { html } = await users.bob!.client.page(`/contracts/${ids.c100}`);
    expect(html).not.toContain('Changed Product');
    expect(html).not.toContain('Meter reading submitted');
    expect(html).toContain('There is no history to show.');
  });
});
