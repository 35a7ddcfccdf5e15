// Record writes: create, patch, replace, upsert by external id and delete, each one immediate
// transaction with its links and audit entry. Data is checked against the type (core), references
// resolved, and fields the writer may not write (internal ones without the scope, or beyond a
// role's field access) rejected with the field named — nothing is written then.
import { TRPCError } from '@trpc/server';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { findUnstorable, newId, parseRecordData, recordTitle, type EntityType, type FieldIssue, type RecordData, type Scope } from '../../core';
import { writeTx, type Db } from '../db/database';
import { isSqlite } from '../db/dialect';
import type { DB } from '../db/schema';
import { audit } from './audit';
import { findType, requireType } from './entity-types';
import { FieldIssuesError } from './field-issues';
import { findRecord, withinScope, type RecordAccess, type RecordView } from './record-query';
import { readData, ReferenceResolver, syncRefs, type Actor } from './record-store';

export const externalIdSchema = z
  .string()
  .trim()
  .min(1, 'an external id cannot be empty')
  .max(200)
  .regex(/^[^\s]+$/, 'an external id has no spaces')
  .refine((s) => findUnstorable(s) === null, 'an external id must be valid Unicode without NUL');

/** What a writer may do: the records it reaches, the fields it may write, and how it reads back. */
export type WriteAccess = {
  scope: Scope;
  /** Writable fields ('all': every field that is not internal, plus internal ones if `internal`). */
  editable: ReadonlySet<string> | 'all';
  /** May write internal fields (admins; API keys with the `fields:internal` scope). */
  internal: boolean;
  /** The portal user creating records (access level "own"). */
  createdByUser?: string | null;
  read: RecordAccess;
};

export const ADMIN_WRITE: WriteAccess = { scope: { kind: 'all' }, editable: 'all', internal: true, read: { scope: { kind: 'all' }, readable: 'all' } };

export type Write =
  | { mode: 'create'; data: unknown; externalId?: string | null }
  | { mode: 'patch'; id: string; data: unknown; baseRevision?: number }
  | { mode: 'replace'; id: string; data: unknown; baseRevision?: number };

export type WriteResult = { ok: true; id: string; created: boolean } | { ok: false; issues: FieldIssue[] };

const now = () => new Date().toISOString();
const notFound = (type: EntityType) => new TRPCError({ code: 'NOT_FOUND', message: `No such ${type.label.singular.toLowerCase()}.` });

/** Fields in `input` the writer may not write: each named. */
function forbiddenFields(type: EntityType, input: unknown, access: WriteAccess): FieldIssue[] {
  if (typeof input !== 'object' || input === null) return [];
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(input)) {
    const f = type.fields.find((x) => x.key === key);
    if (!f) continue; // unknown fields are reported by the data check
    if (f.internal && !access.internal) issues.push({ field: key, message: `"${key}" is an internal field; writing it needs the fields:internal scope` });
    else if (access.editable !== 'all' && !access.editable.has(key)) issues.push({ field: key, message: `you may not change "${key}"` });
  }
  return issues;
}

/**
 * Applies one write inside `trx`. Data problems come back as issues (the caller decides whether
 * they end the transaction, e.g. an import collects them row by row); a missing or out-of-scope
 * record, a stale revision or a taken external id throw.
 */
export async function applyWrite(trx: Kysely<DB>, actor: Actor, type: EntityType, write: Write, access: WriteAccess, resolver = new ReferenceResolver(trx)): Promise<WriteResult> {
  const forbidden = forbiddenFields(type, write.data, access);
  if (forbidden.length) throw new FieldIssuesError(forbidden[0]!.message, forbidden, 'FORBIDDEN');

  let previous: RecordData = {};
  let revision = 0;
  if (write.mode !== 'create') {
    // One read: the record, if it is within the writer's scope (out of scope reads as not found).
    let read = withinScope(trx.selectFrom('records as r').select(['r.data', 'r.revision']).where('r.type', '=', type.key).where('r.id', '=', write.id), access.scope);
    // Postgres: lock the row, so concurrent writes to one record queue instead of losing each
    // other's changes (SQLite's BEGIN IMMEDIATE already serialises writers).
    if (!isSqlite(trx)) read = read.forUpdate('r');
    const row = await read.executeTakeFirst();
    if (!row) throw notFound(type);
    if (write.baseRevision !== undefined && write.baseRevision !== Number(row.revision)) {
      throw new TRPCError({ code: 'CONFLICT', message: `The ${type.label.singular.toLowerCase()} was changed meanwhile (revision ${row.revision}, you edited ${write.baseRevision}).` });
    }
    previous = readData(row.data);
    revision = Number(row.revision);
  }
  let input = write.data;
  if (write.mode === 'replace') {
    // A replace keeps what the writer cannot write (e.g. internal fields for a key without that scope).
    const kept = Object.fromEntries(Object.entries(previous).filter(([k]) => forbiddenFields(type, { [k]: null }, access).length > 0));
    input = { ...kept, ...(write.data as object) };
  }
  const parsed = parseRecordData(type, input, write.mode === 'patch' ? 'patch' : 'create', previous);
  if (!parsed.ok) return parsed;
  const data = parsed.data;
  const id = write.mode === 'create' ? newId('r') : write.id;
  const issues = await resolver.resolve(type, data, { id, type: type.key });
  if (issues.length) return { ok: false, issues };

  const at = now();
  if (write.mode === 'create') {
    if (write.externalId) {
      const taken = await trx.selectFrom('records').select('id').where('type', '=', type.key).where('external_id', '=', write.externalId).executeTakeFirst();
      if (taken) throw new TRPCError({ code: 'CONFLICT', message: `A ${type.label.singular.toLowerCase()} with external id "${write.externalId}" exists already.` });
    }
    await trx
      .insertInto('records')
      .values({
        id,
        type: type.key,
        external_id: write.externalId ?? null,
        data: JSON.stringify(data),
        title: recordTitle(type, data),
        created_by_user: access.createdByUser ?? null,
        created_by: actor.id ? `${actor.kind}:${actor.id}` : actor.kind,
        created_at: at,
        updated_at: at,
        revision: 1,
      })
      .execute();
  } else {
    await trx
      .updateTable('records')
      .set({ data: JSON.stringify(data), title: recordTitle(type, data), updated_at: at, revision: revision + 1 })
      .where('id', '=', id)
      .where('revision', '=', revision)
      .executeTakeFirst()
      .then((r) => {
        if (Number(r.numUpdatedRows) !== 1) throw new TRPCError({ code: 'CONFLICT', message: `The ${type.label.singular.toLowerCase()} was changed meanwhile; try again.` });
      });
  }
  await syncRefs(trx, type, id, data);
  // The changed fields (names, not values) let a record's timeline say what changed.
  const changed = write.mode === 'create' ? [] : type.fields.map((f) => f.key).filter((k) => JSON.stringify(previous[k] ?? null) !== JSON.stringify(data[k] ?? null));
  await audit(trx, {
    actor_type: actor.kind,
    actor_id: actor.id,
    ...(actor.portalId ? { portal_id: actor.portalId } : {}),
    action: `record.${write.mode === 'create' ? 'create' : 'update'}`,
    target: `${type.key}/${id}`,
    ...(changed.length ? { details: { fields: changed } } : {}),
  });
  return { ok: true, id, created: write.mode === 'create' };
}

async function writeOne(db: Db, actor: Actor, typeKey: string, write: Write, access: WriteAccess): Promise<RecordView> {
  const id = await writeTx(db, async (trx) => {
    const type = await requireType(trx, typeKey);
    const r = await applyWrite(trx, actor, type, write, access);
    if (!r.ok) throw new FieldIssuesError(`Not saved: ${r.issues.map((i) => `${i.field || 'data'}: ${i.message}`).join('; ')}`, r.issues);
    return r.id;
  });
  const view = await findRecord(db, typeKey, id, access.read);
  if (!view) throw new TRPCError({ code: 'NOT_FOUND', message: 'The record is outside what you may read.' });
  return view;
}

export const createRecord = (db: Db, actor: Actor, input: { type: string; data: unknown; externalId?: string | null }, access = ADMIN_WRITE) =>
  writeOne(db, actor, input.type, { mode: 'create', data: input.data, externalId: input.externalId ?? null }, access);

export const updateRecord = (db: Db, actor: Actor, input: { type: string; id: string; data: unknown; baseRevision?: number }, access = ADMIN_WRITE) =>
  writeOne(db, actor, input.type, { mode: 'patch', id: input.id, data: input.data, ...(input.baseRevision !== undefined ? { baseRevision: input.baseRevision } : {}) }, access);

export const replaceRecord = (db: Db, actor: Actor, input: { type: string; id: string; data: unknown; baseRevision?: number }, access = ADMIN_WRITE) =>
  writeOne(db, actor, input.type, { mode: 'replace', id: input.id, data: input.data, ...(input.baseRevision !== undefined ? { baseRevision: input.baseRevision } : {}) }, access);

/** Creates the record with this external id, or replaces its data: how another system keeps Portico in sync. */
export async function upsertRecord(db: Db, actor: Actor, input: { type: string; externalId: string; data: unknown }, access = ADMIN_WRITE): Promise<{ record: RecordView; created: boolean }> {
  // Two first upserts of one external id at once (Postgres, read committed): the loser meets the
  // unique index or the "exists already" check; by then the record exists, so once more replaces it.
  for (let attempt = 1; ; attempt++) {
    try {
      return await upsertOnce(db, actor, input, access);
    } catch (err) {
      const collided = isUniqueViolation(err) || (err instanceof TRPCError && err.code === 'CONFLICT');
      if (!collided || attempt >= 3) throw err;
    }
  }
}

/** A unique index refused the write (Postgres 23505, SQLite SQLITE_CONSTRAINT_UNIQUE). */
export const isUniqueViolation = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && 'code' in err && (err.code === '23505' || err.code === 'SQLITE_CONSTRAINT_UNIQUE');

async function upsertOnce(db: Db, actor: Actor, input: { type: string; externalId: string; data: unknown }, access: WriteAccess): Promise<{ record: RecordView; created: boolean }> {
  let created = false;
  const id = await writeTx(db, async (trx) => {
    const type = await requireType(trx, input.type);
    const existing = await trx.selectFrom('records').select('id').where('type', '=', type.key).where('external_id', '=', input.externalId).executeTakeFirst();
    const write: Write = existing ? { mode: 'replace', id: existing.id, data: input.data } : { mode: 'create', data: input.data, externalId: input.externalId };
    const r = await applyWrite(trx, actor, type, write, access);
    if (!r.ok) throw new FieldIssuesError(`Not saved: ${r.issues.map((i) => `${i.field || 'data'}: ${i.message}`).join('; ')}`, r.issues);
    created = r.created;
    return r.id;
  });
  const record = await findRecord(db, input.type, id, access.read);
  if (!record) throw new TRPCError({ code: 'NOT_FOUND', message: 'The record is outside what you may read.' });
  return { record, created };
}

/** A foreign key refused the delete: a link was added meanwhile (Postgres 23503, SQLite FOREIGNKEY). */
const isForeignKeyViolation = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && 'code' in err && (err.code === '23503' || err.code === 'SQLITE_CONSTRAINT_FOREIGNKEY');

/**
 * Deletes a record within `scope` inside an open transaction: out of scope reads as not found, a
 * record other records link to is kept (CONFLICT), and the `record.delete` audit entry is written.
 * `nameLinks`: the refusal names the linking records (admins, API keys); portal users only learn the
 * kinds of linked records, since they may not be allowed to read them.
 */
export async function deleteInTx(trx: Kysely<DB>, actor: Actor, type: EntityType, id: string, scope: Scope, opts: { nameLinks: boolean }): Promise<void> {
  let read = withinScope(trx.selectFrom('records as r').select('r.id').where('r.type', '=', type.key).where('r.id', '=', id), scope);
  // Postgres: lock the row, so a concurrent write or delete of it queues behind this one.
  if (!isSqlite(trx)) read = read.forUpdate('r');
  if (!(await read.executeTakeFirst())) throw notFound(type);
  const referrers = await trx
    .selectFrom('record_refs as x')
    .innerJoin('records as r', 'r.id', 'x.record_id')
    .select(['r.type', 'r.title', 'x.field'])
    .where('x.target_id', '=', id)
    .where('x.record_id', '!=', id)
    .limit(6)
    .execute();
  const noun = type.label.singular.toLowerCase();
  const portalConflict = (kinds: string) =>
    new TRPCError({ code: 'CONFLICT', message: `This ${noun} cannot be deleted because other records are linked to it${kinds}. Please contact us if it should be removed.` });
  if (referrers.length) {
    if (opts.nameLinks) {
      const names = referrers.slice(0, 5).map((r) => `${r.type} "${r.title}" (${r.field})`);
      throw new TRPCError({ code: 'CONFLICT', message: `Other records link to this one: ${names.join(', ')}${referrers.length > 5 ? ' and more' : ''}. Remove those links first.` });
    }
    const labels = new Set<string>();
    for (const r of referrers) labels.add((await findType(trx, r.type))?.label.plural.toLowerCase() ?? r.type);
    throw portalConflict(` (${[...labels].join(', ')})`);
  }
  try {
    await trx.deleteFrom('records').where('id', '=', id).execute();
  } catch (err) {
    if (isForeignKeyViolation(err)) throw portalConflict('');
    throw err;
  }
  await audit(trx, { actor_type: actor.kind, actor_id: actor.id, ...(actor.portalId ? { portal_id: actor.portalId } : {}), action: 'record.delete', target: `${type.key}/${id}` });
}

/** Deletes a record no other record links to (a link names the record and field that hold it). */
export async function deleteRecord(db: Db, actor: Actor, input: { type: string; id: string }, access = ADMIN_WRITE): Promise<void> {
  await writeTx(db, async (trx) => deleteInTx(trx, actor, await requireType(trx, input.type), input.id, access.scope, { nameLinks: true }));
}
