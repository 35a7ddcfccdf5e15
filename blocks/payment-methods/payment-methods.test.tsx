// Payment methods: the default one first and marked, masked numbers only, and the buttons only for
// users with paymentMethods.manage; the add input takes no account, default flag or masked form.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ListResult, RecordRow } from '../../core';
import { testContext } from '../_lib/test-context';
import { addSepaInput, paymentMethods } from '.';

const row = (id: string, data: RecordRow['data']): RecordRow => ({ id, title: String(data.label ?? ''), data, updatedAt: '2026-01-01T00:00:00.000Z', revision: 1 });
const data: ListResult = {
  kind: 'list',
  entityType: 'payment_method',
  label: { singular: 'Payment method', plural: 'Payment methods' },
  fields: [{ key: 'kind', label: 'Kind', type: 'enum', required: false, editable: false, options: [{ value: 'sepa', label: 'SEPA direct debit' }, { value: 'card', label: 'Card' }] }],
  items: [
    row('p1', { label: 'Company card', kind: 'card', masked: '•••• 4242', expires: '09/28', isDefault: false }),
    row('p2', { label: 'Business account', kind: 'sepa', holder: 'Acme GmbH', masked: 'DE89 •••• •••• 3000', isDefault: true }),
  ],
  nextCursor: null,
  sort: [],
  search: '',
  titles: {},
};
const render = (can: Record<string, boolean>, d: unknown = data, ctx = testContext()) =>
  renderToString(<paymentMethods.Render id="pm" props={paymentMethods.props.parse({})} data={d} can={can} slots={{}} ctx={ctx} />);

describe('payment methods', () => {
  it('lists the default first, marked, with masked numbers, holder and expiry', () => {
    const html = render({});
    expect(html.indexOf('Business account')).toBeLessThan(html.indexOf('Company card'));
    expect(html).toMatch(/Business account<span class="pd-badge pd-badge--ok pb-pay__default">Default/);
    expect(html).toContain('DE89 •••• •••• 3000');
    expect(html).toContain('SEPA direct debit · Acme GmbH');
    expect(html).toContain('Expires 09/28');
  });

  it('shows add, default and remove buttons only with paymentMethods.manage', () => {
    const without = render({ add: false, remove: false, setDefault: false });
    expect(without).not.toMatch(/Add bank account|Make default|Remove/);
    const withManage = render({ add: true, remove: true, setDefault: true });
    expect(withManage).toContain('Add bank account');
    // Only the method that is not the default can be made the default.
    expect(withManage.match(/Make default/g)).toHaveLength(1);
    expect(withManage.match(/>Remove</g)).toHaveLength(2);
  });

  it('takes holder, IBAN, an optional name and the mandate: never an account, a default flag or a masked form', () => {
    const ok = { holder: 'Jane Doe', iban: 'DE89370400440532013000', mandate: true };
    expect(addSepaInput.safeParse(ok).success).toBe(true);
    expect(addSepaInput.safeParse({ ...ok, mandate: false }).success).toBe(false);
    for (const extra of [{ account: 'r1' }, { isDefault: true }, { masked: 'x' }]) expect(addSepaInput.safeParse({ ...ok, ...extra }).success).toBe(false);
  });

  it('says so calmly without methods or without data, and shows a sample in the builder', () => {
    expect(render({}, { ...data, items: [] })).toContain('No payment method on file yet');
    expect(render({}, null)).toContain('Sign in');
    expect(render({}, undefined, testContext({ mode: 'builder' }))).toContain('stored masked only');
  });
});
