// The records table's filters: which fields can be filtered, with which operators (core's
// OPS_BY_TYPE, with "is empty" and "is not empty" for isNull), how each reads, and turning what the
// admin typed into a Filter of the right kind. An unfinished row (no value yet) is left out
// instead of failing the whole query.
import { ISO_DATE, OPS_BY_TYPE, type EntityType, type FieldType, type Filter, type FilterOp } from '../../core';
import { localInputToIso } from './type-draft';

export type FilterField = { key: string; label: string; type: FieldType; options?: readonly { value: string; label: string }[]; target?: string; system?: boolean };
export type UiOp = Exclude<FilterOp, 'isNull'> | 'isEmpty' | 'isNotEmpty';

/** One filter row as edited: `raw` for a single value, `list` for "is any of". */
export type FilterDraft = { uid: string; field: string; op: UiOp; raw: string; list: string[] };

export type FilterResult = { state: 'ok'; filter: Filter } | { state: 'incomplete' } | { state: 'invalid'; message: string };

/** The type's fields, then the system fields every record has. */
export function filterFields(type: EntityType): FilterField[] {
  const own: FilterField[] = type.fields.map((f) => ({
    key: f.key,
    label: f.label,
    type: f.type,
    ...(f.type === 'enum' ? { options: f.options } : {}),
    ...(f.type === 'relation' || f.type === 'relations' ? { target: f.target } : {}),
  }));
  return [
    ...own,
    { key: 'externalId', label: 'External id', type: 'text', system: true },
    { key: 'createdAt', label: 'Created', type: 'datetime', system: true },
    { key: 'updatedAt', label: 'Updated', type: 'datetime', system: true },
  ];
}

export function opsFor(t: FieldType): UiOp[] {
  return OPS_BY_TYPE[t].flatMap((op): UiOp[] => (op === 'isNull' ? ['isEmpty', 'isNotEmpty'] : [op]));
}

const TEMPORAL: ReadonlySet<FieldType> = new Set(['date', 'datetime']);

export function opLabel(op: UiOp, t: FieldType): string {
  const time = TEMPORAL.has(t);
  switch (op) {
    case 'eq':
      return 'is';
    case 'ne':
      return 'is not';
    case 'lt':
      return time ? 'is before' : 'is less than';
    case 'lte':
      return time ? 'is on or before' : 'is at most';
    case 'gt':
      return time ? 'is after' : 'is more than';
    case 'gte':
      return time ? 'is on or after' : 'is at least';
    case 'in':
      return 'is any of';
    case 'contains':
      return 'contains';
    case 'startsWith':
      return 'starts with';
    case 'has':
      return 'includes';
    case 'isEmpty':
      return 'is empty';
    case 'isNotEmpty':
      return 'is not empty';
  }
}

/** Whether an operator takes a value at all. */
export const takesValue = (op: UiOp) => op !== 'isEmpty' && op !== 'isNotEmpty';

/** The default operator when a field is picked: the first one that reads naturally. */
export function defaultOp(t: FieldType): UiOp {
  const ops = opsFor(t);
  if (ops.includes('contains') && t !== 'longText' && t !== 'enum') return 'contains';
  return ops[0]!;
}

type Scalar = { ok: true; value: string | number | boolean } | { ok: false; message: string };

/** One value of a field's type, from text. */
export function parseScalar(t: FieldType, raw: string): Scalar {
  const s = raw.trim();
  switch (t) {
    case 'number':
    case 'money': {
      const n = Number(s.replace(/\s/g, ''));
      return s && Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: `“${s}” is not a number` };
    }
    case 'boolean':
      return s === 'true' || s === 'false' ? { ok: true, value: s === 'true' } : { ok: false, message: 'choose yes or no' };
    case 'date':
      return ISO_DATE.test(s) ? { ok: true, value: s } : { ok: false, message: 'a date as YYYY-MM-DD' };
    case 'datetime': {
      const iso = localInputToIso(s);
      return iso ? { ok: true, value: iso } : { ok: false, message: 'a date and time' };
    }
    default:
      return s.length <= 1000 ? { ok: true, value: s } : { ok: false, message: 'at most 1000 characters' };
  }
}

export function toFilter(d: FilterDraft, field: FilterField | undefined): FilterResult {
  if (!field) return { state: 'incomplete' };
  if (d.op === 'isEmpty' || d.op === 'isNotEmpty') return { state: 'ok', filter: { field: field.key, op: 'isNull', value: d.op === 'isEmpty' } };
  if (d.op === 'in') {
    const parts = field.type === 'enum' || field.type === 'relation' ? d.list : d.raw.split(',');
    const items = parts.map((p) => p.trim()).filter(Boolean);
    if (items.length === 0) return { state: 'incomplete' };
    if (items.length > 100) return { state: 'invalid', message: 'at most 100 values' };
    const values: (string | number | boolean)[] = [];
    for (const item of items) {
      const v = parseScalar(field.type, item);
      if (!v.ok) return { state: 'invalid', message: v.message };
      values.push(v.value);
    }
    return { state: 'ok', filter: { field: field.key, op: 'in', value: values } };
  }
  if (!d.raw.trim()) return { state: 'incomplete' };
  if (d.op === 'contains' || d.op === 'startsWith') {
    const s = d.raw.trim();
    return s.length <= 200 ? { state: 'ok', filter: { field: field.key, op: d.op, value: s } } : { state: 'invalid', message: 'at most 200 characters' };
  }
  if (d.op === 'has') return { state: 'ok', filter: { field: field.key, op: 'has', value: d.raw.trim() } };
  const v = parseScalar(field.type, d.raw);
  return v.ok ? { state: 'ok', filter: { field: field.key, op: d.op, value: v.value } } : { state: 'invalid', message: v.message };
}

/** The filters to send: complete, valid rows only. */
export function activeFilters(drafts: readonly FilterDraft[], fields: readonly FilterField[]): Filter[] {
  return drafts.flatMap((d) => {
    const r = toFilter(
      d,
      fields.find((f) => f.key === d.field),
    );
    return r.state === 'ok' ? [r.filter] : [];
  });
}
