// Versioned migrations for stored portal documents (DESIGN.md section 3).
export { MigrationError, type Migration } from './types';
export { migrations } from './migrations';
export { migrateDocument, runMigrations, type MigrationResult } from './migrate-document';
