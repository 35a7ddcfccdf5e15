import { describe, expect, it } from 'vitest';
import { entityTypeSchema, parseRecordData } from '../../core';
import { formatAddress, formatBytes, formatValue } from './format-value';
import { formToCreateData, formToPatch, recordToForm, type FormState } from './form-values';

const type = entityTypeSchema.parse({
  key: 'offer',
  label: { singular: 'Offer', plural: 'Offers' },
  titleField: 'title',
  fields: [
    { key: 'title', label: 'Title', type: 'text', required: true },
    { key: 'qty', label: 'Quantity', type: 'number', default: 1 },
    { key: 'price', label: 'Price', type: 'money', currency: 'EUR' },
    { key: 'fee', label: 'Fee', type: 'money' },
    { key: 'validUntil', label: 'Valid until', type: 'datetime' },
    { key: 'accepted', label: 'Accepted', type: 'boolean' },
    { key: 'site', label: 'Site', type: 'address' },
    { key: 'account', label: 'Account', type: 'relation', target: 'account' },
    { key: 'contacts', label: 'Contacts', type: 'relations', target: 'contact' },
    { key: 'pdf', label: 'PDF', type: 'file' },
    { key: 'stage', label: 'Stage', type: 'enum', options: [{ value: 'draft', label: 'Draft' }, { value: 'sent', label: 'Sent' }] },
  ],
});

describe('record form values', () => {
  it('starts a new record from the defaults and sends only filled fields', () => {
    const form = recordToForm(type, null);
    expect(form.qty).toBe('1');
    expect(form.price).toEqual({ amount: '', currency: 'EUR' });
    const next: FormState = { ...form, title: 'Solar', price: { amount: '1200.5', currency: 'EUR' }, fee: { amount: '12', currency: 'usd' }, contacts: ['r_c1'] };
    expect(formToCreateData(type, next)).toEqual({
      title: 'Solar',
      qty: 1,
      price: { amount: 1200.5 },
      fee: { amount: 12, currency: 'USD' },
      accepted: false,
      contacts: ['r_c1'],
    });
  });

  it('sends text it cannot read as a number as it is, for the server to name', () => {
    const form = { ...recordToForm(type, null), title: 'x', qty: '12,5' };
    expect(formToCreateData(type, form).qty).toBe('12,5');
  });

  it('patches changed fields only, and clears emptied ones with null', () => {
    const stored = {
      title: 'Solar',
      qty: 2,
      validUntil: '2026-05-01T09:30:00.000Z',
      site: { city: 'Berlin', country: 'DE' },
      account: 'r_a1',
      pdf: { id: 'f_1', name: 'offer.pdf', mime: 'application/pdf', bytes: 2048 },
      stage: 'draft',
    };
    const initial = recordToForm(type, stored);
    expect(initial.site).toEqual({ street: '', postalCode: '', city: 'Berlin', region: '', country: 'DE' });
    expect(formToPatch(type, initial, initial)).toEqual({});
    const edited: FormState = { ...initial, qty: '', site: { ...(initial.site as object), street: 'Main St 1' } as FormState[string], account: null, pdf: null, stage: 'sent' };
    expect(formToPatch(type, initial, edited)).toEqual({ qty: null, site: { street: 'Main St 1', city: 'Berlin', country: 'DE' }, account: null, pdf: null, stage: 'sent' });
  });

  it('keeps an instant when the date-time is not touched', () => {
    const initial = recordToForm(type, { title: 'x', validUntil: '2026-05-01T09:30:00.000Z' });
    expect(formToCreateData(type, initial).validUntil).toBe('2026-05-01T09:30:00.000Z');
  });
});

describe('formatting values', () => {
  const f = (key: string) => type.fields.find((x) => x.key === key)!;
  it('formats each kind of value on one line', () => {
    expect(formatValue(f('price'), { amount: 5, currency: 'EUR' })).toMatch(/5/);
    expect(formatValue(f('accepted'), false)).toBe('No');
    expect(formatValue(f('stage'), 'sent')).toBe('Sent');
    expect(formatValue(f('account'), 'r_a1', new Map([['r_a1', 'Acme']]))).toBe('Acme');
    expect(formatValue(f('contacts'), ['a', 'b', 'c'], new Map([['a', 'Ann']]))).toBe('Ann, b +1');
    expect(formatValue(f('title'), undefined)).toBe('');
    expect(formatAddress({ street: 'Main St 1', postalCode: '10115', city: 'Berlin', country: 'DE' })).toBe('Main St 1, 10115 Berlin, DE');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});

describe('every field type round-trips through the form', () => {
  const all = entityTypeSchema.parse({
    key: 'everything',
    label: { singular: 'Everything', plural: 'Everythings' },
    titleField: 'title',
    fields: [
      { key: 'title', label: 'Title', type: 'text', required: true },
      { key: 'body', label: 'Body', type: 'longText' },
      { key: 'count', label: 'Count', type: 'number', integer: true },
      { key: 'price', label: 'Price', type: 'money', currency: 'EUR' },
      { key: 'fee', label: 'Fee', type: 'money' },
      { key: 'starts', label: 'Starts', type: 'date' },
      { key: 'at', label: 'At', type: 'datetime' },
      { key: 'active', label: 'Active', type: 'boolean' },
      { key: 'status', label: 'Status', type: 'enum', options: [{ value: 'open', label: 'Open' }, { value: 'closed', label: 'Closed' }] },
      { key: 'email', label: 'Email', type: 'email' },
      { key: 'phone', label: 'Phone', type: 'phone' },
      { key: 'address', label: 'Address', type: 'address' },
      { key: 'site', label: 'Site', type: 'url' },
      { key: 'doc', label: 'Document', type: 'file' },
      { key: 'account', label: 'Account', type: 'relation', target: 'account' },
      { key: 'contacts', label: 'Contacts', type: 'relations', target: 'contact' },
    ],
  });
  const stored = {
    title: 'All of it',
    body: 'Line 1\nLine 2',
    count: 3,
    price: { amount: 19.99, currency: 'EUR' },
    fee: { amount: 5, currency: 'USD' },
    starts: '2026-02-28',
    at: '2026-05-01T09:30:00.000Z',
    active: true,
    status: 'closed',
    email: 'ada@example.com',
    phone: '+49 30 1234567',
    address: { street: 'Main St 1', postalCode: '10115', city: 'Berlin', country: 'DE' },
    site: 'https://example.com/x',
    doc: { id: 'f_1', name: 'a.pdf', mime: 'application/pdf', bytes: 10 },
    account: 'r_a1',
    contacts: ['r_c1', 'r_c2'],
  };

  it('stored data → form → what the form sends is accepted by the record check and means the same data', () => {
    const sent = formToCreateData(all, recordToForm(all, stored));
    const checked = parseRecordData(all, sent, 'create');
    expect(checked).toEqual({ ok: true, data: { ...stored, doc: { id: 'f_1' } } });
    // An untouched form changes nothing.
    const form = recordToForm(all, stored);
    expect(formToPatch(all, form, form)).toEqual({});
  });
});
