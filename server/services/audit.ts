// Append-only audit entries, written in the same transaction as the change they describe.
import type { Kysely } from 'kysely';
import type { DB, NewAuditEntry } from '../db/schema';

export async function audit(
  trx: Kysely<DB>,
  entry: Omit<NewAuditEntry, 'at' | 'details'> & { details?: Record<string, unknown> },
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({ ...entry, at: new Date().toISOString(), details: JSON.stringify(entry.details ?? {}) })
    .execute();
}
