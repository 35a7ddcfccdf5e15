// What the key figure and chart blocks share: the measure, the admin's preset filters in words an
// admin reads ("at least", "is empty") and their translation to the query layer's filters, and how
// a figure is written for people (money in its currency, plain numbers in the viewer's locale).
import { z } from 'zod';
import type { AggregateResult, Filter } from '../../core';
import type { AggregateMeasure } from '../_lib/define-block';
import { formatMoney } from '../_lib/data-kit';

export const MEASURES = ['count', 'sum', 'avg', 'min', 'max'] as const satisfies readonly AggregateMeasure[];

export const measureProp = z.enum(MEASURES).default('count').meta({ label: 'Measure', help: 'Count records, or the sum, average, lowest or highest value of a number or amount field.' });

/** Conditions as admins say them; the value is typed as text and read as a number, date or choice as the condition needs. */
export const FIGURE_OPS = ['equals', 'not-equals', 'greater-than', 'at-least', 'less-than', 'at-most', 'is-yes', 'is-no', 'is-empty', 'is-set'] as const;
export type FigureOp = (typeof FIGURE_OPS)[number];

export const figureFilter = z
  .object({
    field: z.string().trim().max(60).default('').meta({ label: 'Field', widget: 'field', entityProp: 'entityType' }),
    op: z.enum(FIGURE_OPS).default('equals').meta({ label: 'Condition' }),
    value: z.string().trim().max(200).default('').meta({ label: 'Value', help: 'A choice’s value (open), a date (2026-01-31) or a number. Not needed for yes/no/empty.' }),
  })
  .strict();
export type FigureFilter = z.output<typeof figureFilter>;

export const figureFiltersProp = (fallback: FigureFilter[]) =>
  z
    .array(figureFilter)
    .max(10)
    .default(fallback)
    .meta({ label: 'Only records where', help: 'Every condition must hold. “Equals” compares text and choices; for numbers and amounts use “at least” and “at most”.' });

const NUMBER = /^-?\d+(\.\d+)?$/;
const ORDERED: Partial<Record<FigureOp, Filter['op']>> = { 'greater-than': 'gt', 'at-least': 'gte', 'less-than': 'lt', 'at-most': 'lte' };

/** The query layer's filters for the configured conditions; incomplete rows (no field, or no value where one is needed) are left out. */
export function toFilters(list: readonly FigureFilter[]): Filter[] {
  const out: Filter[] = [];
  for (const f of list) {
    if (!f.field) continue;
    switch (f.op) {
      case 'is-yes':
      case 'is-no':
        out.push({ field: f.field, op: 'eq', value: f.op === 'is-yes' });
        break;
      case 'is-empty':
      case 'is-set':
        out.push({ field: f.field, op: 'isNull', value: f.op === 'is-empty' });
        break;
      case 'equals':
      case 'not-equals':
        if (f.value !== '') out.push({ field: f.field, op: f.op === 'equals' ? 'eq' : 'ne', value: f.value });
        break;
      default:
        if (f.value !== '') out.push({ field: f.field, op: ORDERED[f.op]!, value: NUMBER.test(f.value) ? Number(f.value) : f.value });
    }
  }
  return out;
}

export type FigureFormat = 'auto' | 'number' | 'money';

/** A function writing the result's numbers: money when asked (or, on auto, for amount fields), else a number. */
export function figureFormatter(result: Pick<AggregateResult, 'measure' | 'field' | 'currency'>, format: FigureFormat, locale: string): (n: number) => string {
  const money = format === 'money' || (format === 'auto' && result.measure !== 'count' && result.field?.type === 'money');
  if (money) {
    const currency = result.currency ?? result.field?.currency ?? 'EUR';
    return (n) => formatMoney({ amount: n, currency }, locale);
  }
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: result.measure === 'count' ? 0 : 2 });
  return (n) => nf.format(n);
}

/** Whether the result can be shown: a measure over a field the viewer may not read comes back without the field. */
export const measurable = (result: AggregateResult) => result.measure === 'count' || result.field !== null;

/** "dueDate" → "Due date": a column header when only a key is known. */
export const labelOfKey = (key: string) => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').toLowerCase().trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
};

/** "Count", "Total amount", "Average amount", … for a table header or an axis. */
export function measureLabel(result: Pick<AggregateResult, 'measure' | 'field'>): string {
  const field = result.field?.label.toLowerCase() ?? 'value';
  switch (result.measure) {
    case 'count':
      return 'Count';
    case 'sum':
      return `Total ${field}`;
    case 'avg':
      return `Average ${field}`;
    case 'min':
      return `Lowest ${field}`;
    case 'max':
      return `Highest ${field}`;
  }
}
