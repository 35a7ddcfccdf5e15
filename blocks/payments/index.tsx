// Payments: the history of the signed-in customer's payments (reference, date, amount, method,
// status and the invoice it paid, by the invoice's title). Read only.
import { z } from 'zod';
import { typeKeySchema, type FieldInfo, type ListResult } from '../../core';
import { BuilderSample, EmptyState, formatValue, StatusBadge } from '../_lib/data-kit';
import { errorOf, listOf, sampleField } from '../_lib/row-fields';
import { choiceFilter, listEmptyText, listHeading, listLimit, newestWithStatus } from '../_lib/list-props';
import { ListSection } from '../_lib/list-section';
import { defineBlock, type RenderProps } from '../_lib/define-block';

export const PAYMENT_STATUSES = ['succeeded', 'pending', 'failed'] as const;
export const PAYMENT_FIELDS = ['reference', 'paidAt', 'amount', 'method', 'status', 'invoice'] as const;

export const paymentsProps = z
  .object({
    heading: listHeading('Payment history'),
    entityType: typeKeySchema.default('payment').meta({ widget: 'entity-type', label: 'Payment type', help: 'Uses the fields reference, paidAt, amount, method, status and invoice.' }),
    statuses: choiceFilter(PAYMENT_STATUSES, [...PAYMENT_STATUSES], 'Show payments with status', 'Empty: every payment.'),
    limit: listLimit(24, 'Payments shown at most'),
    emptyText: listEmptyText('No payments yet.'),
  })
  .strict();
export type PaymentsProps = z.output<typeof paymentsProps>;

const SAMPLE: ListResult = {
  kind: 'list',
  entityType: 'payment',
  label: { singular: 'Payment', plural: 'Payments' },
  fields: [
    sampleField('reference', 'Reference', 'text'),
    sampleField('paidAt', 'Paid on', 'datetime'),
    sampleField('amount', 'Amount', 'money'),
    sampleField('method', 'Method', 'text'),
    sampleField('status', 'Status', 'enum', { options: PAYMENT_STATUSES.map((v) => ({ value: v, label: v[0]!.toUpperCase() + v.slice(1) })) }),
    sampleField('invoice', 'Invoice', 'relation', { target: 'invoice' }),
  ],
  items: [
    { id: 'sample-1', title: 'TEST-8F2A41C09B7D', data: { reference: 'TEST-8F2A41C09B7D', paidAt: '2026-02-09T10:12:00.000Z', amount: { amount: 91.55, currency: 'EUR' }, method: 'SEPA direct debit DE89 •••• 3000', status: 'succeeded', invoice: 'i2' }, updatedAt: '', revision: 1 },
    { id: 'sample-2', title: 'TEST-17C4E0A2D5F3', data: { reference: 'TEST-17C4E0A2D5F3', paidAt: '2026-01-08T08:40:00.000Z', amount: { amount: 88.1, currency: 'EUR' }, method: 'Visa •••• 4242', status: 'succeeded', invoice: 'i1' }, updatedAt: '', revision: 1 },
  ],
  nextCursor: null,
  sort: [],
  search: '',
  titles: { i1: 'INV-2026-0110', i2: 'INV-2026-0211' },
};

function Payments({ id, props, data, ctx }: RenderProps<PaymentsProps>) {
  const builder = ctx.mode === 'builder';
  const list = builder ? SAMPLE : listOf(data);
  const problem = builder ? null : errorOf(data);
  const headingId = `${id}-heading`;

  let body;
  if (problem) body = <EmptyState>{problem}</EmptyState>;
  else if (!list) body = <EmptyState>Payments are not available here.</EmptyState>;
  else if (list.items.length === 0) body = <EmptyState>{props.emptyText}</EmptyState>;
  else {
    const columns = PAYMENT_FIELDS.map((k) => list.fields.find((f) => f.key === k)).filter((f): f is FieldInfo => !!f);
    body = (
      <div className="pd-table-wrap pb-payments__wrap">
        <table className="pd-table pb-payments__table">
          {props.heading ? <caption className="pb-sr-only">{props.heading}</caption> : null}
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={`pb-payments__cell--${c.key}`}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.items.map((row) => (
              <tr key={row.id} className="pb-payments__row">
                {columns.map((c) => {
                  const value = row.data[c.key];
                  const text = formatValue(c, value, ctx.locale, list.titles);
                  return (
                    <td key={c.key} data-label={c.label} className={`pb-payments__cell--${c.key}`}>
                      {c.key === 'status' && typeof value === 'string' ? <StatusBadge value={value} label={text} /> : c.key === 'reference' ? <strong>{text || row.title}</strong> : text || <span className="pd-none">—</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <ListSection className="pb-payments" heading={props.heading} headingId={headingId} sample={builder ? <BuilderSample title="Payment history (sample)">Shows the signed-in customer’s payments, newest first, with the invoice each one paid.</BuilderSample> : null}>
      {body}
    </ListSection>
  );
}

export const payments = defineBlock({
  type: 'payments',
  label: 'Payment history',
  description: 'The customer’s payments, newest first, with the invoice each paid.',
  category: 'self-service',
  icon: 'payment',
  props: paymentsProps,
  requires: (p) => [{ entity: p.entityType, op: 'read' }],
  data: (p) => newestWithStatus(p.entityType, PAYMENT_FIELDS, p.limit, 'paidAt', p.statuses),
  Render: Payments,
});
