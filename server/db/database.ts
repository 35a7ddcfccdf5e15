// Opens the store: an SQLite file (default) or Postgres (scale-out), behind one Kysely interface.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, type Migration, type MigrationProvider } from 'kysely';
import type { Config } from '../config';
import type { DB } from './schema';
import { ImmediateSqliteDialect } from './sqlite-driver';
import * as m0001 from './migrations/0001-foundation';
import * as m0002 from './migrations/0002-assets';
import * as m0003 from './migrations/0003-entities';
import * as m0004 from './migrations/0004-portal-access';
import * as m0005 from './migrations/0005-portal-actions';

export type Db = Kysely<DB>;

/** Ordered, versioned migrations; the names sort in the order they run. */
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-assets': m0002,
  '0003-entities': m0003,
  '0004-portal-access': m0004,
  '0005-portal-actions': m0005,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export function openSqlite(file: string): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Reads hit memory, not read() calls: lists look records up by id across the whole table. The
  // page cache (64 MB) and the memory map (256 MB) are upper bounds, taken only as the file grows.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('mmap_size = 268435456');
  return sqlite;
}

export async function openDatabase(config: Config['database']): Promise<Db> {
  if (config.kind === 'sqlite') return new Kysely<DB>({ dialect: new ImmediateSqliteDialect(openSqlite(config.file)) });
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: config.url, max: 10 });
  // An idle connection can be cut (a server restart, a failover, a dropped database): pg reports it
  // on the pool, where an unhandled 'error' would end the process. The pool replaces the client.
  pool.on('error', (err) => console.warn(`postgres: an idle connection was closed (${err.message}); it will be replaced`));
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

/** Applies pending migrations; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Reads are fine outside a transaction; every write goes through here (BEGIN IMMEDIATE on SQLite). */
export function writeTx<T>(db: Db, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}
