// EntityQuery: what a list of records asks for (filters, sort, cursor paging, selected fields), and
// its check against the type and the fields the viewer may read. A filter, sort or selection on a
// field the viewer may not read is FORBIDDEN, never silently dropped; a filter that makes no sense
// for the field's type is a BAD_REQUEST naming the field.
import { z } from 'zod';
import { fieldOf, ISO_DATE, typeKeySchema, type EntityType, type FieldType } from './entity-type';

export const FILTER_OPS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'contains', 'startsWith', 'isNull', 'has'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export const filterSchema = z
  .object({ field: z.string().min(1).max(60), op: z.enum(FILTER_OPS), value: z.unknown() })
  .strict();
export type Filter = z.infer<typeof filterSchema>;
export const sortSchema = z.object({ field: z.string().min(1).max(60), dir: z.enum(['asc', 'desc']).default('asc') }).strict();
export type Sort = z.infer<typeof sortSchema>;

export const MAX_PAGE = 200;

export const entityQuerySchema = z
  .object({
    type: typeKeySchema,
    filters: z.array(filterSchema).max(20).default([]),
    /** Text search over the title and identifier fields the viewer may read. */
    search: z.string().trim().max(200).optional(),
    sort: z.array(sortSchema).max(3).default([]),
    /** Fields to return; by default every field the viewer may read. */
    fields: z.array(z.string().min(1).max(60)).max(200).optional(),
    limit: z.number().int().min(1).max(MAX_PAGE).default(25),
    cursor: z.string().max(4000).optional(),
  })
  .strict();
export type EntityQuery = z.infer<typeof entityQuerySchema>;
export type EntityQueryInput = z.input<typeof entityQuerySchema>;

/** Fields every record has. `externalId` is an integration detail: readable only where granted. */
export const SYSTEM_FIELD_TYPES = { id: 'text', externalId: 'text', createdAt: 'datetime', updatedAt: 'datetime' } as const satisfies Record<string, FieldType>;
export type QueryField = keyof typeof SYSTEM_FIELD_TYPES | string;

const TEXT_OPS: readonly FilterOp[] = ['eq', 'ne', 'in', 'contains', 'startsWith', 'isNull'];
const ORDERED_OPS: readonly FilterOp[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'isNull'];
export const OPS_BY_TYPE: Record<FieldType, readonly FilterOp[]> = {
  text: TEXT_OPS,
  longText: ['contains', 'isNull'],
  email: TEXT_OPS,
  phone: TEXT_OPS,
  url: TEXT_OPS,
  enum: ['eq', 'ne', 'in', 'isNull'],
  number: ORDERED_OPS,
  money: ORDERED_OPS,
  date: ORDERED_OPS,
  datetime: ORDERED_OPS,
  boolean: ['eq', 'isNull'],
  relation: ['eq', 'ne', 'in', 'isNull'],
  relations: ['has', 'isNull'],
  address: ['isNull'],
  file: ['isNull'],
};
export const SORTABLE: ReadonlySet<FieldType> = new Set(['text', 'email', 'phone', 'url', 'enum', 'number', 'money', 'date', 'datetime', 'boolean', 'relation']);

export type QueryProblem = { code: 'FORBIDDEN' | 'BAD_REQUEST'; field: string; message: string };

/** The type of a field or system field of `type`, or undefined. */
export function queryFieldType(type: EntityType, key: string): FieldType | undefined {
  // Own keys only: `in` would also find `toString`, `constructor`, … on Object.prototype.
  if (Object.prototype.hasOwnProperty.call(SYSTEM_FIELD_TYPES, key)) return SYSTEM_FIELD_TYPES[key as keyof typeof SYSTEM_FIELD_TYPES];
  return fieldOf(type, key)?.type;
}

/** A scalar of the right kind for comparing with a field of this type. */
function scalarOk(t: FieldType, v: unknown): boolean {
  switch (t) {
    case 'number':
    case 'money':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'date':
      return typeof v === 'string' && ISO_DATE.test(v);
    case 'datetime':
      return typeof v === 'string' && !Number.isNaN(Date.parse(v));
    default:
      return typeof v === 'string' && v.length <= 1000;
  }
}

function checkValue(t: FieldType, op: FilterOp, v: unknown): string | null {
  switch (op) {
    case 'isNull':
      return typeof v === 'boolean' ? null : 'isNull takes true (no value) or false (has a value)';
    case 'in':
      return Array.isArray(v) && v.length >= 1 && v.length <= 100 && v.every((x) => scalarOk(t, x)) ? null : `"in" takes a list of 1–100 ${t} values`;
    case 'contains':
    case 'startsWith':
      return typeof v === 'string' && v.length >= 1 && v.length <= 200 ? null : `${op} takes a text of 1–200 characters`;
    case 'has':
      return typeof v === 'string' && v.length > 0 ? null : 'has takes a record id';
    default:
      return scalarOk(t, v) ? null : `${op} takes a ${t} value`;
  }
}

/**
 * Checks a query against the type and the viewer's readable fields (system fields `id`,
 * `createdAt`, `updatedAt` are always readable; `externalId` only if listed). Returns the first problem.
 */
export function checkQuery(query: EntityQuery, type: EntityType, readable: ReadonlySet<string>): QueryProblem | null {
  const canRead = (key: string) => key === 'id' || key === 'createdAt' || key === 'updatedAt' || readable.has(key);
  const known = (key: string): QueryProblem | null =>
    queryFieldType(type, key) === undefined ? { code: 'BAD_REQUEST', field: key, message: `"${type.label.singular}" has no field "${key}"` } : null;
  const forbidden = (key: string, what: string): QueryProblem => ({ code: 'FORBIDDEN', field: key, message: `you may not ${what} by "${key}"` });
  for (const f of query.filters) {
    const problem = known(f.field);
    if (problem) return problem;
    if (!canRead(f.field)) return forbidden(f.field, 'filter');
    const t = queryFieldType(type, f.field)!;
    if (!OPS_BY_TYPE[t].includes(f.op)) return { code: 'BAD_REQUEST', field: f.field, message: `a ${t} field cannot be filtered with "${f.op}" (use ${OPS_BY_TYPE[t].join(', ')})` };
    const bad = checkValue(t, f.op, f.value);
    if (bad) return { code: 'BAD_REQUEST', field: f.field, message: bad };
  }
  for (const s of query.sort) {
    const problem = known(s.field);
    if (problem) return problem;
    if (!canRead(s.field)) return forbidden(s.field, 'sort');
    if (!SORTABLE.has(queryFieldType(type, s.field)!)) return { code: 'BAD_REQUEST', field: s.field, message: `a ${queryFieldType(type, s.field)} field cannot be sorted by` };
  }
  for (const key of query.fields ?? []) {
    const problem = known(key);
    if (problem) return problem;
    if (!canRead(key)) return { code: 'FORBIDDEN', field: key, message: `you may not read "${key}"` };
  }
  return null;
}
