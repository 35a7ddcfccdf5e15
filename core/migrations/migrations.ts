// Every migration, in order. Add new ones at the end and raise CURRENT_SCHEMA_VERSION with them;
// a test fails if the list has a gap or does not reach the current version.
import { localizedTitles } from './0001-localized-titles';
import type { Migration } from './types';

export const migrations: readonly Migration[] = [localizedTitles];
