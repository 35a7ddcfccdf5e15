// Entity types: the built-ins, admin-defined types, and changes to a type with records in it —
// every stored record migrated by the plan from core, or nothing changed and the records at fault
// named. Definitions are cached per (key, revision), so reads cost one primary-key lookup.
import { TRPCError } from '@trpc/server';
import type { Kysely } from 'kysely';
import {
  builtInTypes,
  entityTypeSchema,
  isBuiltInType,
  lockedFields,
  planTypeChange,
  recordTitle,
  relationFields,
  type EntityType,
  type FieldIssue,
} from '../../core';
import { writeTx, type Db } from '../db/database';
import { arg, prepareQuery } from '../db/prepared';
import type { DB } from '../db/schema';
import { audit } from './audit';
import { FieldIssuesError } from './field-issues';
import { readData, syncRefs, type Actor } from './record-store';

export type EntityTypeSummary = EntityType & { builtIn: boolean; revision: number; recordCount: number; updatedAt: string };

const cache = new Map<string, { revision: number; type: EntityType }>();
const now = () => new Date().toISOString();

const notFound = (key: string) => new TRPCError({ code: 'NOT_FOUND', message: `There is no entity type "${key}".` });

/** Inserts the built-in Account and Contact types when missing (at start, after migrations). */
export async function ensureBuiltInTypes(db: Db): Promise<void> {
  await writeTx(db, async (trx) => {
    for (const t of builtInTypes) {
      const row = await trx.selectFrom('entity_types').select('key').where('key', '=', t.key).executeTakeFirst();
      if (row) continue;
      const at = now();
      await trx
        .insertInto('entity_types')
        .values({ key: t.key, definition: JSON.stringify(t), built_in: 1, revision: 1, created_at: at, updated_at: at })
        .execute();
    }
  });
}

function parseRow(row: { key: string; definition: string; revision: number }): EntityType {
  const hit = cache.get(row.key);
  if (hit && hit.revision === row.revision) return hit.type;
  const type = entityTypeSchema.parse(JSON.parse(row.definition));
  cache.set(row.key, { revision: row.revision, type });
  return type;
}

// Every data block of every page view looks its type up: the revision is read with a query compiled
// once, and the definition only when it is not cached at that revision.
const typeRevision = prepareQuery<DB, { revision: number }, [string]>((db) => db.selectFrom('entity_types').select('revision').where('key', '=', arg(0)));

export async function findType(db: Kysely<DB>, key: string): Promise<EntityType | undefined> {
  const hit = cache.get(key);
  if (hit) {
    const [row] = await typeRevision(db, key);
    if (!row) return undefined;
    if (Number(row.revision) === hit.revision) return hit.type;
  }
  const row = await db.selectFrom('entity_types').select(['key', 'definition', 'revision']).where('key', '=', key).executeTakeFirst();
  return row ? parseRow(row) : undefined;
}

/** The current definition of a type, or NOT_FOUND. */
export async function requireType(db: Kysely<DB>, key: string): Promise<EntityType> {
  const type = await findType(db, key);
  if (!type) throw notFound(key);
  return type;
}

export async function listTypes(db: Db): Promise<EntityTypeSummary[]> {
  const [rows, counts] = await Promise.all([
    db.selectFrom('entity_types').selectAll().orderBy('built_in', 'desc').orderBy('key').execute(),
    db.selectFrom('records').select(['type', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('type').execute(),
  ]);
  return rows.map((r) => ({
    ...parseRow(r),
    builtIn: r.built_in === 1,
    revision: r.revision,
    recordCount: Number(counts.find((c) => c.type === r.key)?.n ?? 0),
    updatedAt: r.updated_at,
  }));
}

export async function getTypeSummary(db: Db, key: string): Promise<EntityTypeSummary> {
  const found = (await listTypes(db)).find((t) => t.key === key);
  if (!found) throw notFound(key);
  return found;
}

/** Checks a definition: its own rules (core) and its relation targets (they must exist). */
async function checkDefinition(trx: Kysely<DB>, input: unknown): Promise<EntityType> {
  const parsed = entityTypeSchema.safeParse(input);
  if (!parsed.success) {
    throw new FieldIssuesError(
      'The entity type is not valid.',
      parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    );
  }
  const type = parsed.data;
  const issues: FieldIssue[] = [];
  for (const f of relationFields(type)) {
    if (f.target !== type.key && !(await findType(trx, f.target))) issues.push({ field: f.key, message: `links to "${f.target}", which is not an entity type` });
  }
  if (issues.length) throw new FieldIssuesError('The entity type is not valid.', issues);
  return type;
}

export async function createType(db: Db, actor: Actor, input: unknown): Promise<EntityTypeSummary> {
  await writeTx(db, async (trx) => {
    const type = await checkDefinition(trx, input);
    if (await findType(trx, type.key)) throw new TRPCError({ code: 'CONFLICT', message: `An entity type "${type.key}" exists already.` });
    const at = now();
    await trx.insertInto('entity_types').values({ key: type.key, definition: JSON.stringify(type), built_in: 0, revision: 1, created_at: at, updated_at: at }).execute();
    await audit(trx, { actor_type: actor.kind, actor_id: actor.id, action: 'entity-type.create', target: type.key });
  });
  return getTypeSummary(db, (input as { key: string }).key);
}

const MIGRATE_BATCH = 500;
const MAX_REPORTED = 50;

/**
 * Replaces a type's definition. Every stored record is migrated by the plan in the same transaction;
 * if any record cannot be, nothing changes and the records and fields at fault are reported.
 */
export async function updateType(
  db: Db,
  actor: Actor,
  input: { key: string; baseRevision: number; definition: unknown; confirmRemoved?: string[] },
): Promise<EntityTypeSummary & { migrated: number }> {
  let migrated = 0;
  await writeTx(db, async (trx) => {
    const row = await trx.selectFrom('entity_types').selectAll().where('key', '=', input.key).executeTakeFirst();
    if (!row) throw notFound(input.key);
    if (row.revision !== input.baseRevision) {
      throw new TRPCError({ code: 'CONFLICT', message: `The type was changed meanwhile (revision ${row.revision}, you edited ${input.baseRevision}). Reload it.` });
    }
    const before = parseRow(row);
    const after = await checkDefinition(trx, input.definition);
    if (isBuiltInType(before.key) && (after.accountLink !== before.accountLink || after.contactLink !== before.contactLink || after.titleField !== before.titleField)) {
      throw new FieldIssuesError('Built-in types keep their links and title.', [{ field: 'accountLink', message: 'the links and title field of a built-in type cannot change' }]);
    }
    const plan = planTypeChange(before, after, { confirmRemoved: input.confirmRemoved ?? [], locked: lockedFields(before.key) });
    if (!plan.ok) throw new FieldIssuesError('This change needs a decision first.', plan.issues);

    const problems: (FieldIssue & { recordId: string })[] = [];
    let problemCount = 0;
    let afterId = '';
    for (;;) {
      const batch = await trx
        .selectFrom('records')
        .select(['id', 'data'])
        .where('type', '=', before.key)
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(MIGRATE_BATCH)
        .execute();
      if (batch.length === 0) break;
      afterId = batch[batch.length - 1]!.id;
      for (const r of batch) {
        const result = plan.migrate(readData(r.data));
        if (!result.ok) {
          problemCount += result.issues.length;
          for (const i of result.issues) if (problems.length < MAX_REPORTED) problems.push({ ...i, recordId: r.id });
          continue;
        }
        if (!result.changed && !plan.relationsChanged) continue;
        if (problemCount > 0) continue;
        await trx
          .updateTable('records')
          .set({ data: JSON.stringify(result.data), title: recordTitle(after, result.data), updated_at: now(), revision: (eb) => eb('revision', '+', 1) })
          .where('id', '=', r.id)
          .execute();
        if (plan.relationsChanged) await syncRefs(trx, after, r.id, result.data);
        migrated++;
      }
    }
    if (problemCount > 0) {
      throw new FieldIssuesError(`${problemCount} stored value${problemCount === 1 ? '' : 's'} cannot be kept by this change; nothing was changed.`, problems);
    }
    await trx
      .updateTable('entity_types')
      .set({ definition: JSON.stringify(after), revision: row.revision + 1, updated_at: now() })
      .where('key', '=', before.key)
      .execute();
    await audit(trx, {
      actor_type: actor.kind,
      actor_id: actor.id,
      action: 'entity-type.update',
      target: before.key,
      details: { added: plan.added, removed: plan.removed, changed: plan.changed, migrated },
    });
  });
  return { ...(await getTypeSummary(db, input.key)), migrated };
}

/** Deletes a type with no records that no other type links to; built-ins stay. */
export async function deleteType(db: Db, actor: Actor, key: string): Promise<void> {
  await writeTx(db, async (trx) => {
    if (isBuiltInType(key)) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Built-in types cannot be deleted.' });
    await requireType(trx, key);
    const records = await trx.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).where('type', '=', key).executeTakeFirstOrThrow();
    if (Number(records.n) > 0) throw new TRPCError({ code: 'CONFLICT', message: `"${key}" still has ${records.n} records; delete them first.` });
    const others = await trx.selectFrom('entity_types').select(['key', 'definition', 'revision']).where('key', '!=', key).execute();
    const linking = others.map(parseRow).filter((t) => relationFields(t).some((f) => f.target === key));
    if (linking.length) throw new TRPCError({ code: 'CONFLICT', message: `Fields of ${linking.map((t) => `"${t.key}"`).join(', ')} link to "${key}"; change them first.` });
    await trx.deleteFrom('entity_types').where('key', '=', key).execute();
    cache.delete(key);
    await audit(trx, { actor_type: actor.kind, actor_id: actor.id, action: 'entity-type.delete', target: key });
  });
}
