// Hot-path queries compiled once: Kysely builds and compiles a query's tree on every call, which
// costs more than running it on SQLite. A prepared query is compiled with placeholder values, then
// executed with the real ones substituted in the same positions.
import type { CompiledQuery, Kysely } from 'kysely';

/** A value that marks where the i-th argument goes; never a real parameter. */
export const arg = (i: number): string => `\u0000portico-arg-${i}\u0000`;

export function prepareQuery<DB, Row, Args extends unknown[]>(
  build: (db: Kysely<DB>) => { compile(): CompiledQuery<Row> },
): (db: Kysely<DB>, ...args: Args) => Promise<Row[]> {
  const compiled = new WeakMap<Kysely<DB>, { query: CompiledQuery<Row>; slots: (number | null)[] }>();
  return async (db, ...args) => {
    let entry = compiled.get(db);
    if (!entry) {
      const query = build(db).compile();
      const slots = query.parameters.map((p) => {
        const m = typeof p === 'string' ? /^\u0000portico-arg-(\d+)\u0000$/.exec(p) : null;
        return m ? Number(m[1]) : null;
      });
      compiled.set(db, (entry = { query, slots }));
    }
    const { query, slots } = entry;
    const parameters = query.parameters.map((p, i) => (slots[i] === null ? p : args[slots[i]!]));
    return (await db.executeQuery<Row>({ ...query, parameters })).rows;
  };
}
