// parseRecordData: every field type with a value that round-trips (or is normalised) and a wrong
// value that yields an issue naming the field; unknown fields; required fields; defaults on create
// and replace but not on patch; patch merging, clearing with null, and empty strings as no value.
// Also recordTitle.
import { describe, expect, it } from 'vitest';
import { entityTypeSchema, type EntityType, type FieldDefInput } from './entity-type';
import { findUnstorable, parseRecordData, recordTitle, type ParsedData, type RecordData, type WriteMode } from './record-values';

const make = (fields: FieldDefInput[], titleField = fields[0]!.key): EntityType =>
  entityTypeSchema.parse({ key: 'thing', label: { singular: 'Thing', plural: 'Things' }, titleField, fields });

/** A type with one field of each kind, none required, no defaults. */
const all = make([
  { key: 'name', label: 'Name', type: 'text', maxLength: 10 },
  { key: 'notes', label: 'Notes', type: 'longText', maxLength: 20 },
  { key: 'qty', label: 'Quantity', type: 'number', integer: true, min: 1, max: 99 },
  { key: 'ratio', label: 'Ratio', type: 'number' },
  { key: 'price', label: 'Price', type: 'money', currency: 'EUR' },
  { key: 'fee', label: 'Fee', type: 'money' },
  { key: 'due', label: 'Due', type: 'date' },
  { key: 'at', label: 'At', type: 'datetime' },
  { key: 'paid', label: 'Paid', type: 'boolean' },
  {
    key: 'status',
    label: 'Status',
    type: 'enum',
    options: [
      { value: 'open', label: 'Open' },
      { value: 'paid', label: 'Paid' },
    ],
  },
  { key: 'mail', label: 'Mail', type: 'email' },
  { key: 'tel', label: 'Tel', type: 'phone' },
  { key: 'addr', label: 'Address', type: 'address' },
  { key: 'site', label: 'Site', type: 'url' },
  { key: 'scan', label: 'Scan', type: 'file' },
  { key: 'customer', label: 'Customer', type: 'relation', target: 'account' },
  { key: 'tags', label: 'Tags', type: 'relations', target: 'tag', max: 2 },
]);

const ok = (r: ParsedData): RecordData => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.issues)}`);
  return r.data;
};
const issuesOf = (r: ParsedData) => {
  if (r.ok) throw new Error(`expected issues, got ${JSON.stringify(r.data)}`);
  return r.issues;
};
/** One field's value through a create: the stored value, or the issue (which must name the field). */
function one(field: string, value: unknown): { value: unknown } | { issue: string } {
  const r = parseRecordData(all, { [field]: value }, 'create');
  if (r.ok) return { value: r.data[field] };
  expect(r.issues.map((i) => i.field)).toEqual([field]);
  return { issue: r.issues[0]!.message };
}

describe('parseRecordData: values of every field type', () => {
  // [field, input, expected stored value]
  const valid: [string, unknown, unknown][] = [
    ['name', 'Acme', 'Acme'],
    ['name', 'x'.repeat(10), 'x'.repeat(10)],
    ['notes', 'line 1\nline 2', 'line 1\nline 2'],
    ['qty', 5, 5],
    ['qty', 1, 1],
    ['qty', 99, 99],
    ['ratio', -0.125, -0.125],
    ['price', { amount: 12.5, currency: 'EUR' }, { amount: 12.5, currency: 'EUR' }],
    ['price', { amount: 12.5 }, { amount: 12.5, currency: 'EUR' }],
    ['price', { amount: 0.0001 }, { amount: 0.0001, currency: 'EUR' }],
    ['fee', { amount: -3, currency: 'USD' }, { amount: -3, currency: 'USD' }],
    ['due', '2024-02-29', '2024-02-29'],
    ['due', '2026-12-31', '2026-12-31'],
    ['at', '2026-05-01T09:30:00Z', '2026-05-01T09:30:00.000Z'],
    ['at', '2026-05-01T11:30:00+02:00', '2026-05-01T09:30:00.000Z'],
    ['at', '2026-05-01T00:30:00.250-01:00', '2026-05-01T01:30:00.250Z'],
    ['paid', false, false],
    ['paid', true, true],
    ['status', 'paid', 'paid'],
    ['mail', 'info@example.com', 'info@example.com'],
    ['mail', '  info@example.com ', 'info@example.com'],
    ['tel', '+49 30 1234567', '+49 30 1234567'],
    ['tel', '  030 123-45/6 ', '030 123-45/6'],
    ['addr', { street: 'Main St 1', city: 'Berlin', country: 'de' }, { street: 'Main St 1', city: 'Berlin', country: 'DE' }],
    ['addr', { street: ' Main St 1 ', postalCode: '', city: 'Berlin', region: '  ' }, { street: 'Main St 1', city: 'Berlin' }],
    ['site', 'https://example.com/a?b=1', 'https://example.com/a?b=1'],
    ['site', 'http://localhost:3000', 'http://localhost:3000'],
    ['scan', 'f_123', { id: 'f_123' }],
    ['scan', { id: 'f_123', name: 'a.pdf', mime: 'application/pdf', bytes: 10 }, { id: 'f_123' }],
    ['customer', 'r_acme', 'r_acme'],
    ['customer', { externalId: 'CRM-1' }, { externalId: 'CRM-1' }],
    ['tags', ['r_1', { externalId: 'T-2' }], ['r_1', { externalId: 'T-2' }]],
  ];
  it.each(valid)('%s: %j is stored as %j', (field, input, stored) => {
    expect(one(field, input)).toEqual({ value: stored });
  });

  // [field, input, expected message]
  const invalid: [string, unknown, string | RegExp][] = [
    ['name', 42, /expected string/],
    ['name', 'x'.repeat(11), 'at most 10 characters'],
    ['notes', 'x'.repeat(21), 'at most 20 characters'],
    ['qty', '5', 'a number is required'],
    ['qty', 2.5, 'a whole number is required'],
    ['qty', 0, 'at least 1'],
    ['qty', 100, 'at most 99'],
    ['ratio', Number.NaN, 'a number is required'],
    ['ratio', Number.POSITIVE_INFINITY, 'a number is required'],
    ['price', 12.5, /expected object/],
    ['price', { amount: 1, currency: 'USD' }, 'the currency must be EUR'],
    ['price', { amount: 1.00001 }, 'amount: at most four decimal places'],
    ['price', { amount: 1e13 }, 'amount: the amount is too large'],
    ['price', { amount: '1' }, 'amount: an amount is required'],
    ['price', { amount: 1, extra: true }, 'Unrecognized key: "extra"'],
    ['fee', { amount: 1 }, 'a currency is required'],
    ['fee', { amount: 1, currency: 'eur' }, 'currency: a three-letter currency code, e.g. EUR'],
    ['due', '2026-02-30', 'not a real date'],
    ['due', '2026-02-29', 'not a real date'],
    ['due', '2026-13-01', 'not a real date'],
    ['due', '01.05.2026', 'a date as YYYY-MM-DD'],
    ['due', '2026-05-01T00:00:00Z', 'a date as YYYY-MM-DD'],
    ['at', '2026-05-01', 'a date and time as ISO 8601, e.g. 2026-05-01T09:30:00Z'],
    ['at', '2026-02-30T10:00:00Z', 'a date and time as ISO 8601, e.g. 2026-05-01T09:30:00Z'],
    ['at', 'May 1 2026 9:30', 'a date and time as ISO 8601, e.g. 2026-05-01T09:30:00Z'],
    ['paid', 'true', 'true or false'],
    ['paid', 1, 'true or false'],
    ['status', 'void', '"void" is not one of: open, paid'],
    ['status', 'Open', '"Open" is not one of: open, paid'],
    ['mail', 'not-an-email', 'a valid email address'],
    ['mail', 7, 'a valid email address'],
    ['tel', 'call me', 'a phone number, e.g. +49 30 1234567'],
    ['tel', '12', 'a phone number, e.g. +49 30 1234567'],
    ['addr', { country: 'Germany' }, 'country: a two-letter country code, e.g. DE'],
    ['addr', { street: '', city: '  ' }, 'an address needs at least one part'],
    ['addr', { street: 'x', planet: 'Earth' }, 'Unrecognized key: "planet"'],
    ['addr', 'Main St 1, Berlin', /expected object/],
    ['site', 'ftp://example.com', 'an http or https address'],
    ['site', 'javascript:alert(1)', 'an http or https address'],
    ['site', 'example.com', 'an http or https address'],
    ['scan', 5, 'the id of an uploaded file'],
    ['scan', { name: 'a.pdf' }, 'the id of an uploaded file'],
    ['customer', 5, 'a record id, or { "externalId": "…" }'],
    ['customer', { id: 'r_1' }, 'a record id, or { "externalId": "…" }'],
    ['customer', ['r_1'], 'a record id, or { "externalId": "…" }'],
    ['tags', 'r_1', /expected array/],
    ['tags', ['r_1', 'r_2', 'r_3'], 'at most 2 records'],
    ['tags', ['r_1', 5], '1: a record id, or { "externalId": "…" }'],
  ];
  it.each(invalid)('%s: %j is rejected', (field, input, message) => {
    const r = one(field, input);
    expect(r).toHaveProperty('issue');
    if ('issue' in r) {
      if (typeof message === 'string') expect(r.issue).toBe(message);
      else expect(r.issue).toMatch(message);
    }
  });

  it('a record with a value in every field round-trips through create', () => {
    const data = Object.fromEntries(
      valid.filter(([f], i) => valid.findIndex(([g]) => g === f) === i).map(([f, , stored]) => [f, stored]),
    );
    expect(Object.keys(data)).toHaveLength(all.fields.length);
    expect(ok(parseRecordData(all, data, 'create'))).toEqual(data);
  });

  it('reports every wrong field at once, each by name', () => {
    const issues = issuesOf(parseRecordData(all, { name: 1, qty: 0, due: '2026-02-30', mail: 'x', ok: 1 }, 'create'));
    expect(issues.map((i) => i.field)).toEqual(['ok', 'name', 'qty', 'due', 'mail']);
  });
});

describe('parseRecordData: the shape of the input', () => {
  it.each([null, 'x', 5, [], [{ name: 'a' }]])('%j is not an object of field values', (input) => {
    expect(issuesOf(parseRecordData(all, input, 'create'))).toEqual([{ field: '', message: 'the data must be an object of field values' }]);
  });

  it('an unknown field is an issue naming it', () => {
    expect(issuesOf(parseRecordData(all, { name: 'A', colour: 'red' }, 'create'))).toEqual([{ field: 'colour', message: '"Thing" has no field "colour"' }]);
    expect(issuesOf(parseRecordData(all, { id: 'r_1' }, 'patch', {}))).toEqual([{ field: 'id', message: '"Thing" has no field "id"' }]);
  });

  it('keys inherited from Object.prototype are neither fields nor values', () => {
    expect(ok(parseRecordData(all, {}, 'create'))).toEqual({});
    expect(issuesOf(parseRecordData(all, { toString: 'x' }, 'create'))).toEqual([{ field: 'toString', message: '"Thing" has no field "toString"' }]);
  });
});

describe('parseRecordData: required fields and defaults', () => {
  const invoice = make([
    { key: 'number', label: 'Invoice number', type: 'text', required: true },
    { key: 'status', label: 'Status', type: 'enum', required: true, default: 'open', options: [{ value: 'open', label: 'Open' }, { value: 'paid', label: 'Paid' }] },
    { key: 'qty', label: 'Quantity', type: 'number', default: 1 },
    { key: 'total', label: 'Total', type: 'money', currency: 'EUR', default: { amount: 0, currency: 'EUR' } },
    { key: 'urgent', label: 'Urgent', type: 'boolean', default: false },
    { key: 'note', label: 'Note', type: 'text' },
    { key: 'lines', label: 'Lines', type: 'relations', target: 'line' },
  ]);

  it.each(['create', 'replace'] as const)('%s fills defaults for missing fields, including false and 0', (mode) => {
    expect(ok(parseRecordData(invoice, { number: 'INV-1' }, mode))).toEqual({
      number: 'INV-1',
      status: 'open',
      qty: 1,
      total: { amount: 0, currency: 'EUR' },
      urgent: false,
    });
  });

  it.each(['create', 'replace'] as const)('%s keeps given values over defaults', (mode) => {
    expect(ok(parseRecordData(invoice, { number: 'INV-1', status: 'paid', qty: 3, urgent: true }, mode))).toMatchObject({ status: 'paid', qty: 3, urgent: true });
  });

  it('replace ignores the previous data', () => {
    expect(ok(parseRecordData(invoice, { number: 'INV-2' }, 'replace', { number: 'INV-1', note: 'old', qty: 7 }))).toEqual({
      number: 'INV-2',
      status: 'open',
      qty: 1,
      total: { amount: 0, currency: 'EUR' },
      urgent: false,
    });
  });

  it('a missing required field is an issue with its label', () => {
    expect(issuesOf(parseRecordData(invoice, {}, 'create'))).toEqual([{ field: 'number', message: 'Invoice number is required' }]);
  });

  it('a required field with a default is satisfied by the default', () => {
    expect(ok(parseRecordData(invoice, { number: 'x' }, 'create')).status).toBe('open');
  });

  it('empty strings, null and empty lists count as no value', () => {
    expect(issuesOf(parseRecordData(invoice, { number: '' }, 'create'))).toEqual([{ field: 'number', message: 'Invoice number is required' }]);
    expect(issuesOf(parseRecordData(invoice, { number: null }, 'create'))).toEqual([{ field: 'number', message: 'Invoice number is required' }]);
    const data = ok(parseRecordData(invoice, { number: 'x', note: '', lines: [] }, 'create'));
    expect(data).not.toHaveProperty('note');
    expect(data).not.toHaveProperty('lines');
  });

  it('a wrong value in a required field is reported once, not also as missing', () => {
    expect(issuesOf(parseRecordData(invoice, { number: 5 }, 'create'))).toEqual([{ field: 'number', message: expect.stringMatching(/expected string/) }]);
  });
});

describe('parseRecordData: patch', () => {
  const t = make([
    { key: 'number', label: 'Invoice number', type: 'text', required: true },
    { key: 'qty', label: 'Quantity', type: 'number', default: 1 },
    { key: 'note', label: 'Note', type: 'text' },
    { key: 'tags', label: 'Tags', type: 'relations', target: 'tag' },
    { key: 'scan', label: 'Scan', type: 'file' },
  ]);
  const stored: RecordData = { number: 'INV-1', note: 'hello', tags: ['r_1'], scan: { id: 'f_1', name: 'a.pdf', mime: 'application/pdf', bytes: 3 } };

  it('merges given fields onto the previous data and keeps the rest as stored', () => {
    expect(ok(parseRecordData(t, { note: 'bye' }, 'patch', stored))).toEqual({ ...stored, note: 'bye' });
  });

  it('does not fill defaults', () => {
    expect(ok(parseRecordData(t, { note: 'bye' }, 'patch', stored))).not.toHaveProperty('qty');
  });

  it('null, an empty string and an empty list clear a field', () => {
    const data = ok(parseRecordData(t, { note: null, tags: [], scan: '' }, 'patch', stored));
    expect(data).toEqual({ number: 'INV-1' });
  });

  it('clearing a required field is an issue', () => {
    expect(issuesOf(parseRecordData(t, { number: null }, 'patch', stored))).toEqual([{ field: 'number', message: 'Invoice number is required' }]);
    expect(issuesOf(parseRecordData(t, { number: '' }, 'patch', stored))).toEqual([{ field: 'number', message: 'Invoice number is required' }]);
  });

  it('an empty patch returns the previous data, and does not change it', () => {
    const before = structuredClone(stored);
    expect(ok(parseRecordData(t, {}, 'patch', stored))).toEqual(stored);
    parseRecordData(t, { note: null }, 'patch', stored);
    expect(stored).toEqual(before);
  });

  it('a wrong value in a patch is an issue naming the field', () => {
    expect(issuesOf(parseRecordData(t, { qty: 'three' }, 'patch', stored))).toEqual([{ field: 'qty', message: 'a number is required' }]);
  });

  it('a patch onto data that lacks a required field reports it', () => {
    expect(issuesOf(parseRecordData(t, { note: 'x' }, 'patch', {}))).toEqual([{ field: 'number', message: 'Invoice number is required' }]);
  });
});

describe('recordTitle', () => {
  const t = make([
    { key: 'name', label: 'Name', type: 'text' },
    { key: 'qty', label: 'Qty', type: 'number' },
  ]);
  it('is the title field as text, or empty', () => {
    expect(recordTitle(t, { name: 'Acme' })).toBe('Acme');
    expect(recordTitle(t, {})).toBe('');
    expect(recordTitle(make([{ key: 'qty', label: 'Qty', type: 'number' }]), { qty: 0 })).toBe('0');
  });
});

describe('parseRecordData: modes are exhaustive', () => {
  it.each(['create', 'replace', 'patch'] satisfies WriteMode[])('%s rejects an unknown field', (mode) => {
    expect(issuesOf(parseRecordData(all, { nope: 1 }, mode)).map((i) => i.field)).toEqual(['nope']);
  });
});

describe('findUnstorable: text no store keeps faithfully', () => {
  it('refuses NUL and unpaired surrogates anywhere in a value, and accepts real emoji', () => {
    expect(findUnstorable('a\u0000b')).toBe('contains a NUL character, which cannot be stored');
    expect(findUnstorable('x\ud800y')).toBe('contains an unpaired surrogate (not valid Unicode)');
    expect(findUnstorable('x\udc00')).toBe('contains an unpaired surrogate (not valid Unicode)');
    expect(findUnstorable({ street: ['ok', 'bad\u0000'] })).toBe('contains a NUL character, which cannot be stored');
    expect(findUnstorable('Grüße 👋')).toBeNull();
    expect(findUnstorable({ amount: 1, currency: 'EUR' })).toBeNull();
  });
});
