// Hot-path queries compiled once: Kysely builds and compiles a query's tree on every call, which
// costs more than running it on SQLite. A prepared query is compiled with placeholder values, then
// executed with the real ones substituted in the same positions.
import { randomBytes } from 'node:crypto';
import type { CompiledQuery, Kysely } from 'kysely';

// A per-process random token makes the placeholders impossible to confuse with real values.
const TOKEN = randomBytes(12).toString('hex');
const PLACEHOLDER = new RegExp(`^portico-arg-(\\d+)-${TOKEN}$`);

/** A value that marks where the i-th argument goes; never a real parameter. */
export const arg = (i: number): string => `portico-arg-${i}-${TOKEN}`;

export function prepareQuery<DB, Row, Args extends unknown[]>(
  build: (db: Kysely<DB>) => { compile(): CompiledQuery<Row> },
): (db: Kysely<DB>, ...args: Args) => Promise<Row[]> {
  const compiled = new WeakMap<Kysely<DB>, { query: CompiledQuery<Row>; slots: (number | null)[] }>();
  return async (db, ...args) => {
    let entry = compiled.get(db);
    if (!entry) {
      const query = build(db).compile();
      const slots = query.parameters.map((p) => {
        const m = typeof p === 'string' ? PLACEHOLDER.exec(p) : null;
        return m ? Number(m[1]) : null;
      });
      compiled.set(db, (entry = { query, slots }));
    }
    const { query, slots } = entry;
    const parameters = query.parameters.map((p, i) => (slots[i] === null ? p : args[slots[i]!]));
    return (await db.executeQuery<Row>({ ...query, parameters })).rows;
  };
}
