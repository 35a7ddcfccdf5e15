// Company details: the fields the role may read, an Edit button per section only with its named
// action (account.edit for email and phone, billing.edit for the billing address).
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FieldInfo, RecordResult } from '../../core';
import { testContext } from '../_lib/test-context';
import { accountSettings, saveBillingInput, saveContactInput } from '.';

const f = (key: string, label: string, type: FieldInfo['type']): FieldInfo => ({ key, label, type, required: false, editable: false });
const ALL_FIELDS = [f('name', 'Name', 'text'), f('number', 'Customer number', 'text'), f('email', 'Email', 'email'), f('phone', 'Phone', 'phone'), f('billingAddress', 'Billing address', 'address')];
const result = (fields: FieldInfo[]): RecordResult => ({
  kind: 'record',
  entityType: 'account',
  label: { singular: 'Account', plural: 'Accounts' },
  fields,
  record: { id: 'acc1', title: 'Acme GmbH', data: { name: 'Acme GmbH', number: 'K-1001', email: 'office@acme.example', phone: '+49 30 123456', billingAddress: { street: 'Hauptstr. 1', postalCode: '10115', city: 'Berlin', country: 'DE' } }, updatedAt: '2026-01-01T00:00:00.000Z', revision: 3 },
  titles: {},
});
const render = (can: Record<string, boolean>, d: unknown = result(ALL_FIELDS), ctx = testContext()) =>
  renderToString(<accountSettings.Render id="a" props={accountSettings.props.parse({})} data={d} can={can} slots={{}} ctx={ctx} />);

describe('account settings', () => {
  it('shows the company, its contact details and billing address', () => {
    const html = render({});
    expect(html).toContain('Acme GmbH');
    expect(html).toContain('K-1001');
    expect(html).toContain('href="mailto:office@acme.example"');
    expect(html).toContain('10115 Berlin');
    expect(html).not.toContain('>Edit<');
  });

  it('offers each section’s Edit button only with its named action', () => {
    const accountant = render({ saveContact: false, saveBilling: true });
    expect(accountant.match(/>Edit</g)).toHaveLength(1);
    expect(accountant).toContain('Edit<span class="pb-sr-only"> Billing address');
    const owner = render({ saveContact: true, saveBilling: true });
    expect(owner.match(/>Edit</g)).toHaveLength(2);
  });

  it('leaves out fields the role may not read (the loader omits them)', () => {
    const html = render({ saveContact: true, saveBilling: true }, result(ALL_FIELDS.filter((x) => x.key !== 'billingAddress' && x.key !== 'phone')));
    expect(html).not.toContain('Berlin');
    expect(html).not.toContain('+49 30');
    expect(html.match(/>Edit</g)).toHaveLength(1);
  });

  it('asks for the user’s own account; inputs name no account', () => {
    expect(accountSettings.data!(accountSettings.props.parse({}))).toEqual({ kind: 'account', fields: ['name', 'number', 'email', 'phone', 'billingAddress'] });
    expect(saveContactInput.safeParse({ email: 'a@b.example', id: 'other' }).success).toBe(false);
    expect(saveContactInput.safeParse({ email: 'a@b.example', billingAddress: {} }).success).toBe(false);
    expect(saveBillingInput.safeParse({ billingAddress: { city: 'Berlin' }, email: 'x@y.example' }).success).toBe(false);
  });

  it('says calmly when there is no company or no access', () => {
    expect(render({}, null)).toContain('not linked to a company');
    expect(render({}, { ...result(ALL_FIELDS), record: null })).toContain('not available to your role');
    expect(render({}, undefined, testContext({ mode: 'builder' }))).toContain('billing.edit');
  });
});
