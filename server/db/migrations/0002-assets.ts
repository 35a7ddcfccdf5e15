// Uploaded images (blocks reference them as /uploads/<file_name>): the bytes live under
// DATA_DIR/uploads, this table holds what was sniffed from them and who uploaded them.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Null: a shared asset, not tied to one portal.
    .addColumn('portal_id', 'text', (c) => c.references('portals.id'))
    // The generated stored name; never derived from what the client called the file.
    .addColumn('file_name', 'text', (c) => c.notNull().unique())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('admins.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('assets_portal_created').on('assets').columns(['portal_id', 'created_at']).execute();
}
