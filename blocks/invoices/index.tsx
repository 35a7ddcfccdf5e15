// Invoices: the signed-in customer's invoices as a table (number, issued, due, amount, status, PDF).
// Open and overdue invoices can be paid where the role grants invoices.pay: the server charges the
// amount stored on the invoice — the request names the invoice only (server/actions/commerce.ts).
import { Fragment, useId, useState } from 'react';
import { z } from 'zod';
import { typeKeySchema, type ActionOutcome, type FieldInfo, type ListResult, type RecordRow } from '../../core';
import { ActionMessage, BuilderSample, EmptyState, fileHref, StatusBadge } from '../_lib/data-kit';
import { errorOf, listOf, rowFields, sampleField } from '../_lib/row-fields';
import { useDisclosure } from '../_lib/disclosure';
import { choiceFilter, listEmptyText, listHeading, listLimit, newestWithStatus } from '../_lib/list-props';
import { ListSection } from '../_lib/list-section';
import { defineBlock, type RenderContext, type RenderProps } from '../_lib/define-block';
import { Icon } from '../_lib/icons';
import { useAction } from '../_lib/use-action';

export const INVOICE_STATUSES = ['open', 'overdue', 'paid', 'cancelled'] as const;
export const INVOICE_FIELDS = ['number', 'issuedAt', 'dueDate', 'amount', 'status', 'paidAt', 'document'] as const;
/** Statuses an invoice can be paid in. */
export const PAYABLE = new Set<string>(['open', 'overdue']);

export const invoicesProps = z
  .object({
    heading: listHeading('Your invoices'),
    entityType: typeKeySchema.default('invoice').meta({
      widget: 'entity-type',
      label: 'Invoice type',
      help: 'Uses the fields number, issuedAt, dueDate, amount, status, paidAt and document.',
    }),
    statuses: choiceFilter(INVOICE_STATUSES, [...INVOICE_STATUSES], 'Show invoices with status', 'Empty: every invoice.'),
    limit: listLimit(24, 'Invoices shown at most'),
    paymentType: typeKeySchema.default('payment').meta({ widget: 'entity-type', label: 'Payment type', help: 'Where a payment is recorded (reference, invoice, amount, paidAt, method, provider, status).' }),
    paymentMethodType: typeKeySchema
      .default('payment_method')
      .meta({ widget: 'entity-type', label: 'Payment method type', help: 'The account’s default method (isDefault) names how an invoice was paid.' }),
    emptyText: listEmptyText('There are no invoices yet.'),
  })
  .strict();
export type InvoicesProps = z.output<typeof invoicesProps>;

/** Names the invoice only: the amount always comes from the stored invoice. */
export const payInput = z.object({ invoiceId: z.string().min(1).max(64), paymentMethodId: z.string().min(1).max(64).optional() }).strict();

const statusField: FieldInfo = {
  key: 'status',
  label: 'Status',
  type: 'enum',
  required: false,
  editable: false,
  options: INVOICE_STATUSES.map((v) => ({ value: v, label: v[0]!.toUpperCase() + v.slice(1) })),
};
const SAMPLE: ListResult = {
  kind: 'list',
  entityType: 'invoice',
  label: { singular: 'Invoice', plural: 'Invoices' },
  fields: [sampleField('number', 'Invoice', 'text'), sampleField('issuedAt', 'Issued on', 'date'), sampleField('dueDate', 'Due on', 'date'), sampleField('amount', 'Amount', 'money'), statusField, sampleField('document', 'Invoice PDF', 'file')],
  items: [
    { id: 'sample-1', title: 'INV-2026-0312', data: { number: 'INV-2026-0312', issuedAt: '2026-03-01', dueDate: '2026-03-15', amount: { amount: 84.2, currency: 'EUR' }, status: 'open', document: { id: 'f1', name: 'INV-2026-0312.pdf', bytes: 48_000 } }, updatedAt: '2026-03-01T00:00:00.000Z', revision: 1 },
    { id: 'sample-2', title: 'INV-2026-0211', data: { number: 'INV-2026-0211', issuedAt: '2026-02-01', dueDate: '2026-02-15', amount: { amount: 91.55, currency: 'EUR' }, status: 'paid', document: { id: 'f2', name: 'INV-2026-0211.pdf', bytes: 47_000 } }, updatedAt: '2026-02-09T00:00:00.000Z', revision: 2 },
  ],
  nextCursor: null,
  sort: [],
  search: '',
  titles: {},
};

type Column = { key: string; label: string };
type RowProps = { blockId: string; row: RecordRow; fields: FieldInfo[]; columns: Column[]; hasDocument: boolean; canPay: boolean; ctx: RenderContext; onDone: (o: ActionOutcome) => void };

function InvoiceRow({ blockId, row, fields, columns, hasDocument, canPay, ctx, onDone }: RowProps) {
  const pay = useAction(ctx, blockId, 'pay');
  const { open: confirming, toggle: show, settle, triggerRef, targetRef: confirmRef } = useDisclosure<HTMLButtonElement>();
  const uid = useId();

  const { field, text } = rowFields(fields, row, ctx.locale);
  const status = field('status') ? (row.data.status as string | undefined) : undefined;
  const number = text('number') || row.title;
  const amount = text('amount');
  const payable = canPay && status !== undefined && PAYABLE.has(status);
  const colCount = columns.length + (hasDocument ? 1 : 0) + (canPay ? 1 : 0);
  const toggle = (on: boolean) => {
    pay.reset();
    show(on);
  };
  const onPay = () =>
    void pay.run({ invoiceId: row.id }).then((o) => {
      if (!o.ok) return;
      settle();
      onDone(o);
    });
  const doc = row.data.document as { name?: string } | undefined;

  return (
    <Fragment>
      <tr className={status === 'overdue' ? 'pb-invoices__row pb-invoices__row--overdue' : 'pb-invoices__row'}>
        {columns.map((c) => (
          <td key={c.key} data-label={c.label} className={`pb-invoices__cell pb-invoices__cell--${c.key}`}>
            {c.key === 'status' ? status ? <StatusBadge value={status} label={text('status')} /> : <span className="pd-none">—</span> : c.key === 'number' ? <strong>{number}</strong> : text(c.key) || <span className="pd-none">—</span>}
          </td>
        ))}
        {hasDocument ? (
          <td data-label={field('document')!.label} className="pb-invoices__cell pb-invoices__cell--document">
            {doc?.name ? (
              <a className="pb-invoices__pdf" href={fileHref(ctx, row.id, 'document')} download>
                <Icon name="download" />
                <span>PDF</span>
                <span className="pb-sr-only">{` — download invoice ${number}`}</span>
              </a>
            ) : (
              <span className="pd-none">—</span>
            )}
          </td>
        ) : null}
        {canPay ? (
          <td className="pb-invoices__cell pb-invoices__cell--action">
            {payable && !confirming ? (
              <button type="button" className="pb-btn pb-btn--primary pb-btn--small" ref={triggerRef} onClick={() => toggle(true)}>
                Pay<span className="pb-sr-only">{` invoice ${number}`}</span>
              </button>
            ) : null}
          </td>
        ) : null}
      </tr>
      {payable && (confirming || (pay.outcome && !pay.outcome.ok)) ? (
        <tr className="pb-invoices__confirm">
          <td colSpan={colCount}>
            {confirming ? (
              <div className="pb-invoices__panel" role="group" aria-labelledby={`${uid}-q`}>
                <p className="pb-invoices__panel-text" id={`${uid}-q`}>
                  {`Pay ${amount || 'the amount due'} for invoice ${number} now?`}
                  <span className="pb-invoices__panel-hint">The invoice amount is charged to your default payment method.</span>
                </p>
                <div className="pd-actions">
                  <button type="button" className="pb-btn pb-btn--primary" ref={confirmRef} onClick={onPay} disabled={pay.pending} aria-busy={pay.pending || undefined}>
                    {pay.pending ? 'Paying…' : amount ? `Pay ${amount}` : 'Pay now'}
                  </button>
                  <button type="button" className="pb-btn pb-btn--secondary" onClick={() => toggle(false)} disabled={pay.pending}>
                    Cancel
                  </button>
                </div>
              </div>
            ) : null}
            <div aria-live="polite">
              <ActionMessage outcome={pay.outcome && !pay.outcome.ok ? pay.outcome : null} />
            </div>
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}

const COLUMN_KEYS = ['number', 'issuedAt', 'dueDate', 'amount', 'status'] as const;

function Invoices({ id, props, data, can = {}, ctx }: RenderProps<InvoicesProps>) {
  const [done, setDone] = useState<ActionOutcome | null>(null);
  const builder = ctx.mode === 'builder';
  const list = builder ? SAMPLE : listOf(data);
  const problem = builder ? null : errorOf(data);
  const headingId = `${id}-heading`;
  const canPay = builder || can.pay === true;

  let body;
  if (problem) body = <EmptyState>{problem}</EmptyState>;
  else if (!list) body = <EmptyState>Invoices are not available here.</EmptyState>;
  else if (list.items.length === 0) body = <EmptyState>{props.emptyText}</EmptyState>;
  else {
    const columns = COLUMN_KEYS.map((k) => list.fields.find((f) => f.key === k)).filter((f): f is FieldInfo => !!f).map((f) => ({ key: f.key, label: f.label }));
    // The PDF column where the viewer may read the document field and some invoice has one.
    const hasDocument = list.fields.some((f) => f.key === 'document' && f.type === 'file') && list.items.some((r) => !!r.data.document);
    body = (
      <div className="pd-table-wrap pb-invoices__wrap">
        <table className="pd-table pb-invoices__table">
          {props.heading ? <caption className="pb-sr-only">{props.heading}</caption> : null}
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={`pb-invoices__cell--${c.key}`}>
                  {c.label}
                </th>
              ))}
              {hasDocument ? <th scope="col">{list.fields.find((f) => f.key === 'document')!.label}</th> : null}
              {canPay ? (
                <th scope="col">
                  <span className="pb-sr-only">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {list.items.map((row) => (
              <InvoiceRow key={row.id} blockId={id} row={row} fields={list.fields} columns={columns} hasDocument={hasDocument} canPay={canPay} ctx={ctx} onDone={setDone} />
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <ListSection className="pb-invoices" heading={props.heading} headingId={headingId} sample={builder ? <BuilderSample title="Invoices (sample)">Shows the signed-in customer’s invoices with their PDFs. Roles with invoices.pay can pay open and overdue ones.</BuilderSample> : null} outcome={done}>
      {body}
    </ListSection>
  );
}

export const invoices = defineBlock({
  type: 'invoices',
  label: 'Invoices',
  description: 'The customer’s invoices with PDF download; open ones can be paid.',
  category: 'self-service',
  icon: 'invoice',
  props: invoicesProps,
  requires: (p) => [{ entity: p.entityType, op: 'read' }],
  data: (p) => newestWithStatus(p.entityType, INVOICE_FIELDS, p.limit, 'issuedAt', p.statuses),
  actions: {
    pay: { label: 'Pay an invoice', input: payInput, requires: (p) => [{ entity: p.entityType, op: 'read' }, { action: 'invoices.pay' }] },
  },
  Render: Invoices,
});
