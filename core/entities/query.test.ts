// EntityQuery and checkQuery: the query schema's defaults and limits; unknown fields are a
// BAD_REQUEST, fields the viewer may not read are FORBIDDEN in filters, sort and the field
// selection (never silently dropped); filter operators and value kinds per field type; system
// fields id/createdAt/updatedAt are always readable, externalId only when granted.
import { describe, expect, it } from 'vitest';
import { entityTypeSchema } from './entity-type';
import { checkQuery, entityQuerySchema, MAX_PAGE, OPS_BY_TYPE, queryFieldType, type EntityQueryInput, type Filter } from './query';

const invoice = entityTypeSchema.parse({
  key: 'invoice',
  label: { singular: 'Invoice', plural: 'Invoices' },
  titleField: 'number',
  accountLink: 'customer',
  fields: [
    { key: 'number', label: 'Number', type: 'text' },
    { key: 'notes', label: 'Notes', type: 'longText' },
    { key: 'total', label: 'Total', type: 'money', currency: 'EUR' },
    { key: 'qty', label: 'Qty', type: 'number' },
    { key: 'due', label: 'Due', type: 'date' },
    { key: 'sentAt', label: 'Sent at', type: 'datetime' },
    { key: 'paid', label: 'Paid', type: 'boolean' },
    { key: 'status', label: 'Status', type: 'enum', options: [{ value: 'open', label: 'Open' }] },
    { key: 'customer', label: 'Customer', type: 'relation', target: 'account' },
    { key: 'tags', label: 'Tags', type: 'relations', target: 'tag' },
    { key: 'billingAddress', label: 'Address', type: 'address' },
    { key: 'pdf', label: 'PDF', type: 'file' },
    { key: 'margin', label: 'Margin', type: 'number', internal: true },
    { key: 'constructor', label: 'Builder', type: 'text' },
  ],
});
/** Everything but the internal margin. */
const readable = new Set(invoice.fields.filter((f) => !f.internal).map((f) => f.key));

const q = (input: Omit<EntityQueryInput, 'type'>) => entityQuerySchema.parse({ type: 'invoice', ...input });
const check = (input: Omit<EntityQueryInput, 'type'>, canRead: ReadonlySet<string> = readable) => checkQuery(q(input), invoice, canRead);
const filter = (field: string, op: Filter['op'], value?: unknown) => check({ filters: [{ field, op, value }] });

describe('entityQuerySchema', () => {
  it('fills defaults', () => {
    expect(entityQuerySchema.parse({ type: 'invoice' })).toEqual({ type: 'invoice', filters: [], sort: [], limit: 25 });
    expect(q({ sort: [{ field: 'due' }] }).sort).toEqual([{ field: 'due', dir: 'asc' }]);
  });

  it('limits the page size, filters and sort keys', () => {
    expect(entityQuerySchema.safeParse({ type: 'invoice', limit: MAX_PAGE }).success).toBe(true);
    expect(entityQuerySchema.safeParse({ type: 'invoice', limit: MAX_PAGE + 1 }).success).toBe(false);
    expect(entityQuerySchema.safeParse({ type: 'invoice', limit: 0 }).success).toBe(false);
    expect(entityQuerySchema.safeParse({ type: 'invoice', limit: 2.5 }).success).toBe(false);
    expect(entityQuerySchema.safeParse({ type: 'invoice', sort: Array(4).fill({ field: 'due' }) }).success).toBe(false);
    expect(entityQuerySchema.safeParse({ type: 'invoice', filters: Array(21).fill({ field: 'qty', op: 'eq', value: 1 }) }).success).toBe(false);
  });

  it('rejects unknown operators, sort directions and properties', () => {
    expect(entityQuerySchema.safeParse({ type: 'invoice', filters: [{ field: 'qty', op: 'like', value: 1 }] }).success).toBe(false);
    expect(entityQuerySchema.safeParse({ type: 'invoice', sort: [{ field: 'qty', dir: 'up' }] }).success).toBe(false);
    expect(entityQuerySchema.safeParse({ type: 'invoice', where: {} }).success).toBe(false);
    expect(entityQuerySchema.safeParse({ type: 'Invoice' }).success).toBe(false);
  });

  it('trims the search text', () => {
    expect(q({ search: '  acme ' }).search).toBe('acme');
  });
});

describe('queryFieldType', () => {
  it('knows fields and system fields, and nothing on Object.prototype', () => {
    expect(queryFieldType(invoice, 'qty')).toBe('number');
    expect(queryFieldType(invoice, 'id')).toBe('text');
    expect(queryFieldType(invoice, 'externalId')).toBe('text');
    expect(queryFieldType(invoice, 'createdAt')).toBe('datetime');
    expect(queryFieldType(invoice, 'updatedAt')).toBe('datetime');
    expect(queryFieldType(invoice, 'revision')).toBeUndefined();
    expect(queryFieldType(invoice, 'toString')).toBeUndefined();
    expect(queryFieldType(invoice, 'constructor')).toBe('text');
  });
});

describe('checkQuery: unknown and unreadable fields', () => {
  it('a query on readable fields passes', () => {
    expect(check({ filters: [{ field: 'qty', op: 'gt', value: 1 }], sort: [{ field: 'due', dir: 'desc' }], fields: ['number', 'total'] })).toBeNull();
  });

  it('an unknown field is a BAD_REQUEST naming it, wherever it is', () => {
    const problem = { code: 'BAD_REQUEST', field: 'colour', message: '"Invoice" has no field "colour"' };
    expect(filter('colour', 'eq', 'red')).toEqual(problem);
    expect(check({ sort: [{ field: 'colour' }] })).toEqual(problem);
    expect(check({ fields: ['number', 'colour'] })).toEqual(problem);
  });

  it('names on Object.prototype are unknown fields, not system fields', () => {
    expect(filter('toString', 'eq', 'x')).toEqual({ code: 'BAD_REQUEST', field: 'toString', message: '"Invoice" has no field "toString"' });
    expect(check({ sort: [{ field: 'hasOwnProperty' }] })).toEqual({ code: 'BAD_REQUEST', field: 'hasOwnProperty', message: '"Invoice" has no field "hasOwnProperty"' });
  });

  it('a field that happens to be called like an Object.prototype member is an ordinary field', () => {
    expect(filter('constructor', 'startsWith', 'Jo')).toBeNull();
    expect(check({ filters: [{ field: 'constructor', op: 'eq', value: 'x' }] }, new Set())).toEqual({
      code: 'FORBIDDEN',
      field: 'constructor',
      message: 'you may not filter by "constructor"',
    });
  });

  it('an unreadable field is FORBIDDEN in a filter, a sort and the field selection', () => {
    expect(filter('margin', 'gt', 0)).toEqual({ code: 'FORBIDDEN', field: 'margin', message: 'you may not filter by "margin"' });
    expect(check({ sort: [{ field: 'margin' }] })).toEqual({ code: 'FORBIDDEN', field: 'margin', message: 'you may not sort by "margin"' });
    expect(check({ fields: ['number', 'margin'] })).toEqual({ code: 'FORBIDDEN', field: 'margin', message: 'you may not read "margin"' });
  });

  it('FORBIDDEN comes before checking the operator or the value (nothing about the field leaks)', () => {
    expect(filter('margin', 'contains', 5)).toEqual({ code: 'FORBIDDEN', field: 'margin', message: 'you may not filter by "margin"' });
  });

  it('what is readable is exactly what the caller says', () => {
    expect(check({ filters: [{ field: 'margin', op: 'gt', value: 0 }] }, new Set(['margin']))).toBeNull();
    expect(check({ fields: ['number'] }, new Set())).toEqual({ code: 'FORBIDDEN', field: 'number', message: 'you may not read "number"' });
  });

  it('id, createdAt and updatedAt are always readable', () => {
    const none = new Set<string>();
    expect(check({ filters: [{ field: 'id', op: 'in', value: ['r_1', 'r_2'] }], sort: [{ field: 'createdAt' }, { field: 'updatedAt' }], fields: ['id', 'createdAt', 'updatedAt'] }, none)).toBeNull();
    expect(check({ filters: [{ field: 'updatedAt', op: 'gte', value: '2026-05-01T00:00:00Z' }] }, none)).toBeNull();
  });

  it('externalId only where granted', () => {
    expect(check({ filters: [{ field: 'externalId', op: 'eq', value: 'CRM-1' }] })).toEqual({ code: 'FORBIDDEN', field: 'externalId', message: 'you may not filter by "externalId"' });
    expect(check({ sort: [{ field: 'externalId' }] })).toEqual({ code: 'FORBIDDEN', field: 'externalId', message: 'you may not sort by "externalId"' });
    expect(check({ fields: ['externalId'] })).toEqual({ code: 'FORBIDDEN', field: 'externalId', message: 'you may not read "externalId"' });
    const granted = new Set([...readable, 'externalId']);
    expect(check({ filters: [{ field: 'externalId', op: 'eq', value: 'CRM-1' }], sort: [{ field: 'externalId' }], fields: ['externalId'] }, granted)).toBeNull();
  });

  it('revision and type are not queryable', () => {
    expect(filter('revision', 'eq', 1)).toMatchObject({ code: 'BAD_REQUEST', field: 'revision' });
    expect(filter('type', 'eq', 'invoice')).toMatchObject({ code: 'BAD_REQUEST', field: 'type' });
  });

  it('returns the first problem: filters, then sort, then fields', () => {
    expect(check({ filters: [{ field: 'qty', op: 'eq', value: 1 }, { field: 'margin', op: 'eq', value: 1 }], sort: [{ field: 'nope' }] })).toMatchObject({ field: 'margin' });
    expect(check({ sort: [{ field: 'nope' }], fields: ['margin'] })).toMatchObject({ field: 'nope' });
  });
});

describe('checkQuery: operators per field type', () => {
  const allowed: [string, Filter['op'], unknown][] = [
    ['number', 'eq', 'INV-1'],
    ['number', 'ne', 'INV-1'],
    ['number', 'contains', 'INV'],
    ['number', 'startsWith', 'INV'],
    ['number', 'in', ['INV-1', 'INV-2']],
    ['number', 'isNull', true],
    ['notes', 'contains', 'urgent'],
    ['notes', 'isNull', false],
    ['qty', 'lt', 3],
    ['qty', 'lte', 3],
    ['qty', 'gt', -1.5],
    ['qty', 'gte', 0],
    ['qty', 'in', [1, 2, 3]],
    ['total', 'gte', 100],
    ['due', 'lt', '2026-06-01'],
    ['due', 'in', ['2026-06-01']],
    ['sentAt', 'gt', '2026-05-01T09:30:00+02:00'],
    ['createdAt', 'lte', '2026-05-01T09:30:00Z'],
    ['paid', 'eq', false],
    ['status', 'in', ['open']],
    ['customer', 'eq', 'r_acme'],
    ['customer', 'in', ['r_1', 'r_2']],
    ['tags', 'has', 'r_tag'],
    ['tags', 'isNull', true],
    ['billingAddress', 'isNull', false],
    ['pdf', 'isNull', true],
    ['id', 'startsWith', 'r_'],
  ];
  it.each(allowed)('%s %s %j is accepted', (field, op, value) => {
    expect(filter(field, op, value)).toBeNull();
  });

  const refused: [string, Filter['op'], string][] = [
    ['notes', 'eq', 'a longText field cannot be filtered with "eq" (use contains, isNull)'],
    ['qty', 'contains', 'a number field cannot be filtered with "contains" (use eq, ne, lt, lte, gt, gte, in, isNull)'],
    ['number', 'lt', 'a text field cannot be filtered with "lt" (use eq, ne, in, contains, startsWith, isNull)'],
    ['paid', 'ne', 'a boolean field cannot be filtered with "ne" (use eq, isNull)'],
    ['status', 'contains', 'a enum field cannot be filtered with "contains" (use eq, ne, in, isNull)'],
    ['customer', 'has', 'a relation field cannot be filtered with "has" (use eq, ne, in, isNull)'],
    ['tags', 'eq', 'a relations field cannot be filtered with "eq" (use has, isNull)'],
    ['billingAddress', 'contains', 'a address field cannot be filtered with "contains" (use isNull)'],
    ['pdf', 'eq', 'a file field cannot be filtered with "eq" (use isNull)'],
    ['createdAt', 'contains', 'a datetime field cannot be filtered with "contains" (use eq, ne, lt, lte, gt, gte, in, isNull)'],
  ];
  it.each(refused)('%s %s is a BAD_REQUEST', (field, op, message) => {
    expect(filter(field, op, 'x')).toEqual({ code: 'BAD_REQUEST', field, message });
  });

  it('every field type has isNull', () => {
    for (const ops of Object.values(OPS_BY_TYPE)) expect(ops).toContain('isNull');
  });
});

describe('checkQuery: value kinds', () => {
  const bad: [string, Filter['op'], unknown, string][] = [
    ['qty', 'eq', '3', 'eq takes a number value'],
    ['qty', 'gt', Number.NaN, 'gt takes a number value'],
    ['qty', 'lt', Number.POSITIVE_INFINITY, 'lt takes a number value'],
    ['qty', 'eq', undefined, 'eq takes a number value'],
    ['total', 'gte', { amount: 1, currency: 'EUR' }, 'gte takes a money value'],
    ['paid', 'eq', 'true', 'eq takes a boolean value'],
    ['due', 'lt', '01.06.2026', 'lt takes a date value'],
    ['due', 'lt', '2026-06-01T00:00:00Z', 'lt takes a date value'],
    ['sentAt', 'gt', 'not a time', 'gt takes a datetime value'],
    ['sentAt', 'gt', 1_700_000_000_000, 'gt takes a datetime value'],
    ['number', 'eq', 5, 'eq takes a text value'],
    ['number', 'eq', 'x'.repeat(1001), 'eq takes a text value'],
    ['customer', 'eq', { externalId: 'CRM-1' }, 'eq takes a relation value'],
    ['number', 'in', [], '"in" takes a list of 1–100 text values'],
    ['number', 'in', 'INV-1', '"in" takes a list of 1–100 text values'],
    ['qty', 'in', [1, '2'], '"in" takes a list of 1–100 number values'],
    ['qty', 'in', Array.from({ length: 101 }, (_, i) => i), '"in" takes a list of 1–100 number values'],
    ['number', 'contains', '', 'contains takes a text of 1–200 characters'],
    ['number', 'startsWith', 'x'.repeat(201), 'startsWith takes a text of 1–200 characters'],
    ['notes', 'contains', 5, 'contains takes a text of 1–200 characters'],
    ['tags', 'has', '', 'has takes a record id'],
    ['tags', 'has', ['r_1'], 'has takes a record id'],
    ['number', 'isNull', 'yes', 'isNull takes true (no value) or false (has a value)'],
    ['pdf', 'isNull', undefined, 'isNull takes true (no value) or false (has a value)'],
  ];
  it.each(bad)('%s %s %j is a BAD_REQUEST', (field, op, value, message) => {
    expect(filter(field, op, value)).toEqual({ code: 'BAD_REQUEST', field, message });
  });

  it('the boundaries are accepted', () => {
    expect(filter('qty', 'in', Array.from({ length: 100 }, (_, i) => i))).toBeNull();
    expect(filter('number', 'contains', 'x'.repeat(200))).toBeNull();
    expect(filter('number', 'eq', 'x'.repeat(1000))).toBeNull();
  });
});

describe('checkQuery: sorting', () => {
  it.each(['number', 'qty', 'total', 'due', 'sentAt', 'paid', 'status', 'customer', 'id', 'createdAt'])('%s can be sorted by', (field) => {
    expect(check({ sort: [{ field }] })).toBeNull();
  });

  it.each([
    ['notes', 'longText'],
    ['tags', 'relations'],
    ['billingAddress', 'address'],
    ['pdf', 'file'],
  ])('%s (%s) cannot be sorted by', (field, t) => {
    expect(check({ sort: [{ field }] })).toEqual({ code: 'BAD_REQUEST', field, message: `a ${t} field cannot be sorted by` });
  });
});
