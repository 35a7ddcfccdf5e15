// A record's data as the record form edits it, and back: numbers and amounts as typed text,
// date-times as the browser's local "datetime-local" value (sent as ISO 8601 instants), addresses
// as their parts, relations as record ids, files as the stored file. What the admin typed is sent
// as it is when it does not parse (e.g. "12,5" in a number box), so the server's message for that
// field appears next to it rather than a second, client-side rule.
import type { AddressValue, EntityType, FieldDef, RecordData, StoredFile } from '../../core';
import { isoToLocalInput, localInputToIso } from './type-draft';

export type MoneyInput = { amount: string; currency: string };
export type AddressInput = Required<Record<keyof AddressValue, string>>;
export type FormValue = string | boolean | MoneyInput | AddressInput | string[] | StoredFile | null;
export type FormState = Record<string, FormValue>;

export const ADDRESS_PARTS: readonly { key: keyof AddressValue; label: string; autoComplete: string }[] = [
  { key: 'street', label: 'Street', autoComplete: 'street-address' },
  { key: 'postalCode', label: 'Postal code', autoComplete: 'postal-code' },
  { key: 'city', label: 'City', autoComplete: 'address-level2' },
  { key: 'region', label: 'Region', autoComplete: 'address-level1' },
  { key: 'country', label: 'Country (two letters)', autoComplete: 'country' },
];

const emptyAddress = (): AddressInput => ({ street: '', postalCode: '', city: '', region: '', country: '' });

/** The form's value for one field from stored data (or the field's default for a new record). */
export function toFormValue(f: FieldDef, value: unknown): FormValue {
  switch (f.type) {
    case 'number':
      return typeof value === 'number' ? String(value) : '';
    case 'money': {
      const m = value as { amount?: number; currency?: string } | undefined;
      return { amount: typeof m?.amount === 'number' ? String(m.amount) : '', currency: m?.currency ?? f.currency ?? '' };
    }
    case 'datetime':
      return isoToLocalInput(typeof value === 'string' ? value : undefined);
    case 'boolean':
      return value === true;
    case 'address':
      return { ...emptyAddress(), ...(value as AddressValue | undefined) };
    case 'relation':
      return typeof value === 'string' ? value : null;
    case 'relations':
      return Array.isArray(value) ? value.map(String) : [];
    case 'file':
      return value && typeof value === 'object' ? (value as StoredFile) : null;
    default:
      return typeof value === 'string' ? value : '';
  }
}

/** The form for a record: its data, or for a new record the fields' defaults. */
export function recordToForm(type: EntityType, data: RecordData | null): FormState {
  const form: FormState = {};
  for (const f of type.fields) {
    const stored = data ? data[f.key] : 'default' in f ? f.default : undefined;
    form[f.key] = toFormValue(f, stored);
  }
  return form;
}

const numberOrText = (s: string): number | string => {
  const t = s.trim();
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? n : t;
};

/** The value to send for one field; undefined when the field is empty. */
export function fromFormValue(f: FieldDef, v: FormValue): unknown {
  switch (f.type) {
    case 'number': {
      const s = String(v ?? '').trim();
      return s ? numberOrText(s) : undefined;
    }
    case 'money': {
      const m = v as MoneyInput;
      if (!m.amount.trim()) return undefined;
      const currency = m.currency.trim().toUpperCase();
      // A field with a fixed currency fills it in on the server.
      return { amount: numberOrText(m.amount), ...(currency && !f.currency ? { currency } : {}) };
    }
    case 'datetime': {
      const s = String(v ?? '');
      return s ? localInputToIso(s) || s : undefined;
    }
    case 'boolean':
      return v === true;
    case 'address': {
      const a = v as AddressInput;
      const parts = Object.fromEntries(Object.entries(a).filter(([, x]) => x.trim() !== '').map(([k, x]) => [k, x.trim()]));
      return Object.keys(parts).length ? parts : undefined;
    }
    case 'relation':
      return typeof v === 'string' && v ? v : undefined;
    case 'relations':
      return Array.isArray(v) && v.length ? v : undefined;
    case 'file':
      return v && typeof v === 'object' && 'id' in v ? { id: v.id } : undefined;
    default: {
      const s = typeof v === 'string' ? v : '';
      return s.trim() === '' ? undefined : s;
    }
  }
}

/** The data of a new record: filled fields only (the server applies defaults and required rules). */
export function formToCreateData(type: EntityType, form: FormState): RecordData {
  const data: RecordData = {};
  for (const f of type.fields) {
    const v = fromFormValue(f, form[f.key] ?? null);
    if (v !== undefined) data[f.key] = v;
  }
  return data;
}

/** A patch for an edited record: changed fields only, null for a field that was cleared. */
export function formToPatch(type: EntityType, initial: FormState, form: FormState): RecordData {
  const patch: RecordData = {};
  for (const f of type.fields) {
    const before = fromFormValue(f, initial[f.key] ?? null);
    const after = fromFormValue(f, form[f.key] ?? null);
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    patch[f.key] = after === undefined ? null : after;
  }
  return patch;
}
