// The list endpoint's query string turned into an EntityQuery: `filter[field][op]=value` pairs
// gathered into one object (express leaves bracketed names alone), values read by the field's type
// (numbers, true/false, comma-separated lists for `in`), `sort=-a,b` and `fields=a,b` split. An
// internal field used without the fields:internal scope is refused here with the scope named;
// queryRecords refuses it too, whatever reaches it.
import { fieldOf, queryFieldType, type EntityQueryInput, type EntityType, type FieldIssue, type FieldType, type Filter, type FilterOp } from '../../core';
import type { ApiKeyPrincipal } from '../services/api-keys';
import { FieldIssuesError } from '../services/field-issues';
import { seesInternal } from './auth';
import { ApiError } from './problem';
import type { ListQuery } from './schemas';

const FILTER_PARAM = /^filter\[([^[\]]*)\](?:\[([^[\]]*)\])?$/;

/**
 * Gathers `filter[field][op]` (and `filter[field]`, meaning eq) into `filter: { field: { op } }`.
 * Other names pass through for the strict schema to judge; a name given twice is an error.
 */
export function gatherQuery(raw: Record<string, unknown>): { query: Record<string, unknown>; issues: FieldIssue[] } {
  const query: Record<string, unknown> = {};
  const filter: Record<string, Record<string, unknown>> = {};
  const issues: FieldIssue[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) {
      issues.push({ field: name, message: 'given more than once' });
      continue;
    }
    const m = FILTER_PARAM.exec(name);
    if (!m) {
      query[name] = value;
      continue;
    }
    const [, field, op = 'eq'] = m;
    if (!field || !op) {
      issues.push({ field: name, message: 'use filter[field][op]=value' });
      continue;
    }
    const ops = (filter[field] ??= {});
    if (op in ops) issues.push({ field: name, message: 'given more than once' });
    ops[op] = value;
  }
  if (Object.keys(filter).length) query.filter = filter;
  return { query, issues };
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function scalar(t: FieldType, raw: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (t === 'number' || t === 'money') return NUMBER.test(raw.trim()) ? { ok: true, value: Number(raw) } : { ok: false, message: `"${raw}" is not a number` };
  if (t === 'boolean') return raw === 'true' || raw === 'false' ? { ok: true, value: raw === 'true' } : { ok: false, message: 'use true or false' };
  return { ok: true, value: raw };
}

function filterValue(t: FieldType | undefined, op: FilterOp, raw: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (op === 'isNull') return raw === 'true' || raw === 'false' ? { ok: true, value: raw === 'true' } : { ok: false, message: 'isNull takes true (no value) or false (has a value)' };
  // An unknown field keeps its text: queryRecords names it as unknown.
  if (t === undefined || op === 'contains' || op === 'startsWith' || op === 'has') return { ok: true, value: raw };
  if (op === 'in') {
    const values: unknown[] = [];
    for (const part of raw.split(',')) {
      const v = scalar(t, part);
      if (!v.ok) return v;
      values.push(v.value);
    }
    return { ok: true, value: values };
  }
  return scalar(t, raw);
}

const splitList = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);

export function toEntityQuery(type: EntityType, q: ListQuery, key: ApiKeyPrincipal): EntityQueryInput {
  const issues: FieldIssue[] = [];
  const filters: Filter[] = [];
  for (const [field, ops] of Object.entries(q.filter ?? {})) {
    for (const [op, raw] of Object.entries(ops) as [FilterOp, string][]) {
      const v = filterValue(queryFieldType(type, field), op, raw);
      if (v.ok) filters.push({ field, op, value: v.value });
      else issues.push({ field: `filter[${field}][${op}]`, message: v.message });
    }
  }
  if (issues.length) throw new FieldIssuesError(`The filter is not valid: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}.`, issues);
  const sort = splitList(q.sort).map((s) => (s.startsWith('-') ? { field: s.slice(1), dir: 'desc' as const } : { field: s.replace(/^\+/, ''), dir: 'asc' as const }));
  const fields = q.fields === undefined ? undefined : splitList(q.fields);

  if (!seesInternal(key)) {
    const used: [string, string][] = [...filters.map((f) => ['filtering by', f.field] as [string, string]), ...sort.map((s) => ['sorting by', s.field] as [string, string]), ...(fields ?? []).map((f) => ['reading', f] as [string, string])];
    for (const [what, field] of used) {
      if (fieldOf(type, field)?.internal) throw new ApiError('FORBIDDEN', `"${field}" is an internal field; ${what} it needs the fields:internal scope.`, {}, { scope: 'fields:internal' });
    }
  }
  return {
    type: type.key,
    filters,
    sort,
    limit: q.limit,
    ...(fields ? { fields } : {}),
    ...(q.search !== undefined ? { search: q.search } : {}),
    ...(q.cursor !== undefined ? { cursor: q.cursor } : {}),
  };
}
