// Entity data: admin-defined types, records (data as JSON; jsonb on Postgres), the links of their
// relation fields (what access scopes and delete checks query), stored files, and integration API
// keys. The built-in Account and Contact types are inserted by the entity-type service at start.
import { sql, type Kysely } from 'kysely';
import { isSqlite } from '../dialect';

export async function up(db: Kysely<unknown>): Promise<void> {
  const json = isSqlite(db) ? 'text' : 'jsonb';
  await db.schema
    .createTable('entity_types')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('built_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull().references('entity_types.key'))
    .addColumn('external_id', 'text')
    .addColumn('data', sql.raw(json), (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    // The portal user who created it (access level "own"); admins and API keys leave it null.
    .addColumn('created_by_user', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('records_type_external')
    .on('records')
    .columns(['type', 'external_id'])
    .unique()
    .where(sql.ref('external_id'), 'is not', null)
    .execute();
  // The default order (newest first) and keyset paging over it.
  await db.schema.createIndex('records_type_created').on('records').columns(['type', 'created_at', 'id']).execute();
  await db.schema.createIndex('records_type_title').on('records').columns(['type', 'title']).execute();
  await db.schema
    .createIndex('records_type_owner')
    .on('records')
    .columns(['type', 'created_by_user', 'created_at'])
    .where(sql.ref('created_by_user'), 'is not', null)
    .execute();

  // One row per value of a relation field: record → target. Scopes ("linked to one of these
  // accounts") read it by (field, target); deleting a target checks it by target.
  await db.schema
    .createTable('record_refs')
    .addColumn('record_id', 'text', (c) => c.notNull().references('records.id').onDelete('cascade'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull().references('records.id'))
    .addPrimaryKeyConstraint('record_refs_pk', ['field', 'target_id', 'record_id'])
    .execute();
  await db.schema.createIndex('record_refs_record').on('record_refs').columns(['record_id', 'field']).execute();
  await db.schema.createIndex('record_refs_target').on('record_refs').column('target_id').execute();

  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('storage_name', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // Shown in lists so a key can be recognised; the secret itself is only stored hashed.
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('admins.id').onDelete('set null'))
    .addColumn('last_used_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
}
