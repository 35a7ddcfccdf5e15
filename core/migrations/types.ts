// The shape of one stored-document migration, and the error the runner throws.

/**
 * Upgrades a stored document from schema version `from` to `to` (= from + 1). `up` must not mutate
 * its argument; the runner stamps `schemaVersion` itself, so `up` needn't.
 */
export type Migration = {
  from: number;
  to: number;
  description: string;
  up: (doc: Record<string, unknown>) => Record<string, unknown>;
};

/** A stored document the runner cannot upgrade: not an object, a bad or too-new version, a gap. */
export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}
