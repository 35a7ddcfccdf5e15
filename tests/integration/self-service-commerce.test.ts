// The commerce self-service blocks over HTTP, as a browser uses them: a published portal with the
// offers, invoices, payments, services, service-catalogue and implementation-status blocks, the
// demo's entity types, two accounts and roles with and without the named actions. Every action goes
// through POST {base}/_api/trpc/runAction; the tests then read the database for what was (and was
// not) written: records, payment rows, the action's audit entry and its outbox email.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionOutcome, BlockNode, ListResult, RecordData } from '../../core';
import { ENERGY_TYPES } from '../../templates/starters/energy-types';
import { createType } from '../../server/services/entity-types';
import { createRecord } from '../../server/services/records';
import type { Actor } from '../../server/services/record-store';
import { clearRoles, documentOf, emailsTo, heading, insertRole, insertUser, publishPortal, signedIn, type PortalClient } from '../helpers/portal-auth';
import { signIn, startTestServer, type TestServer } from '../helpers/server';

const SLUG = 'commerce';
const BASE = `/p/${SLUG}`;
const system: Actor = { kind: 'system', id: null };
const OWNER_EMAIL = 'olivia@sunny.example';
const VIEWER_EMAIL = 'vera@sunny.example';
const OTHER_EMAIL = 'otto@other.example';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const block = (id: string, type: string, props: Record<string, unknown> = {}): BlockNode => ({ id, type, props });

const doc = documentOf([
  { id: 'p_home', path: '/', title: { en: 'Home' }, inNav: true, blocks: [heading('h_home', 'Welcome')] },
  { id: 'p_offers', path: '/offers', title: { en: 'Offers' }, inNav: true, blocks: [block('b_offers', 'offers')] },
  { id: 'p_invoices', path: '/invoices', title: { en: 'Invoices' }, inNav: true, blocks: [block('b_invoices', 'invoices'), block('b_payments', 'payments')] },
  { id: 'p_services', path: '/services', title: { en: 'Services' }, inNav: true, blocks: [block('b_services', 'services')] },
  { id: 'p_catalogue', path: '/catalogue', title: { en: 'Catalogue' }, inNav: true, blocks: [block('b_catalogue', 'service-catalogue', { successPath: '/orders/:id' })] },
  { id: 'p_orders', path: '/orders', title: { en: 'Orders' }, inNav: true, blocks: [block('b_orders', 'implementation-status')] },
  { id: 'p_order', path: '/orders/:id', title: { en: 'Order' }, inNav: false, blocks: [block('b_steps', 'implementation-status', { mode: 'order' })] },
]);

const READ_ACCOUNT = { read: 'account' } as const;
const READS = {
  offer: READ_ACCOUNT,
  invoice: READ_ACCOUNT,
  payment: READ_ACCOUNT,
  service: READ_ACCOUNT,
  order: READ_ACCOUNT,
  order_step: READ_ACCOUNT,
  payment_method: READ_ACCOUNT,
  catalogue_item: { read: 'all' },
} as const;

let srv: TestServer;
let owner: PortalClient;
let viewer: PortalClient;
let other: PortalClient;
let ownerId: string;
let accountA: string;
let accountB: string;
let contactOwner: string;
const ids: Record<string, string> = {};
let keyNo = 0;
const key = () => `commerce-key-${String(++keyNo).padStart(8, '0')}`;

const create = async (type: string, data: Record<string, unknown>) => (await createRecord(srv.db, system, { type, data })).id;
async function stored(id: string): Promise<RecordData> {
  const row = await srv.db.selectFrom('records').select('data').where('id', '=', id).executeTakeFirstOrThrow();
  return typeof row.data === 'string' ? (JSON.parse(row.data) as RecordData) : (row.data as RecordData);
}
const actionAudits = (target: string) =>
  srv.db.selectFrom('audit_log').select(['actor_id', 'details']).where('target', '=', target).where('action', '=', 'portal.action').execute();
const summaries = async (target: string) => (await actionAudits(target)).map((a) => (JSON.parse(a.details) as { summary: string }).summary);
const recordsOf = async (type: string) => {
  const rows = await srv.db.selectFrom('records').select(['id', 'data']).where('type', '=', type).execute();
  return rows.map((r) => ({ id: r.id, data: typeof r.data === 'string' ? (JSON.parse(r.data) as RecordData) : (r.data as RecordData) }));
};

type Answer = { status: number; data?: ActionOutcome; error?: { message: string; data: { code: string; issues?: { path: string[]; message: string }[] } } };
const act = (c: PortalClient, path: string, blockId: string, action: string, input: unknown, idempotencyKey = key()): Promise<Answer> =>
  c.call<ActionOutcome>('runAction', { path, blockId, action, input, idempotencyKey }) as Promise<Answer>;
const page = async (c: PortalClient, path: string) => {
  const r = await c.ask<{ data: Record<string, ListResult>; can: Record<string, Record<string, boolean>> }>('page', { path });
  expect(r.status, r.error?.message).toBe(200);
  return r.data!;
};

beforeAll(async () => {
  srv = await startTestServer();
  const admin = await signIn(srv.url);
  for (const type of ENERGY_TYPES) await createType(srv.db, system, type);
  const portalId = await publishPortal(admin, SLUG, 'Commerce', doc);
  await clearRoles(srv.db, portalId);
  const customer = await insertRole(srv.db, portalId, {
    key: 'customer',
    grants: { entities: READS, actions: ['offers.accept', 'offers.reject', 'invoices.pay', 'services.cancel', 'services.request'] },
  });
  const readOnly = await insertRole(srv.db, portalId, { key: 'read-only', grants: { entities: READS } });

  accountA = await create('account', { name: 'Sunny Side Household' });
  accountB = await create('account', { name: 'Other Household' });
  contactOwner = await create('contact', { name: 'Olivia', email: OWNER_EMAIL, accounts: [accountA] });
  const contactViewer = await create('contact', { name: 'Vera', email: VIEWER_EMAIL, accounts: [accountA] });
  const contactOther = await create('contact', { name: 'Otto', email: OTHER_EMAIL, accounts: [accountB] });
  ownerId = await insertUser(srv.db, portalId, { email: OWNER_EMAIL, name: 'Olivia Owner', roleIds: [customer] });
  const viewerId = await insertUser(srv.db, portalId, { email: VIEWER_EMAIL, name: 'Vera Viewer', roleIds: [readOnly] });
  const otherId = await insertUser(srv.db, portalId, { email: OTHER_EMAIL, name: 'Otto Other', roleIds: [customer] });
  for (const [user, contact] of [
    [ownerId, contactOwner],
    [viewerId, contactViewer],
    [otherId, contactOther],
  ] as const) {
    await srv.db.updateTable('portal_users').set({ contact_id: contact }).where('id', '=', user).execute();
  }

  const offer = (title: string, status: string, validUntil: string, account = accountA) => create('offer', { title, number: `OF-${title}`, status, amount: eur(12480), validUntil, description: `About ${title}`, account });
  ids.offerOpen = await offer('open', 'open', day(30));
  ids.offerReject = await offer('reject', 'open', day(30));
  ids.offerExpired = await offer('expired', 'open', day(-1));
  ids.offerOther = await offer('other', 'open', day(30), accountB);

  await create('payment_method', { label: 'Visa', kind: 'card', masked: '•••• 4242', isDefault: true, account: accountA });
  await create('payment_method', { label: 'Old card', kind: 'card', masked: '•••• 1111', isDefault: false, account: accountA });
  const invoice = (number: string, amount: number, status = 'open', account = accountA) => create('invoice', { number, amount: eur(amount), status, issuedAt: day(-10), dueDate: day(4), account });
  ids.invoiceOpen = await invoice('INV-1', 84.2);
  ids.invoiceDeclined = await invoice('INV-666', 666);
  ids.invoicePaid = await invoice('INV-0', 50, 'paid');
  ids.invoiceOther = await invoice('INV-B', 10, 'open', accountB);

  ids.serviceActive = await create('service', { name: 'Smart meter insights', status: 'active', startDate: '2025-04-01', monthlyPrice: eur(4.9), account: accountA, contact: contactOwner });
  ids.serviceOther = await create('service', { name: 'Other service', status: 'active', account: accountB });

  ids.itemVisible = await create('catalogue_item', { name: 'Wallbox installation', kind: 'item', price: eur(1290), billing: 'once', visible: true });
  ids.itemHidden = await create('catalogue_item', { name: 'Secret pilot tariff', kind: 'plan', price: eur(1), billing: 'monthly' });

  owner = await signedIn(srv.url, BASE, OWNER_EMAIL);
  viewer = await signedIn(srv.url, BASE, VIEWER_EMAIL);
  other = await signedIn(srv.url, BASE, OTHER_EMAIL);
}, 60_000);

afterAll(async () => {
  await srv?.stop();
});

describe('offers', () => {
  it('lists the account’s offers only; the buttons follow the named actions', async () => {
    const mine = await page(owner, '/offers');
    const listed = mine.data.b_offers!.items.map((i) => i.id);
    expect(listed).toEqual(expect.arrayContaining([ids.offerOpen, ids.offerReject, ids.offerExpired]));
    expect(listed).not.toContain(ids.offerOther);
    expect(mine.can.b_offers).toEqual({ accept: true, reject: true });
    expect((await page(viewer, '/offers')).can.b_offers).toEqual({ accept: false, reject: false });
  });

  it('accepts an open offer: status, decision time, audit entry and email', async () => {
    const r = await act(owner, '/offers', 'b_offers', 'accept', { offerId: ids.offerOpen });
    expect(r.status, r.error?.message).toBe(200);
    expect(r.data).toMatchObject({ ok: true, message: expect.stringContaining('You accepted') });
    const data = await stored(ids.offerOpen!);
    expect(data.status).toBe('accepted');
    expect(Date.now() - Date.parse(String(data.decidedAt))).toBeLessThan(60_000);
    const audits = await actionAudits(`offer/${ids.offerOpen}`);
    expect(audits.map((a) => (JSON.parse(a.details) as { summary: string }).summary)).toEqual(['Offer accepted']);
    expect(audits[0]!.actor_id).toBe(ownerId);
    const mail = (await emailsTo(srv.db, OWNER_EMAIL)).filter((m) => m.template === 'action-confirmation').at(-1)!;
    expect(mail.subject).toContain('Offer accepted');
    expect(mail.text).toContain('OF-open');
    expect(mail.link).toMatch(new RegExp(`^http://[^/]+${BASE}/$`));
  });

  it('refuses a decided or expired offer with CONFLICT and changes nothing', async () => {
    const again = await act(owner, '/offers', 'b_offers', 'accept', { offerId: ids.offerOpen });
    expect(again.status).toBe(409);
    expect(again.error?.message).toMatch(/no longer open: it is accepted/);
    const expired = await act(owner, '/offers', 'b_offers', 'accept', { offerId: ids.offerExpired });
    expect(expired.status).toBe(409);
    expect(expired.error?.message).toMatch(/expired on/);
    expect((await stored(ids.offerExpired!)).status).toBe('open');
    expect(await summaries(`offer/${ids.offerExpired}`)).toEqual([]);
  });

  it('treats another account’s offer as not found, and leaves it as it was', async () => {
    const r = await act(owner, '/offers', 'b_offers', 'accept', { offerId: ids.offerOther });
    expect(r.status).toBe(404);
    const madeUp = await act(owner, '/offers', 'b_offers', 'accept', { offerId: 'r_doesnotexist' });
    expect(madeUp.error?.message).toBe(r.error?.message);
    expect((await stored(ids.offerOther!)).status).toBe('open');
    expect(await summaries(`offer/${ids.offerOther}`)).toEqual([]);
  });

  it('refuses a role without offers.accept with FORBIDDEN', async () => {
    const r = await act(viewer, '/offers', 'b_offers', 'accept', { offerId: ids.offerReject });
    expect(r.status).toBe(403);
    expect(r.error?.data.code).toBe('FORBIDDEN');
    expect((await stored(ids.offerReject!)).status).toBe('open');
  });

  it('rejects with a required reason, stored and audited', async () => {
    const missing = await act(owner, '/offers', 'b_offers', 'reject', { offerId: ids.offerReject, reason: '  ' });
    expect(missing.status).toBe(400);
    expect(missing.error?.data.issues?.[0]?.path).toEqual(['reason']);
    const tooLong = await act(owner, '/offers', 'b_offers', 'reject', { offerId: ids.offerReject, reason: 'x'.repeat(2001) });
    expect(tooLong.status).toBe(400);
    expect((await stored(ids.offerReject!)).status).toBe('open');
    const r = await act(owner, '/offers', 'b_offers', 'reject', { offerId: ids.offerReject, reason: 'We went with a smaller system.' });
    expect(r.status, r.error?.message).toBe(200);
    expect(await stored(ids.offerReject!)).toMatchObject({ status: 'rejected', rejectionReason: 'We went with a smaller system.' });
    expect(await summaries(`offer/${ids.offerReject}`)).toEqual(['Offer rejected: We went with a smaller system.']);
  });
});

describe('invoices and payments', () => {
  const paymentsFor = async (invoiceId: string) => (await recordsOf('payment')).filter((p) => p.data.invoice === invoiceId);

  it('offers Pay with invoices.pay only', async () => {
    expect((await page(owner, '/invoices')).can.b_invoices).toEqual({ pay: true });
    expect((await page(viewer, '/invoices')).can.b_invoices).toEqual({ pay: false });
    const r = await act(viewer, '/invoices', 'b_invoices', 'pay', { invoiceId: ids.invoiceOpen });
    expect(r.status).toBe(403);
  });

  it('refuses an amount in the input: the amount is the stored invoice’s', async () => {
    const r = await act(owner, '/invoices', 'b_invoices', 'pay', { invoiceId: ids.invoiceOpen, amount: eur(0.01) });
    expect(r.status).toBe(400);
    expect(r.error?.message).toMatch(/amount|unrecognized/i);
    expect(await paymentsFor(ids.invoiceOpen!)).toEqual([]);
    expect((await stored(ids.invoiceOpen!)).status).toBe('open');
  });

  it('pays once: one payment for the stored amount, the same answer for the same key, CONFLICT for a new one', async () => {
    const k = key();
    const first = await act(owner, '/invoices', 'b_invoices', 'pay', { invoiceId: ids.invoiceOpen }, k);
    expect(first.status, first.error?.message).toBe(200);
    expect(first.data).toMatchObject({ ok: true, message: expect.stringContaining('€84.20') });
    const again = await act(owner, '/invoices', 'b_invoices', 'pay', { invoiceId: ids.invoiceOpen }, k);
    expect(again.status).toBe(200);
    expect(again.data).toEqual(first.data);

    const payments = await paymentsFor(ids.invoiceOpen!);
    expect(payments).toHaveLength(1);
    expect(payments[0]!.data).toMatchObject({ amount: eur(84.2), status: 'succeeded', provider: 'test', method: 'Visa •••• 4242', account: accountA, reference: expect.stringMatching(/^TEST-[0-9A-F]{12}$/) });
    expect(first.data?.ok && first.data.recordId).toBe(payments[0]!.id);
    const invoice = await stored(ids.invoiceOpen!);
    expect(invoice.status).toBe('paid');
    expect(invoice.paidAt).toBe(payments[0]!.data.paidAt);
    expect(await summaries(`invoice/${ids.invoiceOpen}`)).toEqual(['Paid €84.20 with Visa •••• 4242']);
    const receipts = (await emailsTo(srv.db, OWNER_EMAIL)).filter((m) => m.subject.includes('Payment received'));
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.text).toContain(String(payments[0]!.data.reference));

    const newKey = await act(owner, '/invoices', 'b_invoices', 'pay', { invoiceId: ids.invoiceOpen });
    expect(newKey.status).toBe(409);
    expect(newKey.error?.message).toMatch(/already paid/);
    expect(await paymentsFor(ids.invoiceOpen!)).toHaveLength(1);
    const alreadyPaid = await act(owner, '/invoices', 'b_invoices', 'pay', { invoiceId: ids.invoicePaid });
    expect(alreadyPaid.status).toBe(409);
  });

  it('shows the payment in the history with its invoice', async () => {
    const history = (await page(owner, '/invoices')).data.b_payments!;
    const row = history.items.find((i) => i.data.invoice === ids.invoiceOpen)!;
    expect(row).toBeDefined();
    expect(history.titles[ids.invoiceOpen!]).toBe('INV-1');
    expect((await page(other, '/invoices')).data.b_payments!.items).toEqual([]);
  });

  it('writes nothing when the provider declines', async () => {
    const mailsBefore = (await emailsTo(srv.db, OWNER_EMAIL)).length;
    const k = key();
    const r = await act(owner, '/invoices', 'b_invoices', 'pay', { invoiceId: ids.invoiceDeclined }, k);
    expect(r.status).toBe(402);
    expect(r.error?.message).toMatch(/declined/);
    expect(await paymentsFor(ids.invoiceDeclined!)).toEqual([]);
    expect((await stored(ids.invoiceDeclined!)).status).toBe('open');
    expect(await summaries(`invoice/${ids.invoiceDeclined}`)).toEqual([]);
    expect((await emailsTo(srv.db, OWNER_EMAIL)).length).toBe(mailsBefore);
    expect(await srv.db.selectFrom('action_runs').select('idem_key').where('idem_key', '=', k).executeTakeFirst()).toBeUndefined();
  });

  it('treats another account’s invoice as not found', async () => {
    const r = await act(owner, '/invoices', 'b_invoices', 'pay', { invoiceId: ids.invoiceOther });
    expect(r.status).toBe(404);
    expect((await stored(ids.invoiceOther!)).status).toBe('open');
  });
});

describe('services', () => {
  it('requests a cancellation of an active service, once', async () => {
    const past = await act(owner, '/services', 'b_services', 'cancel', { serviceId: ids.serviceActive, reason: 'Moving abroad', endDate: day(-1) });
    expect(past.status).toBe(400);
    expect(past.error?.data.issues?.[0]).toMatchObject({ path: ['endDate'], message: 'choose today or a later date' });
    const end = day(40);
    const r = await act(owner, '/services', 'b_services', 'cancel', { serviceId: ids.serviceActive, reason: 'Moving abroad', endDate: end });
    expect(r.status, r.error?.message).toBe(200);
    const data = await stored(ids.serviceActive!);
    expect(data).toMatchObject({ status: 'cancellation-requested', cancellationReason: 'Moving abroad', endDate: end });
    expect(typeof data.cancellationRequestedAt).toBe('string');
    expect(await summaries(`service/${ids.serviceActive}`)).toEqual([expect.stringMatching(/^Cancellation requested for .+: Moving abroad$/)]);
    expect((await emailsTo(srv.db, OWNER_EMAIL)).some((m) => m.subject.includes('Cancellation requested'))).toBe(true);
    const again = await act(owner, '/services', 'b_services', 'cancel', { serviceId: ids.serviceActive, reason: 'Again', endDate: end });
    expect(again.status).toBe(409);
    const foreign = await act(owner, '/services', 'b_services', 'cancel', { serviceId: ids.serviceOther, reason: 'Not mine', endDate: end });
    expect(foreign.status).toBe(404);
    expect((await stored(ids.serviceOther!)).status).toBe('active');
  });
});

describe('service catalogue and implementation status', () => {
  let orderId: string;

  it('lists visible catalogue items only', async () => {
    const listed = (await page(owner, '/catalogue')).data.b_catalogue!.items.map((i) => i.id);
    expect(listed).toEqual([ids.itemVisible]);
  });

  it('creates an order with its steps for the user’s account', async () => {
    const r = await act(owner, '/catalogue', 'b_catalogue', 'request', { itemId: ids.itemVisible, notes: 'Garage, mornings please' });
    expect(r.status, r.error?.message).toBe(200);
    expect(r.data).toMatchObject({ ok: true, redirect: expect.stringMatching(/^\/orders\/r_/) });
    orderId = (r.data as { recordId: string }).recordId;
    expect((r.data as { redirect: string }).redirect).toBe(`/orders/${orderId}`);
    const order = await stored(orderId);
    expect(order).toMatchObject({ name: 'Wallbox installation', status: 'received', progress: 0, catalogueItem: ids.itemVisible, notes: 'Garage, mornings please', account: accountA, contact: contactOwner });
    expect(order.number).toMatch(/^ORD-\d{8}-[A-Z2-9]{5}$/);
    const steps = (await recordsOf('order_step')).filter((s) => s.data.order === orderId).map((s) => s.data);
    steps.sort((a, b) => Number(a.position) - Number(b.position));
    expect(steps.map((s) => [s.name, s.position, s.status, s.account])).toEqual([
      ['Request received', 1, 'done', accountA],
      ['Planning', 2, 'current', accountA],
      ['Installation', 3, 'pending', accountA],
      ['Handover', 4, 'pending', accountA],
    ]);
    expect(await summaries(`order/${orderId}`)).toEqual(['Requested “Wallbox installation”']);
    const mail = (await emailsTo(srv.db, OWNER_EMAIL)).filter((m) => m.subject.includes('Request received')).at(-1)!;
    expect(mail.link).toMatch(new RegExp(`${BASE}/orders/${orderId}$`));
  });

  it('refuses a hidden item exactly like an unknown one, creating nothing', async () => {
    const ordersBefore = (await recordsOf('order')).length;
    const hidden = await act(owner, '/catalogue', 'b_catalogue', 'request', { itemId: ids.itemHidden });
    const unknown = await act(owner, '/catalogue', 'b_catalogue', 'request', { itemId: 'r_nosuchitem' });
    expect(hidden.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(hidden.error?.message).toBe(unknown.error?.message);
    expect((await recordsOf('order')).length).toBe(ordersBefore);
    expect(await act(viewer, '/catalogue', 'b_catalogue', 'request', { itemId: ids.itemVisible })).toMatchObject({ status: 403 });
  });

  it('shows the order with its progress, and its steps on the order page', async () => {
    const orders = (await page(owner, '/orders')).data.b_orders!;
    expect(orders.items.map((o) => o.id)).toContain(orderId);
    expect((await page(other, '/orders')).data.b_orders!.items.map((o) => o.id)).not.toContain(orderId);

    const detail = (await page(owner, `/orders/${orderId}`)).data.b_steps!;
    expect(detail.items.map((s) => s.data.name)).toEqual(['Request received', 'Planning', 'Installation', 'Handover']);
    expect(detail.titles[orderId]).toMatch(/^ORD-/);
    const html = await owner.page(`/orders/${orderId}`);
    expect(html.status).toBe(200);
    expect(html.html).toContain('aria-current="step"');
    expect(html.html).toContain('1 of 4 steps done');
    expect(html.html).toContain('aria-valuenow="25"');
    // Another customer sees no steps of this order.
    expect((await page(other, `/orders/${orderId}`)).data.b_steps!.items).toEqual([]);
  });
});
