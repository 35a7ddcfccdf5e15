// Payment history: the builder's sample, each payment with the title of the invoice it paid.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FieldInfo, ListResult } from '../../core';
import { testContext } from '../_lib/test-context';
import { payments } from '.';

const f = (key: string, label: string, type: FieldInfo['type'], extra: Partial<FieldInfo> = {}): FieldInfo => ({ key, label, type, required: false, editable: false, ...extra });
const FIELDS = [
  f('reference', 'Reference', 'text'),
  f('paidAt', 'Paid on', 'datetime'),
  f('amount', 'Amount', 'money'),
  f('method', 'Method', 'text'),
  f('status', 'Status', 'enum', { options: [{ value: 'succeeded', label: 'Succeeded' }] }),
  f('invoice', 'Invoice', 'relation', { target: 'invoice' }),
];
const data: ListResult = {
  kind: 'list',
  entityType: 'payment',
  label: { singular: 'Payment', plural: 'Payments' },
  fields: FIELDS,
  items: [{ id: 'p1', title: 'TEST-ABC', data: { reference: 'TEST-ABC', paidAt: '2026-03-02T10:00:00.000Z', amount: { amount: 84.2, currency: 'EUR' }, method: 'Visa •••• 4242', status: 'succeeded', invoice: 'i1' }, updatedAt: '', revision: 1 }],
  nextCursor: null,
  sort: [],
  search: '',
  titles: { i1: 'INV-2026-0312' },
};
const render = (d: unknown, ctx = testContext()) => renderToString(<payments.Render id="b_pay" props={payments.props.parse({})} slots={{}} data={d} ctx={ctx} />);

describe('payments block', () => {
  it('shows a sample in the builder', () => {
    expect(render(undefined, testContext({ mode: 'builder' }))).toContain('Payment history (sample)');
  });

  it('lists reference, date, amount, method, status and the invoice by its title', () => {
    const html = render(data);
    for (const s of ['TEST-ABC', 'Mar 2, 2026', '€84.20', 'Visa •••• 4242', 'pd-badge--ok', 'INV-2026-0312']) expect(html).toContain(s);
  });

  it('has no actions, reads the payment type newest first', () => {
    expect(payments.actions).toBeUndefined();
    expect(payments.data!(payments.props.parse({}))).toMatchObject({ kind: 'list', entityType: 'payment', sort: [{ field: 'paidAt', dir: 'desc' }] });
    expect(render({ ...data, items: [] })).toContain('No payments yet.');
  });
});
