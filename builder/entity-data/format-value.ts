// How a stored value reads in the records table: amounts with their currency, dates in the
// browser's locale (a date-only value is a calendar day, never shifted by the time zone), choices
// by their label, linked records by their title when it is known.
import type { AddressValue, FieldDef, StoredFile } from '../../core';

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const dateTimeFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const formatDate = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d);
};
export const formatDateTime = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFmt.format(d);
};

export function formatAddress(a: AddressValue): string {
  const cityLine = [a.postalCode, a.city].filter(Boolean).join(' ');
  return [a.street, cityLine, a.region, a.country].filter(Boolean).join(', ');
}

/** A value as one line of text; '' when there is none. `titles` maps record ids to their titles. */
export function formatValue(f: FieldDef, value: unknown, titles: ReadonlyMap<string, string> = new Map()): string {
  if (value === undefined || value === null || value === '') return '';
  switch (f.type) {
    case 'number':
      return typeof value === 'number' ? value.toLocaleString() : String(value);
    case 'money': {
      const m = value as { amount: number; currency: string };
      return formatMoney(m.amount, m.currency);
    }
    case 'date':
      return formatDate(String(value));
    case 'datetime':
      return formatDateTime(String(value));
    case 'boolean':
      return value ? 'Yes' : 'No';
    case 'enum':
      return f.options.find((o) => o.value === value)?.label ?? String(value);
    case 'address':
      return formatAddress(value as AddressValue);
    case 'file':
      return (value as StoredFile).name ?? '';
    case 'relation':
      return titles.get(String(value)) ?? String(value);
    case 'relations': {
      const ids = value as string[];
      if (ids.length === 0) return '';
      const named = ids.map((id) => titles.get(id) ?? id);
      return named.length <= 2 ? named.join(', ') : `${named.slice(0, 2).join(', ')} +${named.length - 2}`;
    }
    default:
      return String(value);
  }
}
