import { describe, expect, it } from 'vitest';
import { entityTypeSchema, OPS_BY_TYPE } from '../../core';
import { activeFilters, defaultOp, filterFields, opLabel, opsFor, parseScalar, toFilter, type FilterDraft } from './filter-values';

const type = entityTypeSchema.parse({
  key: 'invoice',
  label: { singular: 'Invoice', plural: 'Invoices' },
  titleField: 'number',
  fields: [
    { key: 'number', label: 'Number', type: 'text' },
    { key: 'total', label: 'Total', type: 'money', currency: 'EUR' },
    { key: 'due', label: 'Due', type: 'date' },
    { key: 'paid', label: 'Paid', type: 'boolean' },
    { key: 'status', label: 'Status', type: 'enum', options: [{ value: 'open', label: 'Open' }, { value: 'paid', label: 'Paid' }] },
    { key: 'account', label: 'Account', type: 'relation', target: 'account' },
  ],
});
const fields = filterFields(type);
const field = (key: string) => fields.find((f) => f.key === key);
const draft = (over: Partial<FilterDraft>): FilterDraft => ({ uid: 'x', field: 'number', op: 'eq', raw: '', list: [], ...over });

describe('filter fields and operators', () => {
  it('lists the type fields then the system fields', () => {
    expect(fields.map((f) => f.key)).toEqual(['number', 'total', 'due', 'paid', 'status', 'account', 'externalId', 'createdAt', 'updatedAt']);
    expect(field('status')?.options).toHaveLength(2);
    expect(field('account')?.target).toBe('account');
  });

  it('offers core’s operators, isNull as "is empty" and "is not empty"', () => {
    expect(opsFor('boolean')).toEqual(['eq', 'isEmpty', 'isNotEmpty']);
    expect(opsFor('relations')).toEqual(['has', 'isEmpty', 'isNotEmpty']);
    for (const t of Object.keys(OPS_BY_TYPE) as (keyof typeof OPS_BY_TYPE)[]) expect(opsFor(t).length).toBe(OPS_BY_TYPE[t].length + 1);
    expect(opLabel('lt', 'date')).toBe('is before');
    expect(opLabel('lt', 'number')).toBe('is less than');
    expect(defaultOp('text')).toBe('contains');
    expect(defaultOp('enum')).toBe('eq');
    expect(defaultOp('longText')).toBe('contains');
    expect(defaultOp('address')).toBe('isEmpty');
  });
});

describe('filter values', () => {
  it('parses values by field type', () => {
    expect(parseScalar('money', ' 1 200.5 ')).toEqual({ ok: true, value: 1200.5 });
    expect(parseScalar('number', 'abc')).toMatchObject({ ok: false });
    expect(parseScalar('boolean', 'false')).toEqual({ ok: true, value: false });
    expect(parseScalar('date', '2026-02-30')).toEqual({ ok: true, value: '2026-02-30' });
    expect(parseScalar('date', '30.02.2026')).toMatchObject({ ok: false });
    expect(parseScalar('datetime', '2026-05-01T09:30')).toMatchObject({ ok: true });
  });

  it('builds filters, leaves unfinished rows out and reports bad values', () => {
    expect(toFilter(draft({ op: 'contains', raw: ' 42 ' }), field('number'))).toEqual({ state: 'ok', filter: { field: 'number', op: 'contains', value: '42' } });
    expect(toFilter(draft({ field: 'total', op: 'gte', raw: '100' }), field('total'))).toEqual({ state: 'ok', filter: { field: 'total', op: 'gte', value: 100 } });
    expect(toFilter(draft({ field: 'total', op: 'gte', raw: 'lots' }), field('total'))).toMatchObject({ state: 'invalid' });
    expect(toFilter(draft({ field: 'total', op: 'gte', raw: '' }), field('total'))).toEqual({ state: 'incomplete' });
    expect(toFilter(draft({ field: 'paid', op: 'isEmpty' }), field('paid'))).toEqual({ state: 'ok', filter: { field: 'paid', op: 'isNull', value: true } });
    expect(toFilter(draft({ field: 'paid', op: 'isNotEmpty' }), field('paid'))).toEqual({ state: 'ok', filter: { field: 'paid', op: 'isNull', value: false } });
    expect(toFilter(draft({ field: 'status', op: 'in', list: ['open', 'paid'] }), field('status'))).toEqual({ state: 'ok', filter: { field: 'status', op: 'in', value: ['open', 'paid'] } });
    expect(toFilter(draft({ field: 'number', op: 'in', raw: 'A-1, A-2,,' }), field('number'))).toEqual({ state: 'ok', filter: { field: 'number', op: 'in', value: ['A-1', 'A-2'] } });
    expect(toFilter(draft({ field: 'due', op: 'in', raw: '2026-01-01, soon' }), field('due'))).toMatchObject({ state: 'invalid' });
    expect(toFilter(draft({ field: 'gone' }), undefined)).toEqual({ state: 'incomplete' });
  });

  it('sends only complete, valid filters', () => {
    const drafts = [draft({ op: 'eq', raw: 'A-1' }), draft({ field: 'total', op: 'lt', raw: 'x' }), draft({ field: 'due', op: 'gt', raw: '' })];
    expect(activeFilters(drafts, fields)).toEqual([{ field: 'number', op: 'eq', value: 'A-1' }]);
  });
});
