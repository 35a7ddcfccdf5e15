// Key figure: the number big with its label and hint, money in its currency, calm states, and the
// admin's conditions turned into the query layer's filters.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AggregateResult } from '../../core';
import { testContext } from '../_lib/test-context';
import { kpi } from '.';
import { figureFormatter, labelOfKey, measureLabel, toFilters } from './figures';

const agg = (extra: Partial<AggregateResult>): AggregateResult => ({ kind: 'aggregate', entityType: 'invoice', measure: 'count', field: null, groups: [{ key: '', label: '—', value: 3 }], total: 3, ...extra });
const amount = { key: 'amount', label: 'Amount', type: 'money' as const, required: false, editable: false };
const render = (props: unknown, data: unknown, mode: 'runtime' | 'builder' = 'runtime') =>
  renderToString(<kpi.Render id="b_kpi" props={kpi.props.parse(props)} slots={{}} data={data} ctx={testContext({ mode })} />);

describe('kpi', () => {
  it('shows the count big, with its label and hint', () => {
    const html = render({ label: 'Open invoices', hint: 'Waiting for payment' }, agg({}));
    expect(html).toContain('role="group"');
    expect(html).toContain('aria-labelledby="b_kpi-label"');
    expect(html).toMatch(/class="pb-kpi__value"><span>3<\/span>/);
    expect(html).toContain('Waiting for payment');
  });

  it('writes sums of amounts as money, or as a number when asked', () => {
    const sum = agg({ measure: 'sum', field: amount, total: 1234.5, groups: [{ key: '', label: '—', value: 1234.5 }], currency: 'EUR' });
    expect(render({ measure: 'sum', field: 'amount' }, sum)).toContain('€1,234.50');
    expect(render({ measure: 'sum', field: 'amount', format: 'number' }, sum)).toContain('>1,234.5<');
  });

  it('shows a dash when the field is not readable, nothing is set up, or the data is missing', () => {
    expect(render({ measure: 'sum', field: 'amount' }, agg({ measure: 'sum', field: null, groups: [], total: 0 }))).toContain('>—<');
    expect(render({}, undefined)).toContain('not set up yet');
    expect(render({}, null)).toContain('Not available.');
    expect(render({}, { kind: 'error', message: 'This block cannot show its data: x' })).toContain('cannot show its data');
  });

  it('describes itself in the builder', () => {
    expect(render({ entityType: 'invoice', measure: 'count' }, undefined, 'builder')).toContain('the number of invoice');
  });

  it('asks for an aggregate over the configured conditions', () => {
    expect(kpi.data!(kpi.props.parse({}))).toEqual({ kind: 'aggregate', entityType: 'invoice', measure: 'count', filters: [{ field: 'status', op: 'eq', value: 'open' }] });
    expect(kpi.data!(kpi.props.parse({ measure: 'sum', field: 'amount', filters: [] }))).toEqual({ kind: 'aggregate', entityType: 'invoice', measure: 'sum', field: 'amount', filters: [] });
    expect(kpi.data!(kpi.props.parse({ measure: 'sum', field: '' }))).toBeNull();
    expect(kpi.data!(kpi.props.parse({ entityType: '' }))).toBeNull();
  });

  it('turns conditions into filters, reading numbers, dates and yes/no as they need', () => {
    expect(
      toFilters([
        { field: 'status', op: 'equals', value: 'open' },
        { field: 'status', op: 'not-equals', value: 'paid' },
        { field: 'amount', op: 'at-least', value: '100' },
        { field: 'dueDate', op: 'less-than', value: '2026-01-31' },
        { field: 'visible', op: 'is-yes', value: '' },
        { field: 'paidAt', op: 'is-empty', value: '' },
        { field: 'paidAt', op: 'is-set', value: '' },
        { field: '', op: 'equals', value: 'x' },
        { field: 'status', op: 'equals', value: '' },
      ]),
    ).toEqual([
      { field: 'status', op: 'eq', value: 'open' },
      { field: 'status', op: 'ne', value: 'paid' },
      { field: 'amount', op: 'gte', value: 100 },
      { field: 'dueDate', op: 'lt', value: '2026-01-31' },
      { field: 'visible', op: 'eq', value: true },
      { field: 'paidAt', op: 'isNull', value: true },
      { field: 'paidAt', op: 'isNull', value: false },
    ]);
  });

  it('formats and labels measures', () => {
    expect(figureFormatter({ measure: 'avg', field: { ...amount, type: 'number' } }, 'auto', 'en')(2.345)).toBe('2.35');
    expect(figureFormatter({ measure: 'count', field: null }, 'money', 'en')(3)).toBe('€3.00');
    expect(measureLabel({ measure: 'sum', field: amount })).toBe('Total amount');
    expect(labelOfKey('dueDate')).toBe('Due date');
  });
});
