// Storage helpers shared by the record services: reading the JSON data column (text on SQLite,
// jsonb on Postgres), resolving relation and file references, and keeping `record_refs` (the
// relation links that scopes and delete checks read) in step with a record's data.
import type { Kysely } from 'kysely';
import {
  fileFitsField,
  relationFields,
  SAFE_FILE_TYPES,
  type EntityType,
  type FieldIssue,
  type RecordData,
  type RelationRef,
  type StoredFile,
} from '../../core';
import type { ActorType, DB } from '../db/schema';

/** Who makes a change: recorded in the audit log. */
/** Who writes; a portal user's writes also name their portal (the audit log's portal column). */
export type Actor = { kind: ActorType; id: string | null; portalId?: string };

export function readData(raw: string | Record<string, unknown>): RecordData {
  return typeof raw === 'string' ? (JSON.parse(raw) as RecordData) : raw;
}

/** Ids of a relation field's value (one or a list). */
export function refIds(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? (value as string[]) : [value as string];
}

export { fileFitsField, SAFE_FILE_TYPES };

/**
 * Resolves references within one transaction: relation values (record id, or `{ externalId }` of a
 * record of the target type) to record ids, and file values (`{ id }`) to stored files. Memoised, so
 * an import with many rows pointing at the same account looks it up once.
 */
export class ReferenceResolver {
  private readonly records = new Map<string, string | null>();
  private readonly files = new Map<string, StoredFile | null>();
  constructor(private readonly trx: Kysely<DB>) {}

  private async recordId(target: string, ref: RelationRef, self?: { id: string; type: string }): Promise<string | null> {
    const key = typeof ref === 'string' ? `${target}\u0000id\u0000${ref}` : `${target}\u0000ext\u0000${ref.externalId}`;
    if (self && typeof ref === 'string' && ref === self.id && self.type === target) return ref;
    if (this.records.has(key)) return this.records.get(key)!;
    let q = this.trx.selectFrom('records').select('id').where('type', '=', target);
    q = typeof ref === 'string' ? q.where('id', '=', ref) : q.where('external_id', '=', ref.externalId);
    const row = await q.executeTakeFirst();
    // Only hits are remembered: a record created later in the same import must be found then.
    if (row) this.records.set(key, row.id);
    return row?.id ?? null;
  }

  private async file(id: string): Promise<StoredFile | null> {
    if (!this.files.has(id)) {
      const row = await this.trx.selectFrom('files').select(['id', 'name', 'mime', 'bytes']).where('id', '=', id).executeTakeFirst();
      this.files.set(id, row ? { id: row.id, name: row.name, mime: row.mime, bytes: Number(row.bytes) } : null);
    }
    return this.files.get(id)!;
  }

  /** Replaces references in `data` (in place) and returns the problems, each naming its field. */
  async resolve(type: EntityType, data: RecordData, self?: { id: string; type: string }): Promise<FieldIssue[]> {
    const issues: FieldIssue[] = [];
    const describe = (ref: RelationRef) => (typeof ref === 'string' ? `id "${ref}"` : `external id "${ref.externalId}"`);
    for (const f of type.fields) {
      const value = data[f.key];
      if (value === undefined) continue;
      if (f.type === 'relation' || f.type === 'relations') {
        const refs = (f.type === 'relation' ? [value] : value) as RelationRef[];
        const ids: string[] = [];
        for (const ref of refs) {
          const id = await this.recordId(f.target, ref, self);
          if (id === null) issues.push({ field: f.key, message: `there is no ${f.target} with ${describe(ref)}` });
          else if (!ids.includes(id)) ids.push(id);
        }
        data[f.key] = f.type === 'relation' ? ids[0] : ids;
      } else if (f.type === 'file') {
        const { id } = value as { id: string };
        const file = await this.file(id);
        if (!file) issues.push({ field: f.key, message: `there is no uploaded file "${id}"` });
        else {
          const problem = fileFitsField(f, file);
          if (problem) issues.push({ field: f.key, message: problem });
          else data[f.key] = file;
        }
      }
    }
    return issues;
  }
}

/** Rewrites a record's rows in `record_refs` from its data. */
export async function syncRefs(trx: Kysely<DB>, type: EntityType, recordId: string, data: RecordData): Promise<void> {
  await trx.deleteFrom('record_refs').where('record_id', '=', recordId).execute();
  const rows = relationFields(type).flatMap((f) => refIds(data[f.key]).map((target_id) => ({ record_id: recordId, field: f.key, target_id })));
  if (rows.length) await trx.insertInto('record_refs').values(rows).execute();
}
