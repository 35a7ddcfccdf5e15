// Invoices: the builder's sample, the table with its PDF links, Pay only for payable invoices and
// only with invoices.pay, and an input that never carries an amount.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FieldInfo, ListResult } from '../../core';
import { testContext } from '../_lib/test-context';
import { invoices, payInput } from '.';

const f = (key: string, label: string, type: FieldInfo['type'], extra: Partial<FieldInfo> = {}): FieldInfo => ({ key, label, type, required: false, editable: false, ...extra });
const STATUS = f('status', 'Status', 'enum', { options: ['open', 'overdue', 'paid', 'cancelled'].map((v) => ({ value: v, label: v[0]!.toUpperCase() + v.slice(1) })) });
const FIELDS = [f('number', 'Invoice number', 'text'), f('issuedAt', 'Issued on', 'date'), f('dueDate', 'Due on', 'date'), f('amount', 'Amount', 'money'), STATUS, f('document', 'Invoice PDF', 'file')];
const list = (items: ListResult['items'], fields = FIELDS): ListResult => ({ kind: 'list', entityType: 'invoice', label: { singular: 'Invoice', plural: 'Invoices' }, fields, items, nextCursor: null, sort: [], search: '', titles: {} });
const row = (id: string, status: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `INV-${id}`,
  data: { number: `INV-${id}`, issuedAt: '2026-03-01', dueDate: '2026-03-15', amount: { amount: 84.2, currency: 'EUR' }, status, document: { id: 'f1', name: `INV-${id}.pdf`, bytes: 48_000 }, ...extra },
  updatedAt: '',
  revision: 1,
});

const render = (data: unknown, can: Record<string, boolean> = {}, ctx = testContext()) =>
  renderToString(<invoices.Render id="b_inv" props={invoices.props.parse({})} slots={{}} data={data} can={can} ctx={ctx} />);

describe('invoices block', () => {
  it('shows a sample in the builder', () => {
    const html = render(undefined, {}, testContext({ mode: 'builder' }));
    expect(html).toContain('Invoices (sample)');
    expect(html).toContain('INV-2026-0312');
  });

  it('lists number, dates, amount, status and the PDF download', () => {
    const html = render(list([row('1', 'open')]));
    expect(html).toContain('INV-1');
    expect(html).toContain('Mar 1, 2026');
    expect(html).toContain('Mar 15, 2026');
    expect(html).toContain('€84.20');
    expect(html).toContain('>Open<');
    expect(html).toContain('href="/p/customer/_files/1/document"');
    expect(html).toContain('download');
  });

  it('leaves out the PDF column when the document field is not readable', () => {
    const html = render(list([row('1', 'open')], FIELDS.filter((x) => x.key !== 'document')));
    expect(html).not.toContain('_files');
    expect(html).not.toContain('Invoice PDF');
    expect(render(list([row('1', 'open', { document: undefined })]))).not.toContain('Invoice PDF');
  });

  it('offers Pay for open and overdue invoices, only with invoices.pay', () => {
    const items = [row('1', 'open'), row('2', 'overdue'), row('3', 'paid'), row('4', 'cancelled')];
    const html = render(list(items), { pay: true });
    expect(html.match(/>Pay<span/g)).toHaveLength(2);
    expect(html).toContain('Pay<span class="pb-sr-only"> invoice INV-1');
    expect(html).toContain('Pay<span class="pb-sr-only"> invoice INV-2');
    expect(html).not.toContain('Pay<span class="pb-sr-only"> invoice INV-3');
    const without = render(list(items), { pay: false });
    expect(without).not.toContain('<button');
    expect(without).not.toContain('Actions');
  });

  it('says calmly when there is nothing to show', () => {
    expect(render(list([]))).toContain('There are no invoices yet.');
    expect(render(null)).toContain('Invoices are not available here.');
  });

  it('names the invoice only: an amount in the input is refused', () => {
    expect(payInput.safeParse({ invoiceId: 'r_1' }).success).toBe(true);
    expect(payInput.safeParse({ invoiceId: 'r_1', paymentMethodId: 'r_pm' }).success).toBe(true);
    expect(payInput.safeParse({ invoiceId: 'r_1', amount: { amount: 1, currency: 'EUR' } }).success).toBe(false);
    const props = invoices.props.parse({ statuses: ['open', 'overdue'] });
    expect(invoices.data!(props)).toMatchObject({ filters: [{ field: 'status', op: 'in', value: ['open', 'overdue'] }] });
    expect(invoices.actions!.pay!.requires!(props)).toEqual([{ entity: 'invoice', op: 'read' }, { action: 'invoices.pay' }]);
  });
});
