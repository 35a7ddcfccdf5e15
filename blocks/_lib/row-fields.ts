// Row accessors shared by the data and self-service blocks: the list (or the error) in a block's
// data, a field description for builder samples, and one record row's fields looked up by key and
// formatted for people.
import type { FieldInfo, ListResult, RecordRow } from '../../core';
import { formatValue } from './data-kit';

/** The block's data when it is a list answer, else null. */
export const listOf = (data: unknown): ListResult | null => (data && typeof data === 'object' && (data as ListResult).kind === 'list' ? (data as ListResult) : null);

/** The message of an error answer, else null. */
export const errorOf = (data: unknown): string | null => (data && typeof data === 'object' && (data as { kind?: string }).kind === 'error' ? String((data as { message?: unknown }).message) : null);

/** A read-only, optional field description (for the samples blocks show in the builder). */
export const sampleField = (key: string, label: string, type: FieldInfo['type'], extra: Partial<FieldInfo> = {}): FieldInfo => ({ key, label, type, required: false, editable: false, ...extra });

export type RowFields = {
  /** The field with this key, if the list has it. */
  field: (key: string) => FieldInfo | undefined;
  /** The row's value of that field as one line of text ('' when the field or the value is absent). */
  text: (key: string) => string;
};

/** Accessors for one row of a list: `field(key)` and `text(key)`. */
export function rowFields(fields: readonly FieldInfo[], row: RecordRow, locale: string, titles?: Record<string, string>): RowFields {
  const field = (key: string) => fields.find((f) => f.key === key);
  const text = (key: string) => {
    const f = field(key);
    return f ? formatValue(f, row.data[key], locale, titles) : '';
  };
  return { field, text };
}
