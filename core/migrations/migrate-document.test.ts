// The migration runner, and the guard that keeps the migrations list contiguous and tested.
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, defaultTheme } from '../schema/document';
import { deepFreeze } from '../tree/test-helpers';
import { migrateDocument, runMigrations } from './migrate-document';
import { migrations } from './migrations';
import { MigrationError, type Migration } from './types';

const current = () =>
  deepFreeze({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    pages: [{ id: 'home', path: '/', title: { en: 'Home' }, inNav: true, blocks: [] }],
    navigation: ['home'],
    theme: defaultTheme,
    texts: {},
  });

describe('migrateDocument', () => {
  it('passes an already-current document through unchanged', () => {
    const doc = current();
    const result = migrateDocument(doc);
    expect(result).toEqual({ document: doc, fromVersion: CURRENT_SCHEMA_VERSION, applied: [] });
    expect(result.document).toBe(doc);
  });

  it('treats a missing schemaVersion as version 0 and brings it to the current version', () => {
    const { schemaVersion: _v, ...legacy } = current();
    const result = migrateDocument(legacy);
    expect(result.fromVersion).toBe(0);
    expect(result.applied).toEqual(migrations.map((m) => m.to));
    expect((result.document as { schemaVersion: unknown }).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('rejects a document from a newer version with a clear message', () => {
    const newer = { ...current(), schemaVersion: CURRENT_SCHEMA_VERSION + 1 };
    expect(() => migrateDocument(newer)).toThrow(MigrationError);
    expect(() => migrateDocument(newer)).toThrow(/newer than this version of Portico supports/);
  });

  it.each([null, undefined, 'a document', 42, true, [], [current()]])('rejects a non-object input: %j', (input) => {
    expect(() => migrateDocument(input)).toThrow(MigrationError);
  });

  it.each(['1', -1, 0.5, Number.NaN, null])('rejects a schemaVersion that is not a whole number ≥ 0: %j', (schemaVersion) => {
    expect(() => migrateDocument({ ...current(), schemaVersion })).toThrow(/schemaVersion must be a whole number/);
  });

  it('rejects data that is not plain JSON', () => {
    expect(() => migrateDocument({ pages: [], hook: () => 1 })).toThrow(MigrationError);
  });

  it('never mutates its (deep-frozen) input', () => {
    const { schemaVersion: _v, ...legacy } = current();
    const input = deepFreeze({ ...legacy, pages: [{ id: 'home', path: '/', title: 'Home', inNav: true, blocks: [] }] });
    const before = JSON.stringify(input);
    const { document } = migrateDocument(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(document).not.toBe(input);
  });
});

describe('runMigrations', () => {
  const append = (from: number): Migration => ({
    from,
    to: from + 1,
    description: `step ${from}`,
    up: (doc) => ({ ...doc, trail: [...(Array.isArray(doc.trail) ? doc.trail : []), from] }),
  });

  it('applies each step in order, each on the previous output, stamping the version', () => {
    const result = runMigrations({ trail: [] }, [append(0), append(1), append(2)], 3);
    expect(result).toEqual({ document: { trail: [0, 1, 2], schemaVersion: 3 }, fromVersion: 0, applied: [1, 2, 3] });
  });

  it('starts from the stored version', () => {
    const result = runMigrations({ schemaVersion: 2, trail: [] }, [append(0), append(1), append(2)], 3);
    expect(result.applied).toEqual([3]);
    expect(result.document).toEqual({ schemaVersion: 3, trail: [2] });
  });

  it('fails on a gap in the list instead of skipping a version', () => {
    expect(() => runMigrations({}, [append(0), append(2)], 3)).toThrow(/no migration from schema version 1 to 2/);
  });

  it('fails when a migration returns something other than an object', () => {
    const broken: Migration = { from: 0, to: 1, description: 'broken', up: () => null as unknown as Record<string, unknown> };
    expect(() => runMigrations({}, [broken], 1)).toThrow(/did not return an object/);
  });
});

describe('the migrations list', () => {
  it('is strictly ordered and contiguous from 0 to CURRENT_SCHEMA_VERSION', () => {
    expect(migrations.map((m) => [m.from, m.to])).toEqual(
      Array.from({ length: CURRENT_SCHEMA_VERSION }, (_, i) => [i, i + 1]),
    );
    for (const m of migrations) expect(m.description.length).toBeGreaterThan(0);
  });

  it('has one module per migration, numbered by its target version, each with its own test file', () => {
    const modules = import.meta.glob<Record<string, unknown>>(['./[0-9][0-9][0-9][0-9]-*.ts', '!./*.test.ts'], { eager: true });
    const tests = Object.keys(import.meta.glob('./[0-9][0-9][0-9][0-9]-*.test.ts'));
    const listed = new Set<unknown>(migrations);
    expect(Object.keys(modules)).toHaveLength(migrations.length);
    for (const [file, exports] of Object.entries(modules)) {
      const own = Object.values(exports).filter((v) => listed.has(v)) as Migration[];
      expect(own, `${file} exports a migration that is in the list`).toHaveLength(1);
      expect(file.startsWith(`./${String(own[0]?.to).padStart(4, '0')}-`)).toBe(true);
      expect(tests).toContain(file.replace(/\.ts$/, '.test.ts'));
    }
  });
});
