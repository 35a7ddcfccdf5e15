// Which fields the records table shows: the title field first, then the type's fields in order,
// leaving out long texts (they do not fit a cell), up to a handful so the table stays readable.
import { SORTABLE, type EntityType, type FieldDef } from '../../core';

export const MAX_COLUMNS = 6;

export function pickColumns(type: EntityType, max = MAX_COLUMNS): FieldDef[] {
  const title = type.fields.find((f) => f.key === type.titleField);
  const rest = type.fields.filter((f) => f !== title && f.type !== 'longText');
  return [...(title ? [title] : []), ...rest].slice(0, max);
}

export const isSortable = (f: Pick<FieldDef, 'type'>) => SORTABLE.has(f.type);

export type SortState = { field: string; dir: 'asc' | 'desc' } | null;

/** A header click: unsorted → ascending → descending → unsorted (the default order, newest first). */
export function nextSort(current: SortState, field: string): SortState {
  if (!current || current.field !== field) return { field, dir: 'asc' };
  return current.dir === 'asc' ? { field, dir: 'desc' } : null;
}

/** Ids of linked records shown in these columns, by target type (for looking up their titles). */
export function linkedIds(columns: readonly FieldDef[], rows: readonly { data: Record<string, unknown> }[]): Map<string, string[]> {
  const byTarget = new Map<string, Set<string>>();
  for (const f of columns) {
    if (f.type !== 'relation' && f.type !== 'relations') continue;
    const set = byTarget.get(f.target) ?? new Set<string>();
    for (const r of rows) {
      const v = r.data[f.key];
      for (const id of Array.isArray(v) ? v : v ? [v] : []) if (typeof id === 'string') set.add(id);
    }
    byTarget.set(f.target, set);
  }
  return new Map([...byTarget].filter(([, s]) => s.size > 0).map(([t, s]) => [t, [...s].sort()]));
}
