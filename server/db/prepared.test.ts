import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from './database';
import { arg, prepareQuery } from './prepared';
import type { DB } from './schema';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-prepared-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('prepareQuery', () => {
  it('runs the compiled query with each call\u2019s arguments, keeping fixed values in place', async () => {
    const db = await openDatabase({ kind: 'sqlite', file: path.join(dir, 'p.sqlite') });
    try {
      await migrateToLatest(db);
      const ts = new Date().toISOString();
      for (const [id, slug, def] of [['1', 'alpha', 1], ['2', 'beta', 0], ['3', 'gamma', 0]] as const) {
        await db.insertInto('portals').values({ id, slug, name: slug, active: 1, is_default: def, archived_at: null, published_version_id: null, settings: '{}', created_at: ts, updated_at: ts }).execute();
      }
      const find = prepareQuery<DB, { id: string }, [string, string]>((d) =>
        d.selectFrom('portals').select('id').where('active', '=', 1).where((eb) => eb.or([eb('slug', '=', arg(0)), eb('slug', '=', arg(1))])).orderBy('id'),
      );
      expect(await find(db, 'alpha', 'gamma')).toEqual([{ id: '1' }, { id: '3' }]);
      expect(await find(db, 'beta', 'nope')).toEqual([{ id: '2' }]);
      expect(await find(db, "x' or 1=1 --", 'y')).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
