// The query layer: an EntityQuery compiled to one SQL statement with the viewer's access scope and
// field filtering inside it (DESIGN.md section 5). Nothing is loaded and filtered afterwards: rows
// outside the scope are never read, and fields the viewer may not read never leave the database.
// Keyset paging ("after this row") keeps every page as cheap as the first.
import { TRPCError } from '@trpc/server';
import { sql, type CompiledQuery, type Kysely, type RawBuilder } from 'kysely';
import {
  checkQuery,
  entityQuerySchema,
  fieldOf,
  queryFieldType,
  type EntityQuery,
  type EntityQueryInput,
  type EntityType,
  type FieldType,
  type Filter,
  type RecordData,
  type Scope,
} from '../../core';
import { isSqlite } from '../db/dialect';
import type { DB } from '../db/schema';
import { requireType } from './entity-types';
import { FieldIssuesError } from './field-issues';
import { readData } from './record-store';

/** What the viewer may see: a scope of records and the fields they may read ('all': every field, internal ones and externalId included). */
export type RecordAccess = { scope: Scope; readable: ReadonlySet<string> | 'all' };
export const FULL_ACCESS: RecordAccess = { scope: { kind: 'all' }, readable: 'all' };

export type RecordView = {
  id: string;
  type: string;
  externalId?: string | null;
  title: string;
  data: RecordData;
  createdAt: string;
  updatedAt: string;
  revision: number;
};
export type RecordPage = { items: RecordView[]; nextCursor: string | null };

type Sql = RawBuilder<unknown>;
type Dialect = { sqlite: boolean };

const SYSTEM_COLUMNS: Record<string, string> = { id: 'r.id', externalId: 'r.external_id', createdAt: 'r.created_at', updatedAt: 'r.updated_at' };
/** Own keys only: a field may be called `constructor`, which `in` would find on Object.prototype. */
const isSystemField = (key: string) => Object.hasOwn(SYSTEM_COLUMNS, key);
/** Sorted case-insensitively, as people read names and numbers-as-text. */
const LOWERED: ReadonlySet<FieldType> = new Set(['text', 'email', 'phone', 'url', 'enum']);

/** The comparable SQL value of a field: a number, a boolean or binary-ordered text, the same way on both databases. */
function valueExpr(d: Dialect, type: EntityType, key: string): Sql {
  if (isSystemField(key)) return sql.raw(SYSTEM_COLUMNS[key]!);
  const t = fieldOf(type, key)!.type;
  if (d.sqlite) return t === 'money' ? sql`json_extract(r.data, ${`$.${key}.amount`})` : sql`json_extract(r.data, ${`$.${key}`})`;
  if (t === 'money') return sql`((r.data -> ${key}) ->> 'amount')::numeric`;
  if (t === 'number') return sql`(r.data ->> ${key})::numeric`;
  if (t === 'boolean') return sql`(r.data ->> ${key})::boolean`;
  return sql`(r.data ->> ${key}) collate "C"`;
}

/** Whether the field has a value at all (objects and lists included). */
function presentExpr(d: Dialect, key: string): Sql {
  return d.sqlite ? sql`json_type(r.data, ${`$.${key}`}) is not null` : sql`(r.data -> ${key}) is not null`;
}

function param(d: Dialect, t: FieldType, v: unknown): unknown {
  if (t === 'boolean' && d.sqlite) return v ? 1 : 0;
  if (t === 'datetime' && typeof v === 'string') return new Date(v).toISOString();
  return v;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
function like(d: Dialect, expr: Sql, pattern: string): Sql {
  return d.sqlite ? sql`${expr} like ${pattern} escape '\\'` : sql`${expr} ilike ${pattern} escape '\\'`;
}
/** Text for LIKE: Postgres' `collate "C"` expression is fine for ILIKE too. */
const textExpr = (d: Dialect, type: EntityType, key: string) => valueExpr(d, type, key);

function filterExpr(d: Dialect, type: EntityType, f: Filter): Sql {
  const t = queryFieldType(type, f.field)!;
  const isSystem = isSystemField(f.field);
  if (f.op === 'isNull') {
    const present = isSystem ? sql`${valueExpr(d, type, f.field)} is not null` : presentExpr(d, f.field);
    return f.value ? sql`not (${present})` : present;
  }
  if (f.op === 'has') {
    return sql`exists (select 1 from record_refs x where x.record_id = r.id and x.field = ${f.field} and x.target_id = ${f.value})`;
  }
  const v = valueExpr(d, type, f.field);
  switch (f.op) {
    case 'eq':
      return sql`${v} = ${param(d, t, f.value)}`;
    case 'ne':
      // "Not equal" includes records without a value, as a person reading a table expects.
      return sql`(${v} is null or ${v} <> ${param(d, t, f.value)})`;
    case 'lt':
      return sql`${v} < ${param(d, t, f.value)}`;
    case 'lte':
      return sql`${v} <= ${param(d, t, f.value)}`;
    case 'gt':
      return sql`${v} > ${param(d, t, f.value)}`;
    case 'gte':
      return sql`${v} >= ${param(d, t, f.value)}`;
    case 'in':
      return sql`${v} in (${sql.join((f.value as unknown[]).map((x) => param(d, t, x)))})`;
    case 'contains':
      return like(d, textExpr(d, type, f.field), `%${likeEscape(String(f.value))}%`);
    case 'startsWith':
      return like(d, textExpr(d, type, f.field), `${likeEscape(String(f.value))}%`);
  }
}

/** The scope as a SQL condition on `r` (null: no condition). */
export function scopeExpr(scope: Scope): Sql | null {
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none') return sql`1 = 0`;
  const terms = scope.terms.map((t) => {
    switch (t.kind) {
      case 'owner':
        return sql`r.created_by_user = ${t.userId}`;
      case 'self':
        return sql`r.id in (${sql.join(t.ids)})`;
      case 'link':
        return sql`r.id in (select x.record_id from record_refs x where x.field = ${t.field} and x.target_id in (${sql.join(t.ids)}))`;
    }
  });
  return sql`(${sql.join(terms, sql` or `)})`;
}

/** The data column narrowed to `fields`, built in SQL. */
function dataExpr(d: Dialect, fields: string[]): Sql {
  if (fields.length === 0) return d.sqlite ? sql`'{}'` : sql`'{}'::jsonb`;
  const pairs = fields.map((k) => (d.sqlite ? sql`${k}, r.data -> ${`$.${k}`}` : sql`${k}::text, r.data -> ${k}`));
  return d.sqlite ? sql`json_object(${sql.join(pairs)})` : sql`jsonb_strip_nulls(jsonb_build_object(${sql.join(pairs)}))`;
}

type SortKey = { field: string; dir: 'asc' | 'desc' };
type Cursor = { k: string; v: unknown[]; id: string };

const sortSignature = (keys: SortKey[]) => keys.map((k) => `${k.field}:${k.dir}`).join(',');
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(raw: string, signature: string, count: number): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.id === 'string' && Array.isArray(c.v) && c.v.length === count && c.k === signature) return c;
  } catch {
    // fall through to the error below
  }
  throw new TRPCError({ code: 'BAD_REQUEST', message: 'The cursor is not valid for this query (it belongs to another sort, or was altered).' });
}

/** Sort expressions: text-like fields case-insensitively, absent values last in either direction. */
function sortExpr(d: Dialect, type: EntityType, key: string): Sql {
  const t = queryFieldType(type, key)!;
  const v = valueExpr(d, type, key);
  return LOWERED.has(t) && !isSystemField(key) ? sql`lower(${v})` : v;
}

const nullable = (key: string) => !isSystemField(key);
/** The last tie-break, in the direction of the last key, so the (type, created_at, id) index serves the default order. */
const tieDir = (keys: SortKey[]) => keys[keys.length - 1]!.dir;

/** Rows strictly after the cursor in the order of `keys`, then id. Data fields may be absent: those sort last. */
function afterCursor(d: Dialect, type: EntityType, keys: SortKey[], cursor: Cursor): Sql {
  const disjuncts: Sql[] = [];
  const equals: Sql[] = [];
  keys.forEach((k, i) => {
    const e = sortExpr(d, type, k.field);
    const v = cursor.v[i];
    if (v !== null && v !== undefined) {
      const beyond = k.dir === 'asc' ? sql`${e} > ${v}` : sql`${e} < ${v}`;
      disjuncts.push(sql.join([...equals, nullable(k.field) ? sql`(${e} is null or ${beyond})` : beyond], sql` and `));
      equals.push(sql`${e} = ${v}`);
    } else equals.push(sql`${e} is null`);
  });
  disjuncts.push(sql.join([...equals, tieDir(keys) === 'asc' ? sql`r.id > ${cursor.id}` : sql`r.id < ${cursor.id}`], sql` and `));
  return sql`(${sql.join(disjuncts.map((x) => sql`(${x})`), sql` or `)})`;
}

/**
 * The ids a scope reaches, as one UNION over indexes (records by owner, record_refs by field and
 * target). A list drives its join from this set, so a customer's 30 contracts cost 30 lookups,
 * not a walk through 100,000 rows that tests each against the scope.
 */
function scopeIds(scope: Extract<Scope, { kind: 'some' }>, typeKey: string): Sql {
  const parts = scope.terms.map((t) => {
    switch (t.kind) {
      case 'owner':
        return sql`select o.id as id from records o where o.type = ${typeKey} and o.created_by_user = ${t.userId}`;
      case 'self':
        return sql`select o.id as id from records o where o.type = ${typeKey} and o.id in (${sql.join(t.ids)})`;
      case 'link':
        return sql`select x.record_id as id from record_refs x where x.field = ${t.field} and x.target_id in (${sql.join(t.ids)})`;
    }
  });
  return sql.join(parts, sql` union `);
}

/** The fields a view returns: the requested ones, or all readable; never an unreadable one. */
function viewFields(type: EntityType, access: RecordAccess, requested?: string[]): string[] {
  const all = type.fields.map((f) => f.key);
  const readable = access.readable === 'all' ? all : all.filter((k) => (access.readable as ReadonlySet<string>).has(k));
  return requested ? requested.filter((k) => readable.includes(k)) : readable;
}

const canSeeExternalId = (access: RecordAccess) => access.readable === 'all' || access.readable.has('externalId');

type Row = { id: string; type: string; external_id: string | null; title: string; data: string | Record<string, unknown>; created_at: string; updated_at: string; revision: number } & Record<string, unknown>;

function toView(row: Row, access: RecordAccess, titleReadable: boolean): RecordView {
  const data = readData(row.data);
  for (const k of Object.keys(data)) if (data[k] === null) delete data[k];
  const view: RecordView = {
    id: row.id,
    type: row.type,
    title: titleReadable ? row.title : '',
    data,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: Number(row.revision),
  };
  if (canSeeExternalId(access)) view.externalId = row.external_id;
  return view;
}

function baseSelect(db: Kysely<DB>, d: Dialect, fields: string[]) {
  return db
    .selectFrom('records as r')
    .select(['r.id', 'r.type', 'r.external_id', 'r.title', 'r.created_at', 'r.updated_at', 'r.revision'])
    .select(dataExpr(d, fields).as('data'));
}

/**
 * Lists records: the query checked against the viewer's readable fields, then one scoped statement.
 * `preset` filters come from a block's configuration (an admin's rule, e.g. "open offers only"):
 * checked against the type but not against what the viewer may read, and not removable by them.
 */
export async function queryRecords(db: Kysely<DB>, input: EntityQueryInput, access: RecordAccess, preset: readonly Filter[] = []): Promise<RecordPage> {
  const parsed = entityQuerySchema.safeParse(input);
  if (!parsed.success) throw new FieldIssuesError('The query is not valid.', parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
  const query: EntityQuery = parsed.data;
  const type = await requireType(db, query.type);
  const readable = access.readable === 'all' ? new Set([...type.fields.map((f) => f.key), 'externalId']) : access.readable;
  const problem = checkQuery(query, type, readable);
  if (problem) {
    if (problem.code === 'FORBIDDEN') throw new TRPCError({ code: 'FORBIDDEN', message: problem.message });
    throw new FieldIssuesError(problem.message, [{ field: problem.field, message: problem.message }]);
  }
  checkPreset(type, preset);
  if (access.scope.kind === 'none') return { items: [], nextCursor: null };
  const d: Dialect = { sqlite: isSqlite(db) };
  const fields = viewFields(type, access, query.fields);
  const keys: SortKey[] = query.sort.length ? query.sort : [{ field: 'createdAt', dir: 'desc' }];
  const signature = sortSignature(keys);

  function buildListQuery(): CompiledQuery {
    // Inner query: the page's ids and sort keys only. Computing the returned data for the page's rows
    // alone (outer query) matters: SQL evaluates result columns before sorting, for every candidate.
    let q =
      access.scope.kind === 'some'
        ? db
            .selectFrom(sql`(${scopeIds(access.scope, type.key)})`.as('s'))
            // CROSS JOIN fixes the join order on SQLite: the scope's ids drive, records are looked up by id.
            .crossJoin('records as r')
            .whereRef('r.id', '=', sql.ref('s.id') as never)
            .select('r.id')
        : db.selectFrom('records as r').select('r.id');
    q = q.where('r.type', '=', type.key);
    keys.forEach((k, i) => {
      q = q.select(sortExpr(d, type, k.field).as(`s${i}`));
    });
    for (const f of [...preset, ...query.filters]) q = q.where(filterExpr(d, type, f) as RawBuilder<boolean>);
    if (query.search) {
      const pattern = `%${likeEscape(query.search)}%`;
      const titleOk = readable.has(type.titleField);
      const targets = type.fields.filter((f) => f.identifier && readable.has(f.key)).map((f) => like(d, textExpr(d, type, f.key), pattern));
      if (titleOk) targets.unshift(like(d, sql`r.title`, pattern));
      q = q.where((targets.length ? sql`(${sql.join(targets, sql` or `)})` : sql`1 = 0`) as RawBuilder<boolean>);
    }
    if (query.cursor) q = q.where(afterCursor(d, type, keys, decodeCursor(query.cursor, signature, keys.length)) as RawBuilder<boolean>);
    // Ordered by the selected sort columns, so each sort expression is computed once per row.
    keys.forEach((k, i) => {
      q = q.orderBy(sql.ref(`s${i}`), (ob) => {
        const dir = k.dir === 'asc' ? ob.asc() : ob.desc();
        return nullable(k.field) ? dir.nullsLast() : dir;
      });
    });
    q = q.orderBy('r.id', tieDir(keys)).limit(query.limit + 1);

    let outer = baseSelect(db, d, fields)
      .innerJoin(q.as('p'), 'p.id', 'r.id')
      .select(keys.map((_, i) => sql.ref(`p.s${i}`).as(`s${i}`)));
    keys.forEach((k, i) => {
      outer = outer.orderBy(sql.ref(`p.s${i}`), (ob) => {
        const dir = k.dir === 'asc' ? ob.asc() : ob.desc();
        return nullable(k.field) ? dir.nullsLast() : dir;
      });
    });
    outer = outer.orderBy('r.id', tieDir(keys));
    return outer.compile();
  }
  // A user's pages ask the same lists again and again: the statement compiled for these exact
  // inputs (type revision, fields, sort, filters, search, cursor, limit, scope) is kept, so a repeat
  // costs the query, not building and compiling it. The data is read afresh every time.
  const cacheKey = JSON.stringify([d.sqlite, fields, keys, preset, query.filters, query.search ?? null, query.cursor ?? null, query.limit, access.scope, query.search ? [...readable].sort() : null]);
  const compiled = compiledFor(type).get(cacheKey) ?? rememberCompiled(type, cacheKey, buildListQuery());
  const rows = (await db.executeQuery(compiled)).rows as unknown as Row[];
  const more = rows.length > query.limit;
  const page = more ? rows.slice(0, query.limit) : rows;
  const last = page[page.length - 1];
  const titleReadable = readable.has(type.titleField);
  return {
    items: page.map((r) => toView(r, access, titleReadable)),
    nextCursor: more && last ? encodeCursor({ k: signature, v: keys.map((_, i) => last[`s${i}`] ?? null), id: last.id }) : null,
  };
}

/** One record within the viewer's scope, or null: out of scope reads exactly like missing. */
export async function findRecord(db: Kysely<DB>, typeKey: string, id: string, access: RecordAccess, requested?: string[]): Promise<RecordView | null> {
  const type = await requireType(db, typeKey);
  const d: Dialect = { sqlite: isSqlite(db) };
  const q = withinScope(baseSelect(db, d, viewFields(type, access, requested)).where('r.type', '=', type.key).where('r.id', '=', id), access.scope);
  const row = (await q.executeTakeFirst()) as Row | undefined;
  const readable = access.readable === 'all' ? null : access.readable;
  return row ? toView(row, access, readable === null || readable.has(type.titleField)) : null;
}

/** A query over `records as r` narrowed to a scope (unchanged for 'all'). */
export function withinScope<Q extends { where: (e: RawBuilder<boolean>) => Q }>(q: Q, scope: Scope): Q {
  const s = scopeExpr(scope);
  return s ? q.where(s as RawBuilder<boolean>) : q;
}


/** A configuration's filters must make sense for the type (they may name any of its fields). */
function checkPreset(type: EntityType, preset: readonly Filter[]): void {
  if (!preset.length) return;
  const all = new Set([...type.fields.map((f) => f.key), 'externalId']);
  const problem = checkQuery(entityQuerySchema.parse({ type: type.key, filters: preset }), type, all);
  if (problem) throw new FieldIssuesError(`The block's filter is not valid: ${problem.message}`, [{ field: problem.field, message: problem.message }]);
}

export type AggregateInput = { type: string; measure: 'count' | 'sum' | 'avg' | 'min' | 'max'; field?: string; groupBy?: string; filters?: readonly Filter[] };
export type AggregateRow = { key: string | null; value: number };

/**
 * count / sum / avg / min / max of a number or money field over the records in the viewer's scope,
 * optionally grouped by a field (an enum, a text, a boolean, a date). Configured by an admin, so the
 * measured and grouped fields must exist but the caller decides what the viewer may see of them.
 */
export async function aggregateRecords(db: Kysely<DB>, input: AggregateInput, access: RecordAccess): Promise<AggregateRow[]> {
  const type = await requireType(db, input.type);
  checkPreset(type, input.filters ?? []);
  if (input.measure !== 'count') {
    const t = input.field ? fieldOf(type, input.field)?.type : undefined;
    if (t !== 'number' && t !== 'money') throw new FieldIssuesError(`A ${input.measure} needs a number or money field.`, [{ field: input.field ?? 'field', message: 'not a number or money field' }]);
  }
  if (input.groupBy && !queryFieldType(type, input.groupBy)) throw new FieldIssuesError(`No field "${input.groupBy}" to group by.`, [{ field: input.groupBy, message: 'unknown field' }]);
  if (access.scope.kind === 'none') return [];
  const d: Dialect = { sqlite: isSqlite(db) };
  const measured = input.measure === 'count' ? sql`count(*)` : sql`${sql.raw(input.measure)}(${valueExpr(d, type, input.field!)})`;
  const group = input.groupBy ? (d.sqlite ? valueExpr(d, type, input.groupBy) : sql`(r.data ->> ${input.groupBy})`) : sql`null`;
  let q = db.selectFrom('records as r').select([group.as('key'), measured.as('value')]).where('r.type', '=', type.key);
  q = withinScope(q, access.scope);
  for (const f of input.filters ?? []) q = q.where(filterExpr(d, type, f) as RawBuilder<boolean>);
  // By position: the group expression carries bound parameters, which Postgres would number anew in GROUP BY.
  if (input.groupBy) q = q.groupBy(sql`1` as never);
  const rows = (await q.execute()) as { key: unknown; value: unknown }[];
  return rows.map((r) => ({ key: r.key === null || r.key === undefined ? null : String(r.key), value: Number(r.value ?? 0) }));
}

/** Compiled list statements per type definition (a new revision is a new object: old entries go with it). */
const compiledLists = new WeakMap<EntityType, Map<string, CompiledQuery>>();
const COMPILED_PER_TYPE = 1000;

function compiledFor(type: EntityType): Map<string, CompiledQuery> {
  let m = compiledLists.get(type);
  if (!m) compiledLists.set(type, (m = new Map()));
  return m;
}

function rememberCompiled(type: EntityType, key: string, compiled: CompiledQuery): CompiledQuery {
  const m = compiledFor(type);
  if (m.size >= COMPILED_PER_TYPE) m.delete(m.keys().next().value!);
  m.set(key, compiled);
  return compiled;
}
