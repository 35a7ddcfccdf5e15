// Upgrades a stored portal document to the current schema version on read. It does not validate
// the result: callers pass it on to validateDocument (blocks/), which reports problems precisely.
import { CURRENT_SCHEMA_VERSION } from '../schema/document';
import { migrations } from './migrations';
import { MigrationError, type Migration } from './types';

export type MigrationResult = { document: unknown; fromVersion: number; applied: number[] };

/**
 * Applies the migrations from the document's `schemaVersion` (absent: 0) up to the current version.
 * `applied` lists the target version of each migration run. A document already current is returned
 * as it is (same object); otherwise the input is deep-copied first and never mutated.
 */
export function migrateDocument(raw: unknown): MigrationResult {
  return runMigrations(raw, migrations, CURRENT_SCHEMA_VERSION);
}

/** The runner behind migrateDocument, with the list and target as parameters so tests can drive it. */
export function runMigrations(raw: unknown, list: readonly Migration[], target: number): MigrationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new MigrationError(`a portal document must be a JSON object, got ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw}`);
  }
  const version = 'schemaVersion' in raw ? raw.schemaVersion : 0;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    throw new MigrationError(`schemaVersion must be a whole number ≥ 0, got ${JSON.stringify(version)}`);
  }
  if (version > target) {
    throw new MigrationError(`document schema version ${version} is newer than this version of Portico supports (${target}); upgrade Portico`);
  }
  if (version === target) return { document: raw, fromVersion: version, applied: [] };

  let doc: Record<string, unknown>;
  try {
    doc = structuredClone(raw) as Record<string, unknown>;
  } catch {
    throw new MigrationError('a portal document must be plain JSON data');
  }
  const applied: number[] = [];
  for (let v = version; v < target; v++) {
    const step = list.find((m) => m.from === v);
    if (!step || step.to !== v + 1) throw new MigrationError(`no migration from schema version ${v} to ${v + 1}`);
    const out = step.up(doc);
    if (typeof out !== 'object' || out === null || Array.isArray(out)) {
      throw new MigrationError(`migration ${step.from} → ${step.to} did not return an object`);
    }
    doc = { ...out, schemaVersion: step.to };
    applied.push(step.to);
  }
  return { document: doc, fromVersion: version, applied };
}
