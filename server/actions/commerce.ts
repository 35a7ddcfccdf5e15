// Action handlers of the commerce blocks (offers, invoices, services, service catalogue). Each runs
// inside the action's transaction (run-action.ts) after the block's grants were checked: it reads
// the record within the user's read scope (else NOT_FOUND), decides on the *stored* state (an
// offer's status, an invoice's amount — never values from the input), writes what the action
// decides, and adds one audit entry and a confirmation email to the outbox. Handlers await nothing
// but queries on ctx.trx: the payment provider they call is in-process (server/payments).
import { randomInt } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { EntityType, Filter, RecordData } from '../../core';
import { formatDate, formatMoney } from '../../blocks/_lib/data-kit';
import type { InvoicesProps, payInput } from '../../blocks/invoices';
import type { acceptInput, OffersProps, rejectInput } from '../../blocks/offers';
import type { requestInput, ServiceCatalogueProps } from '../../blocks/service-catalogue';
import type { cancelInput, ServicesProps } from '../../blocks/services';
import { isSqlite } from '../db/dialect';
import type { DB } from '../db/schema';
import { paymentProvider, type Money } from '../payments';
import { findType, requireType } from '../services/entity-types';
import { FieldIssuesError } from '../services/field-issues';
import { recordAccessFor } from '../services/portal-grants';
import { queryRecords } from '../services/record-query';
import { readData } from '../services/record-store';
import { auditAction, companyOf, emailUser, knownFields, notFound, ownerLinks, readInScope, storedData, writeAsAction, type ActionContext, type ActionHandler, type HandlerTable } from './action-context';

// ---------------------------------------------------------------------------------------------
// Helpers

/** Today as YYYY-MM-DD in UTC: dates like "valid until" are compared as calendar days. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

const conflict = (message: string) => new TRPCError({ code: 'CONFLICT', message });

/**
 * A record's stored data and revision, locked for the rest of the transaction on Postgres (SQLite's
 * BEGIN IMMEDIATE already serialises writers): two requests deciding on the same offer or invoice
 * queue, and the second sees the first one's outcome.
 */
async function lockedData(trx: Kysely<DB>, id: string): Promise<RecordData> {
  let q = trx.selectFrom('records').select(['data']).where('id', '=', id);
  if (!isSqlite(trx)) q = q.forUpdate();
  const row = await q.executeTakeFirstOrThrow();
  return readData(row.data);
}

const isMoney = (v: unknown): v is Money => typeof v === 'object' && v !== null && typeof (v as Money).amount === 'number' && typeof (v as Money).currency === 'string';
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The label of an enum value ("overdue" → "Overdue"), or the value. */
function optionLabel(type: EntityType, key: string, value: unknown): string {
  const f = type.fields.find((x) => x.key === key);
  return (f?.type === 'enum' ? f.options.find((o) => o.value === value)?.label : undefined) ?? String(value ?? 'unknown');
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const home = (ctx: ActionContext<unknown, unknown>) => `${ctx.portalUrl}/`;
const localeOf = (ctx: ActionContext<unknown, unknown>) => ctx.portal.defaultLocale || 'en';

/** An open offer, or CONFLICT saying why it cannot be decided any more. */
function ensureDecidable(type: EntityType, data: RecordData, locale: string): void {
  if (data.status !== 'open') throw conflict(`This offer is no longer open: it is ${optionLabel(type, 'status', data.status).toLowerCase()}.`);
  const until = text(data.validUntil);
  if (until && until < todayUtc()) throw conflict(`This offer expired on ${formatDate(until, locale)} and can no longer be accepted or rejected.`);
}

// ---------------------------------------------------------------------------------------------
// Offers

const acceptOffer: ActionHandler<OffersProps, z.output<typeof acceptInput>> = async (ctx) => {
  const { type, record } = await readInScope(ctx, ctx.props.entityType, ctx.input.offerId);
  const data = await lockedData(ctx.trx, record.id);
  const locale = localeOf(ctx);
  ensureDecidable(type, data, locale);
  await writeAsAction(ctx, type.key, { mode: 'patch', id: record.id, data: { status: 'accepted', decidedAt: new Date().toISOString() } });
  await auditAction(ctx, `${type.key}/${record.id}`, 'Offer accepted');
  const title = text(data.title) || record.title;
  const number = text(data.number);
  const amount = isMoney(data.amount) ? formatMoney(data.amount, locale) : '';
  await emailUser(ctx, 'action-confirmation', {
    heading: 'Offer accepted',
    message: clip(`You accepted the offer “${title}”${number ? ` (${number})` : ''}${amount ? ` for ${amount}` : ''}. We will be in touch about the next steps.`, 2000),
    link: home(ctx),
  });
  return { ok: true, message: `You accepted “${title}”. A confirmation is on its way by email.`, recordId: record.id };
};

const rejectOffer: ActionHandler<OffersProps, z.output<typeof rejectInput>> = async (ctx) => {
  const { type, record } = await readInScope(ctx, ctx.props.entityType, ctx.input.offerId);
  const data = await lockedData(ctx.trx, record.id);
  ensureDecidable(type, data, localeOf(ctx));
  const reason = ctx.input.reason;
  await writeAsAction(ctx, type.key, { mode: 'patch', id: record.id, data: { status: 'rejected', decidedAt: new Date().toISOString(), rejectionReason: reason } });
  await auditAction(ctx, `${type.key}/${record.id}`, `Offer rejected: ${reason}`);
  const title = text(data.title) || record.title;
  await emailUser(ctx, 'action-confirmation', {
    heading: 'Offer rejected',
    message: clip(`You rejected the offer “${title}”. Your reason: ${reason}`, 2000),
    link: home(ctx),
  });
  return { ok: true, message: `You rejected “${title}”. Thank you for letting us know why.`, recordId: record.id };
};

// ---------------------------------------------------------------------------------------------
// Invoices

/** How the invoice is paid, in words: the chosen method, else the account's default, else the provider's name. */
async function paymentMethodLabel(ctx: ActionContext<InvoicesProps, unknown>, accountId: unknown, chosen: string | undefined): Promise<string | null> {
  const typeKey = ctx.props.paymentMethodType;
  const type = await findType(ctx.trx, typeKey);
  const describe = (d: RecordData, fallback: string) => [text(d.label), text(d.masked)].filter(Boolean).join(' ') || fallback;
  if (chosen) {
    // A method the user cannot read, or one of another account, reads as not found.
    if (!type) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such payment method.' });
    const { record } = await readInScope(ctx, type.key, chosen);
    const data = await storedData(ctx.trx, record.id);
    if (type.accountLink && type.accountLink !== '$self' && accountId && data[type.accountLink] !== accountId) throw notFound(type);
    return describe(data, record.title);
  }
  if (!type || !type.fields.some((f) => f.key === 'isDefault')) return null;
  const scope = recordAccessFor(ctx.principal, type).scope;
  const preset: Filter[] = [{ field: 'isDefault', op: 'eq', value: true }];
  const link = type.accountLink ? type.fields.find((f) => f.key === type.accountLink) : undefined;
  if (link && accountId) preset.push({ field: link.key, op: link.type === 'relations' ? 'has' : 'eq', value: accountId });
  const fields = ['label', 'masked'].filter((k) => type.fields.some((f) => f.key === k));
  const page = await queryRecords(ctx.trx, { type: type.key, fields, limit: 1 }, { scope, readable: 'all' }, preset);
  const method = page.items[0];
  return method ? describe(method.data, method.title) : null;
}

const payInvoice: ActionHandler<InvoicesProps, z.output<typeof payInput>> = async (ctx) => {
  const { type, record } = await readInScope(ctx, ctx.props.entityType, ctx.input.invoiceId);
  const invoice = await lockedData(ctx.trx, record.id);
  const locale = localeOf(ctx);
  const number = text(invoice.number) || record.title;
  if (invoice.status === 'paid') throw conflict(`Invoice ${number} is already paid.`);
  if (invoice.status !== 'open' && invoice.status !== 'overdue') throw conflict(`Invoice ${number} cannot be paid: it is ${optionLabel(type, 'status', invoice.status).toLowerCase()}.`);
  // The amount is the stored invoice's: the input names the invoice only.
  const amount = invoice.amount;
  if (!isMoney(amount) || amount.amount <= 0) throw conflict(`Invoice ${number} has no amount to pay. Please contact us.`);
  const accountId = type.accountLink && type.accountLink !== '$self' ? invoice[type.accountLink] : undefined;
  const provider = paymentProvider();
  const method = (await paymentMethodLabel(ctx, accountId, ctx.input.paymentMethodId)) ?? provider.label;
  const paymentType = await requireType(ctx.trx, ctx.props.paymentType);

  // The same invoice at the same revision is the same attempt: the provider charges it once.
  const result = provider.charge({ amount, reference: number, idempotencyKey: `${record.id}@${record.revision}`, description: `Invoice ${number}` });
  if (result.status !== 'succeeded') {
    // Thrown: the transaction rolls back, nothing is written (no payment, no audit, no email).
    throw new TRPCError({ code: 'PAYMENT_REQUIRED', message: `The payment was declined: ${result.message ?? 'the provider refused it'}. Nothing was charged; please try another payment method or contact us.` });
  }

  const paidAt = new Date().toISOString();
  const paymentId = await writeAsAction(ctx, paymentType.key, {
    mode: 'create',
    data: knownFields(paymentType, {
      reference: result.providerReference,
      invoice: record.id,
      amount,
      paidAt,
      method,
      provider: provider.id,
      status: 'succeeded',
      ...ownerLinks(ctx, paymentType, accountId, { contact: false }),
    }),
  });
  await writeAsAction(ctx, type.key, { mode: 'patch', id: record.id, data: knownFields(type, { status: 'paid', paidAt }) });
  const paid = formatMoney(amount, locale);
  await auditAction(ctx, `${type.key}/${record.id}`, `Paid ${paid} with ${method}`, { payment: paymentId, reference: result.providerReference, provider: provider.id });
  await emailUser(ctx, 'action-confirmation', {
    heading: 'Payment received',
    message: clip(`Thank you — we received ${paid} for invoice ${number}, paid with ${method}. Payment reference: ${result.providerReference}.`, 2000),
    link: home(ctx),
  });
  return { ok: true, message: `Thank you — ${paid} paid for invoice ${number}. A receipt is on its way by email.`, recordId: paymentId };
};

// ---------------------------------------------------------------------------------------------
// Services

const cancelService: ActionHandler<ServicesProps, z.output<typeof cancelInput>> = async (ctx) => {
  const { type, record } = await readInScope(ctx, ctx.props.entityType, ctx.input.serviceId);
  const data = await lockedData(ctx.trx, record.id);
  const name = text(data.name) || record.title;
  if (data.status !== 'active') throw conflict(`Only an active service can be cancelled; “${name}” is ${optionLabel(type, 'status', data.status).toLowerCase()}.`);
  const { endDate, reason } = ctx.input;
  if (endDate < todayUtc()) throw new FieldIssuesError('The end date cannot be in the past.', [{ field: 'endDate', message: 'choose today or a later date' }]);
  const start = text(data.startDate);
  if (start && endDate < start) throw new FieldIssuesError('The end date is before the service started.', [{ field: 'endDate', message: `choose a date on or after the start date` }]);
  await writeAsAction(ctx, type.key, {
    mode: 'patch',
    id: record.id,
    data: knownFields(type, { status: 'cancellation-requested', cancellationReason: reason, cancellationRequestedAt: new Date().toISOString(), endDate }),
  });
  const locale = localeOf(ctx);
  const ends = formatDate(endDate, locale);
  await auditAction(ctx, `${type.key}/${record.id}`, `Cancellation requested for ${ends}: ${reason}`);
  await emailUser(ctx, 'action-confirmation', {
    heading: 'Cancellation requested',
    message: clip(`We received your request to cancel “${name}” on ${ends}. We will confirm the end date shortly. Your reason: ${reason}`, 2000),
    link: home(ctx),
  });
  return { ok: true, message: `Your cancellation request for “${name}” was received. We will confirm the end date (${ends}) by email.`, recordId: record.id };
};

// ---------------------------------------------------------------------------------------------
// Service catalogue

const NUMBER_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** ORD-<yyyymmdd>-<5 letters or digits>, decided by the server. */
export function orderNumber(now = new Date()): string {
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += NUMBER_ALPHABET[randomInt(NUMBER_ALPHABET.length)];
  return `ORD-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${suffix}`;
}

const requestService: ActionHandler<ServiceCatalogueProps, z.output<typeof requestInput>> = async (ctx) => {
  const p = ctx.props;
  const { type: itemType, record } = await readInScope(ctx, p.entityType, ctx.input.itemId);
  const item = await lockedData(ctx.trx, record.id);
  // Hidden items do not exist for customers: the same answer as an unknown id.
  if (item.visible !== true) throw notFound(itemType);
  const accountId = companyOf(ctx);
  const orderType = await requireType(ctx.trx, p.orderType);
  const stepType = await requireType(ctx.trx, p.stepType);

  const now = new Date();
  const number = orderNumber(now);
  const name = text(item.name) || record.title;
  const notes = ctx.input.notes || undefined;
  const orderId = await writeAsAction(ctx, orderType.key, {
    mode: 'create',
    data: knownFields(orderType, {
      number,
      name,
      status: 'received',
      progress: 0,
      catalogueItem: record.id,
      requestedAt: now.toISOString(),
      notes,
      ...ownerLinks(ctx, orderType, accountId),
    }),
  });
  const today = now.toISOString().slice(0, 10);
  for (const [i, stepName] of p.steps.entries()) {
    await writeAsAction(ctx, stepType.key, {
      mode: 'create',
      data: knownFields(stepType, {
        name: stepName,
        order: orderId,
        position: i + 1,
        status: i === 0 ? 'done' : i === 1 ? 'current' : 'pending',
        completedAt: i === 0 ? today : undefined,
        ...ownerLinks(ctx, stepType, accountId, { contact: false }),
      }),
    });
  }
  await auditAction(ctx, `${orderType.key}/${orderId}`, `Requested “${name}”`, { catalogueItem: record.id });
  const path = p.successPath ? p.successPath.replace(':id', encodeURIComponent(orderId)) : '';
  await emailUser(ctx, 'action-confirmation', {
    heading: 'Request received',
    message: clip(`Thank you for requesting “${name}”. Your order number is ${number}; we will keep you posted as it progresses.`, 2000),
    link: path ? `${ctx.portalUrl}${path}` : home(ctx),
  });
  return { ok: true, message: `Thank you — your request for “${name}” was received (order ${number}).`, recordId: orderId, ...(path ? { redirect: path } : {}) };
};

export const commerceHandlers: HandlerTable = {
  'offers.accept': acceptOffer,
  'offers.reject': rejectOffer,
  'invoices.pay': payInvoice,
  'services.cancel': cancelService,
  'service-catalogue.request': requestService,
};
