// Which database a Kysely instance talks to, for the few places where SQLite and Postgres differ.
import { SqliteAdapter, type Kysely } from 'kysely';

export const isSqlite = <T>(db: Kysely<T>): boolean => db.getExecutor().adapter instanceof SqliteAdapter;
