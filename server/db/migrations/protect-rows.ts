// Database-level immutability: triggers that refuse UPDATE and DELETE on a table, on SQLite and Postgres.
import { sql, type Kysely } from 'kysely';

import { isSqlite } from '../dialect';

export { isSqlite };

export async function protectRows(db: Kysely<unknown>, table: string, reason: string): Promise<void> {
  const t = sql.raw(table);
  const msg = sql.raw(`'${reason.replace(/'/g, "''")}'`);
  if (isSqlite(db)) {
    await sql`create trigger ${sql.raw(`${table}_no_update`)} before update on ${t} begin select raise(abort, ${msg}); end`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${t} begin select raise(abort, ${msg}); end`.execute(db);
    return;
  }
  const fn = sql.raw(`${table}_protect`);
  await sql`create function ${fn}() returns trigger language plpgsql as $$ begin raise exception ${msg}; end $$`.execute(db);
  await sql`create trigger ${sql.raw(`${table}_no_change`)} before update or delete on ${t} for each row execute function ${fn}()`.execute(db);
}
