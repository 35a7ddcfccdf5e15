// Portal actions (DESIGN.md section 2, step 6): the answer to each action run, kept per user and
// idempotency key so a repeated request (a double click, a retry) is applied once and answered
// alike; portal users' notification preferences; and an index that reads a record's history
// (the timeline block) from the audit log.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('action_runs')
    .addColumn('portal_id', 'text', (c) => c.notNull().references('portals.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('portal_users.id').onDelete('cascade'))
    .addColumn('idem_key', 'text', (c) => c.notNull())
    // What was asked (page, block, action, input): the same key with another request is refused.
    .addColumn('request_hash', 'text', (c) => c.notNull())
    /** ActionOutcome (core/block-data.ts) as JSON. */
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('action_runs_pk', ['portal_id', 'user_id', 'idem_key'])
    .execute();
  await db.schema.createIndex('action_runs_created').on('action_runs').column('created_at').execute();

  // JSON: topic → on/off; a topic not named is on.
  await db.schema.alterTable('portal_users').addColumn('preferences', 'text', (c) => c.notNull().defaultTo('{}')).execute();

  await db.schema.createIndex('audit_log_target').on('audit_log').columns(['target', 'id']).execute();
}
