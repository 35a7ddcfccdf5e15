// The demo seeded on an empty database (SEED=demo, docs/demo.md): Northwind Energy's entity types
// with the conventional fields the blocks expect, the customer portal "customer" (default) and the
// partner portal "partner", both published, the demo records, and five demo users who sign in over
// HTTP with DEMO_PASSWORD and hold their roles. Scopes are checked through the access layer: the
// installer reaches the opportunities of the three customers linked to their contact and not a
// fourth customer's; the customer roles see their account only, and edit what the personas may.
// Without DEMO_PASSWORD a password is generated and printed once; SEED=none seeds nothing; seeding
// a database that has data does nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldsFor, reservedPagePath, type EntityType, type PortalDocument } from '../../core';
import { seedDemo } from '../../server/seed/demo';
import { DEMO_IDS } from '../../server/seed/demo-data';
import { requireType } from '../../server/services/entity-types';
import { principalForUser, recordAccessFor, writeAccessFor, type PortalPrincipal } from '../../server/services/portal-grants';
import { findRecord, queryRecords } from '../../server/services/record-query';
import { payloadOf, PortalClient, signedIn } from '../helpers/portal-auth';
import { startTestServer, type TestServer } from '../helpers/server';

const DEMO_PASSWORD = 'demo-password-1';

/** The conventional types, written out here (not taken from the template), so a drift fails. */
const EXPECTED_TYPES: Record<string, { title: string; account: string | null; contact: string | null; identifiers: string[]; fields: Record<string, string> }> = {
  contract: {
    title: 'number',
    account: 'account',
    contact: 'contact',
    identifiers: ['number', 'postcode'],
    fields: { number: 'text', product: 'text', energy: 'enum', status: 'enum', startDate: 'date', endDate: 'date', deliveryAddress: 'address', postcode: 'text', monthlyAmount: 'money', meterPoint: 'relation', account: 'relation', contact: 'relation' },
  },
  meter_point: { title: 'number', account: 'account', contact: null, identifiers: ['number'], fields: { number: 'text', energy: 'enum', address: 'address', lastReading: 'number', lastReadingDate: 'date', account: 'relation' } },
  offer: {
    title: 'title',
    account: 'account',
    contact: 'contact',
    identifiers: ['number'],
    fields: { title: 'text', number: 'text', description: 'longText', status: 'enum', amount: 'money', validUntil: 'date', rejectionReason: 'longText', decidedAt: 'datetime', account: 'relation', contact: 'relation' },
  },
  invoice: {
    title: 'number',
    account: 'account',
    contact: null,
    identifiers: ['number'],
    fields: { number: 'text', status: 'enum', amount: 'money', issuedAt: 'date', dueDate: 'date', paidAt: 'datetime', document: 'file', contract: 'relation', account: 'relation' },
  },
  payment: { title: 'reference', account: 'account', contact: null, identifiers: [], fields: { reference: 'text', invoice: 'relation', amount: 'money', paidAt: 'datetime', method: 'text', provider: 'text', status: 'enum', account: 'relation' } },
  service: {
    title: 'name',
    account: 'account',
    contact: 'contact',
    identifiers: [],
    fields: { name: 'text', status: 'enum', startDate: 'date', endDate: 'date', monthlyPrice: 'money', cancellationReason: 'longText', cancellationRequestedAt: 'datetime', catalogueItem: 'relation', account: 'relation', contact: 'relation' },
  },
  catalogue_item: { title: 'name', account: null, contact: null, identifiers: [], fields: { name: 'text', kind: 'enum', description: 'longText', price: 'money', billing: 'enum', visible: 'boolean' } },
  order: {
    title: 'number',
    account: 'account',
    contact: 'contact',
    identifiers: ['number'],
    fields: { number: 'text', name: 'text', status: 'enum', progress: 'number', catalogueItem: 'relation', requestedAt: 'datetime', notes: 'longText', account: 'relation', contact: 'relation' },
  },
  order_step: { title: 'name', account: 'account', contact: null, identifiers: [], fields: { name: 'text', order: 'relation', position: 'number', status: 'enum', dueDate: 'date', completedAt: 'date', account: 'relation' } },
  case: {
    title: 'subject',
    account: 'account',
    contact: 'contact',
    identifiers: ['number'],
    fields: { subject: 'text', number: 'text', description: 'longText', status: 'enum', priority: 'enum', category: 'enum', account: 'relation', contact: 'relation' },
  },
  case_comment: { title: 'authorName', account: 'account', contact: 'contact', identifiers: [], fields: { body: 'longText', authorName: 'text', fromCustomer: 'boolean', case: 'relation', account: 'relation', contact: 'relation' } },
  article: { title: 'title', account: null, contact: null, identifiers: [], fields: { title: 'text', summary: 'text', body: 'longText', category: 'enum', published: 'boolean' } },
  payment_method: { title: 'label', account: 'account', contact: null, identifiers: [], fields: { label: 'text', kind: 'enum', holder: 'text', masked: 'text', expires: 'text', isDefault: 'boolean', account: 'relation' } },
  opportunity: {
    title: 'title',
    account: 'account',
    contact: 'contact',
    identifiers: [],
    fields: { title: 'text', stage: 'enum', pvPanelCount: 'number', pvPanelModel: 'text', roofArea: 'number', installationDate: 'date', value: 'money', notes: 'longText', account: 'relation', contact: 'relation' },
  },
  certification: { title: 'name', account: null, contact: 'contact', identifiers: [], fields: { name: 'text', issuer: 'text', validUntil: 'date', contact: 'relation' } },
};

const USERS: Record<string, { base: string; roles: string[]; accounts: number }> = {
  'owner@customer.example': { base: '/portal', roles: ['customer-owner', 'viewer'], accounts: 1 },
  'accountant@customer.example': { base: '/portal', roles: ['accountant', 'viewer'], accounts: 1 },
  'operations@customer.example': { base: '/portal', roles: ['operations-manager', 'viewer'], accounts: 1 },
  'viewer@customer.example': { base: '/portal', roles: ['viewer'], accounts: 1 },
  'installer@partner.example': { base: '/p/partner', roles: ['installer', 'viewer'], accounts: 4 },
};

const today = () => new Date().toISOString().slice(0, 10);
const plusDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('demo seed with DEMO_PASSWORD', () => {
  let srv: TestServer;
  const portalIds: Record<string, string> = {};
  const principals: Record<string, PortalPrincipal> = {};
  const types: Record<string, EntityType> = {};

  /** Records of a type in the principal's read scope (all pages). */
  const visible = async (email: string, type: string) =>
    (await queryRecords(srv.db, { type, limit: 200 }, recordAccessFor(principals[email]!, types[type] ?? (await requireType(srv.db, type))))).items;
  /** Every record of a type, by external id. */
  const all = async (type: string) => {
    const rows = await srv.db.selectFrom('records').select(['id', 'external_id', 'data']).where('type', '=', type).execute();
    return rows.map((r) => ({ id: r.id, externalId: r.external_id, data: (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, unknown> }));
  };
  const idOf = async (type: string, externalId: string) =>
    (await srv.db.selectFrom('records').select('id').where('type', '=', type).where('external_id', '=', externalId).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    srv = await startTestServer({ SEED: 'demo', DEMO_PASSWORD });
    for (const p of await srv.db.selectFrom('portals').select(['id', 'slug']).execute()) portalIds[p.slug] = p.id;
    for (const key of Object.keys(EXPECTED_TYPES)) types[key] = await requireType(srv.db, key);
    for (const [email, u] of Object.entries(USERS)) {
      const row = await srv.db.selectFrom('portal_users').select(['id', 'contact_id', 'portal_id']).where('email', '=', email).executeTakeFirstOrThrow();
      principals[email] = await principalForUser(srv.db, row.portal_id, { id: row.id, contactId: row.contact_id });
      expect(row.portal_id).toBe(portalIds[u.base === '/portal' ? 'customer' : 'partner']);
    }
  });
  afterAll(() => srv.stop());

  it('prints both portals and the five sign-ins, never DEMO_PASSWORD', () => {
    const out = srv.logs.join('\n');
    for (const email of Object.keys(USERS)) expect(out).toContain(email);
    expect(out).toContain('/portal/');
    expect(out).toContain('/p/partner/');
    expect(out).toContain('/p/partner/login');
    expect(out).not.toContain(DEMO_PASSWORD);
  });

  it('creates the entity types with the conventional fields, titles, identifiers and links', async () => {
    const custom = await srv.db.selectFrom('entity_types').select('key').where('built_in', '=', 0).execute();
    expect(custom.map((t) => t.key).sort()).toEqual(Object.keys(EXPECTED_TYPES).sort());
    for (const [key, want] of Object.entries(EXPECTED_TYPES)) {
      const t = types[key]!;
      expect(Object.fromEntries(t.fields.map((f) => [f.key, f.type])), key).toEqual(want.fields);
      expect(t.titleField, key).toBe(want.title);
      expect(t.accountLink, key).toBe(want.account);
      expect(t.contactLink, key).toBe(want.contact);
      expect(t.fields.filter((f) => f.identifier).map((f) => f.key), key).toEqual(want.identifiers);
      // Labels people read, not keys.
      for (const f of t.fields) expect(f.label, `${key}.${f.key}`).not.toBe(f.key);
    }
    const visibleField = types.catalogue_item!.fields.find((f) => f.key === 'visible')!;
    expect(visibleField.type === 'boolean' && visibleField.default).toBe(false);
  });

  it('publishes the customer portal (default) and the partner portal, and grants the roles the new types (revision bumped)', async () => {
    const portals = await srv.db.selectFrom('portals').select(['slug', 'name', 'is_default', 'published_version_id']).orderBy('slug').execute();
    expect(portals.map((p) => [p.slug, p.is_default, Boolean(p.published_version_id)])).toEqual([
      ['customer', 1, true],
      ['partner', 0, true],
    ]);
    const customerRoles = await srv.db.selectFrom('portal_roles').select(['key', 'revision', 'grants']).where('portal_id', '=', portalIds.customer!).execute();
    for (const key of ['customer-owner', 'accountant', 'operations-manager', 'viewer']) {
      const role = customerRoles.find((r) => r.key === key)!;
      expect(role.revision, key).toBe(2);
      expect(Object.keys(JSON.parse(role.grants).entities), key).toContain('contract');
    }
    // The published documents: the self-service pages, none on a path the portal keeps for itself.
    for (const [slug, paths] of Object.entries({
      customer: ['/', '/contracts', '/contracts/:id', '/offers', '/invoices', '/services', '/orders/:id', '/support', '/support/:id', '/help', '/help/:id', '/energy-tips', '/account'],
      partner: ['/', '/opportunities', '/opportunities/:id', '/profile-certifications'],
    })) {
      const version = await srv.db.selectFrom('portal_versions').select('document').where('portal_id', '=', portalIds[slug]!).executeTakeFirstOrThrow();
      const doc = JSON.parse(version.document) as PortalDocument;
      expect(doc.pages.map((p) => p.path).sort(), slug).toEqual([...paths].sort());
      for (const p of doc.pages) expect(reservedPagePath(p.path), p.path).toBeNull();
    }
    const partnerRoles = await srv.db.selectFrom('portal_roles').select('key').where('portal_id', '=', portalIds.partner!).execute();
    expect(partnerRoles.map((r) => r.key).sort()).toEqual(['installer', 'viewer']);
    const audited = await srv.db.selectFrom('audit_log').select('action').where('action', '=', 'portal-role.update').execute();
    expect(audited.length).toBe(5);
  });

  it('seeds the demo records: counts, dates relative to today, statuses', async () => {
    const counts = Object.fromEntries(
      (await srv.db.selectFrom('records').select(['type', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('type').execute()).map((r) => [r.type, Number(r.n)]),
    );
    expect(counts).toMatchObject({ account: 5, contract: 4, offer: 4, invoice: 8, payment: 5, service: 4, catalogue_item: 6, order: 1, order_step: 4, case: 4, article: 7, payment_method: 3, opportunity: 6, certification: 1 });
    const sunny = await idOf('account', DEMO_IDS.sunnySide);
    const ofSunny = async (type: string) => (await all(type)).filter((r) => r.data.account === sunny);

    const account = (await all('account')).find((a) => a.id === sunny)!;
    expect(account.data.name).toBe('Sunny Side Household');
    expect((await ofSunny('contract')).map((c) => c.data.energy).sort()).toEqual(['electricity', 'gas']);
    for (const c of await ofSunny('contract')) {
      expect(c.data.meterPoint).toBeTruthy();
      expect(c.data.deliveryAddress).toMatchObject({ postalCode: '10969' });
    }

    const offers = await ofSunny('offer');
    expect(offers.map((o) => o.data.status).sort()).toEqual(['accepted', 'expired', 'open']);
    expect(String(offers.find((o) => o.data.status === 'open')!.data.validUntil) >= plusDays(30)).toBe(true);
    expect(String(offers.find((o) => o.data.status === 'expired')!.data.validUntil) < today()).toBe(true);

    const invoices = await ofSunny('invoice');
    expect(invoices).toHaveLength(5);
    const open = invoices.filter((i) => i.data.status === 'open');
    const overdue = invoices.filter((i) => i.data.status === 'overdue');
    const paid = invoices.filter((i) => i.data.status === 'paid');
    expect([open.length, overdue.length, paid.length]).toEqual([1, 1, 3]);
    expect(String(open[0]!.data.dueDate) > today()).toBe(true);
    expect(String(overdue[0]!.data.dueDate) < today()).toBe(true);
    for (const i of invoices) expect(i.data.document, 'a PDF per invoice').toMatchObject({ mime: 'application/pdf' });
    const payments = await ofSunny('payment');
    expect(payments.map((p) => p.data.invoice).sort()).toEqual(paid.map((i) => i.id).sort());

    expect((await ofSunny('service')).map((s) => s.data.status).sort()).toEqual(['active', 'active', 'cancelled']);
    const catalogue = await all('catalogue_item');
    expect(catalogue.filter((c) => c.data.visible === true)).toHaveLength(4);
    expect(new Set(catalogue.map((c) => c.data.kind))).toEqual(new Set(['item', 'plan', 'bundle']));
    const [order] = await ofSunny('order');
    expect(order!.data.status).toBe('in-progress');
    const steps = (await ofSunny('order_step')).filter((s) => s.data.order === order!.id);
    expect(steps.map((s) => s.data.status).sort()).toEqual(['current', 'done', 'done', 'pending']);

    const cases = await ofSunny('case');
    expect(cases).toHaveLength(3);
    const comments = await ofSunny('case_comment');
    for (const c of cases) expect(comments.some((m) => m.data.case === c.id), String(c.data.subject)).toBe(true);
    expect(comments.some((m) => m.data.fromCustomer === false)).toBe(true);
    // A conversation reads in order: the records are dated as the story goes.
    const thread = await srv.db.selectFrom('records').select('external_id').where('type', '=', 'case_comment').where('external_id', 'like', 'DEMO-CMT-%').orderBy('created_at').execute();
    expect(thread.map((r) => r.external_id).slice(0, 3)).toEqual(['DEMO-CMT-6', 'DEMO-CMT-7', 'DEMO-CMT-8']);
    const [caseOne] = await srv.db.selectFrom('records').select('created_at').where('external_id', '=', 'DEMO-CASE-1').execute();
    expect(caseOne!.created_at < new Date(Date.now() - 6 * 86_400_000).toISOString()).toBe(true);

    const articles = await all('article');
    expect(articles.filter((a) => a.data.published === true)).toHaveLength(6);
    expect(articles.filter((a) => a.data.published !== true)).toHaveLength(1);

    const methods = await ofSunny('payment_method');
    expect(methods.filter((m) => m.data.isDefault === true)).toHaveLength(1);
    for (const m of methods) expect(String(m.data.masked)).toMatch(/^(DE\d\d )?•••• \d{4}$/);
  });

  it('the five demo users sign in over HTTP on their portal and hold their roles', async () => {
    for (const [email, u] of Object.entries(USERS)) {
      const c = await signedIn(srv.url, u.base, email, DEMO_PASSWORD);
      const me = await c.ask<{ email: string }>('auth.me');
      expect(me.data?.email).toBe(email);
      const principal = principals[email]!;
      expect([...principal.roles].sort(), email).toEqual(u.roles);
      expect(principal.data.accountIds, email).toHaveLength(u.accounts);
    }
    // Each portal has its own users: the installer is not a user of the customer portal.
    const wrong = await new PortalClient(srv.url, '/portal').call('auth.login', { email: 'installer@partner.example', password: DEMO_PASSWORD });
    expect(wrong.status).not.toBe(200);
  });

  it('serves the demo pages to each persona with their data; pages and blocks for some roles only stay hidden from others', async () => {
    const items = (data: unknown) => (data as { items: unknown[] }).items.length;
    const ctr1 = await idOf('contract', 'DEMO-CTR-1');
    const bakery = await idOf('contract', 'DEMO-CTR-3');
    const owner = await signedIn(srv.url, '/portal', 'owner@customer.example', DEMO_PASSWORD);
    const viewer = await signedIn(srv.url, '/portal', 'viewer@customer.example', DEMO_PASSWORD);
    const installer = await signedIn(srv.url, '/p/partner', 'installer@partner.example', DEMO_PASSWORD);
    const page = async (c: PortalClient, path: string) => {
      const r = await c.page(path);
      expect(r.status, path).toBe(200);
      return payloadOf(r.html);
    };

    expect(items((await page(owner, '/contracts')).data.b_contracts)).toBe(2);
    const contract = await page(owner, `/contracts/${ctr1}`);
    expect((contract.data.b_contract as { record: { title: string } }).record.title).toBe('NW-C-10231');
    expect(items(contract.data.b_contract_invoices)).toBe(3);
    expect(contract.data.b_contract_address).toMatchObject({ kind: 'form', mode: 'edit' });
    const invoices = await page(owner, '/invoices');
    expect([items(invoices.data.b_invoices), items(invoices.data.b_payments)]).toEqual([5, 3]);
    expect(items((await page(owner, '/offers')).data.b_offers)).toBe(3);
    expect(items((await page(owner, '/help')).data.b_kb)).toBe(6);
    // Another customer's contract reads like a missing one.
    expect((await page(owner, `/contracts/${bakery}`)).data.b_contract).toMatchObject({ record: null });

    // The viewer: no offers page, no address form, no payments; invoices without their PDFs.
    expect((await viewer.page('/offers')).status).toBe(404);
    expect((await page(owner, '/')).nav.map((n) => n.href)).toContain('/portal/offers');
    expect((await page(viewer, '/')).nav.map((n) => n.href)).not.toContain('/portal/offers');
    const viewerContract = await page(viewer, `/contracts/${ctr1}`);
    expect(viewerContract.data.b_contract_address).toBeUndefined();
    const viewerInvoices = await page(viewer, '/invoices');
    expect(items(viewerInvoices.data.b_invoices)).toBe(5);
    expect(viewerInvoices.data.b_payments).toBeUndefined();
    expect((await page(viewer, '/account')).data.b_team).toBeUndefined();

    const projects = await page(installer, '/opportunities');
    expect(items(projects.data.pb_opps)).toBe(5);
    const unlinked = await idOf('opportunity', DEMO_IDS.unlinkedOpportunity);
    expect((await page(installer, `/opportunities/${unlinked}`)).data.pb_opp).toMatchObject({ record: null });
    expect(items((await page(installer, '/profile-certifications')).data.pb_certs)).toBe(1);
  });

  it("the installer reaches the linked customers' opportunities, not the unlinked one's, and edits only the PV fields", async () => {
    const installer = principals['installer@partner.example']!;
    const opportunities = await visible('installer@partner.example', 'opportunity');
    expect(opportunities).toHaveLength(5);
    const unlinked = await idOf('opportunity', DEMO_IDS.unlinkedOpportunity);
    expect(opportunities.map((o) => o.id)).not.toContain(unlinked);
    expect(await findRecord(srv.db, 'opportunity', unlinked, recordAccessFor(installer, types.opportunity!))).toBeNull();
    const customers = new Set(opportunities.map((o) => o.data.account));
    expect(customers.size).toBe(3);
    expect([...fieldsFor(installer.grants, types.opportunity!).editable].sort()).toEqual(['installationDate', 'pvPanelCount', 'pvPanelModel', 'roofArea']);
    expect(writeAccessFor(installer, types.opportunity!).scope).toEqual(recordAccessFor(installer, types.opportunity!).scope);
    // Their certification: their own, linked to their contact; they may add more.
    expect(await visible('installer@partner.example', 'certification')).toHaveLength(1);
    expect(installer.grants.entities.get('certification')?.create).toBe(true);
    // No customer data beyond the projects: no invoices, contracts or offers.
    for (const type of ['invoice', 'contract', 'offer']) expect(await visible('installer@partner.example', type), type).toHaveLength(0);
  });

  it('customer roles see their own account only, each what their persona needs', async () => {
    const sunny = await idOf('account', DEMO_IDS.sunnySide);
    for (const email of ['owner@customer.example', 'accountant@customer.example', 'operations@customer.example', 'viewer@customer.example']) {
      const contracts = await visible(email, 'contract');
      expect(contracts, email).toHaveLength(2);
      expect(contracts.every((c) => c.data.account === sunny)).toBe(true);
      expect((await visible(email, 'article')).length, email).toBe(7);
      expect((await visible(email, 'opportunity')).length, email).toBe(0);
    }
    const n = async (email: string, type: string) => (await visible(email, type)).length;
    // Offers: owner and operations (accept/reject); not the accountant or the viewer.
    expect([await n('owner@customer.example', 'offer'), await n('operations@customer.example', 'offer'), await n('accountant@customer.example', 'offer'), await n('viewer@customer.example', 'offer')]).toEqual([3, 3, 0, 0]);
    // Payments and payment methods: owner and accountant.
    expect([await n('owner@customer.example', 'payment_method'), await n('accountant@customer.example', 'payment_method'), await n('operations@customer.example', 'payment_method')]).toEqual([2, 2, 0]);
    expect([await n('owner@customer.example', 'payment'), await n('accountant@customer.example', 'payment'), await n('viewer@customer.example', 'payment')]).toEqual([3, 3, 0]);
    // Invoice PDFs: not for a plain viewer.
    const viewerInvoices = await visible('viewer@customer.example', 'invoice');
    expect(viewerInvoices).toHaveLength(5);
    expect(viewerInvoices.every((i) => i.data.document === undefined)).toBe(true);
    expect((await visible('accountant@customer.example', 'invoice')).every((i) => i.data.document !== undefined)).toBe(true);

    // Delivery address: the owner edits both contracts, Oskar the one naming him, the others none.
    const editable = async (email: string) => {
      const access = writeAccessFor(principals[email]!, types.contract!);
      const reach = (await queryRecords(srv.db, { type: 'contract', limit: 10 }, { scope: access.scope, readable: access.read.readable })).items.map((c) => c.data.number);
      return { fields: [...access.editable], reach: reach.sort() };
    };
    expect(await editable('owner@customer.example')).toEqual({ fields: ['deliveryAddress'], reach: ['NW-C-10231', 'NW-C-10232'] });
    expect(await editable('operations@customer.example')).toEqual({ fields: ['deliveryAddress'], reach: ['NW-C-10232'] });
    expect((await editable('viewer@customer.example')).fields).toEqual([]);
    expect((await editable('accountant@customer.example')).fields).toEqual([]);
    // A case of their own: opened by Arne in the portal.
    const own = await srv.db.selectFrom('records').select('created_by_user').where('external_id', '=', 'DEMO-CASE-2').executeTakeFirstOrThrow();
    expect(own.created_by_user).toBe(principals['accountant@customer.example']!.userId);
  });

  it('seeding a database that has data does nothing', async () => {
    const before = await srv.db.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(await seedDemo(srv.db, DEMO_PASSWORD, { dataDir: srv.dataDir })).toBeNull();
    const after = await srv.db.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(await srv.db.selectFrom('portals').select('id').execute()).toHaveLength(2);
  });
});

describe('demo seed without DEMO_PASSWORD', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ SEED: 'demo' });
  });
  afterAll(() => srv.stop());

  it('generates one password, prints it once, and it works on both portals', async () => {
    const lines = srv.logs.filter((l) => l.includes('password for all of them:'));
    expect(lines).toHaveLength(1);
    const password = /password for all of them: (\S+)/.exec(lines[0]!)![1]!;
    await signedIn(srv.url, '/portal', 'viewer@customer.example', password);
    await signedIn(srv.url, '/p/partner', 'installer@partner.example', password);
  });
});

describe('SEED=none', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ SEED: 'none', DEMO_PASSWORD });
  });
  afterAll(() => srv.stop());

  it('seeds nothing: no portal, no record, no type but the built-in ones, no demo user', async () => {
    expect(await srv.db.selectFrom('portals').select('id').execute()).toHaveLength(0);
    expect(await srv.db.selectFrom('records').select('id').execute()).toHaveLength(0);
    expect((await srv.db.selectFrom('entity_types').select('key').execute()).map((t) => t.key).sort()).toEqual(['account', 'contact']);
    expect(await srv.db.selectFrom('portal_users').select('id').execute()).toHaveLength(0);
    expect(srv.logs.join('\n')).not.toContain('owner@customer.example');
  });
});
