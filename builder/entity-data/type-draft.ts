// The type editor's working copy of an entity type: every input kept as the text the admin typed
// (so "12." or an empty box survives re-renders), turned into a definition only when saving. The
// server checks the definition (core's schema plus relation targets) and names the fields at fault;
// `placeIssues` puts each of its issues next to the control it is about.
import { IDENTIFIER_TYPES, lockedFields, TITLE_TYPES, type EntityType, type FieldDef, type FieldType } from '../../core';
import type { Issue } from './issues';

export type OptionDraft = { uid: string; value: string; label: string; valueTouched: boolean };

export type FieldDraft = {
  /** A React key that survives renaming and reordering. */
  uid: string;
  /** Saved in the type already: its key is fixed (records store values under it). */
  saved: boolean;
  /** A built-in field of Account or Contact: shown, never changed. */
  locked: boolean;
  key: string;
  keyTouched: boolean;
  label: string;
  description: string;
  type: FieldType;
  required: boolean;
  internal: boolean;
  identifier: boolean;
  maxLength: string;
  integer: boolean;
  min: string;
  max: string;
  currency: string;
  options: OptionDraft[];
  /** File size limit in MB, as typed. */
  maxMb: string;
  /** Accepted media types, comma-separated. */
  accept: string;
  target: string;
  /** At most this many linked records (relations). */
  maxItems: string;
  /** The default as text: "true"/"false" for yes/no, YYYY-MM-DD, a datetime-local value, an amount. */
  defaultValue: string;
  defaultCurrency: string;
};

export type TypeDraft = {
  key: string;
  keyTouched: boolean;
  singular: string;
  plural: string;
  pluralTouched: boolean;
  description: string;
  titleField: string;
  /** '' for none. */
  accountLink: string;
  contactLink: string;
  fields: FieldDraft[];
};

/** Field types, in the order the type picker offers them, with their names in the builder. */
export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  text: 'Text',
  longText: 'Long text',
  number: 'Number',
  money: 'Money',
  date: 'Date',
  datetime: 'Date and time',
  boolean: 'Yes / no',
  enum: 'Choice',
  email: 'Email',
  phone: 'Phone',
  url: 'Web address',
  address: 'Address',
  file: 'File',
  relation: 'Link to a record',
  relations: 'Links to records',
};

/** core's rules, so the pickers offer only what the server accepts. */
export { IDENTIFIER_TYPES, TITLE_TYPES };
/** Field types that can have a default (core's schema has none for the others). */
export const DEFAULTABLE: ReadonlySet<FieldType> = new Set(['text', 'longText', 'number', 'money', 'date', 'datetime', 'boolean', 'enum', 'email', 'phone', 'url']);

let uidCounter = 0;
export const nextUid = (prefix = 'f') => `${prefix}${++uidCounter}`;

/** "Service request" → "service_request": a type key suggestion (2–40 lower-case letters, digits, _). */
export function suggestTypeKey(label: string): string {
  const base = ascii(label)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  return base;
}

/** "Contract number" → "contractNumber": a field key suggestion. */
export function suggestFieldKey(label: string): string {
  const words = ascii(label)
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const joined = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('');
  return joined.replace(/^[^a-z]+/, '').slice(0, 40);
}

/** "In progress" → "in_progress": a choice's stored value. */
export function suggestOptionValue(label: string): string {
  return ascii(label)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
}

/** An English plural good enough as a suggestion: the admin can always change it. */
export function suggestPlural(singular: string): string {
  const s = singular.trim();
  if (!s) return '';
  if (/[^aeiou]y$/i.test(s)) return `${s.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(s)) return `${s}es`;
  return `${s}s`;
}

const ascii = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

export function emptyField(type: FieldType = 'text'): FieldDraft {
  return {
    uid: nextUid(),
    saved: false,
    locked: false,
    key: '',
    keyTouched: false,
    label: '',
    description: '',
    type,
    required: false,
    internal: false,
    identifier: false,
    maxLength: '',
    integer: false,
    min: '',
    max: '',
    currency: '',
    options: [],
    maxMb: '',
    accept: '',
    target: '',
    maxItems: '',
    defaultValue: '',
    defaultCurrency: '',
  };
}

export function emptyTypeDraft(): TypeDraft {
  const name = { ...emptyField('text'), key: 'name', keyTouched: true, label: 'Name', required: true };
  return { key: '', keyTouched: false, singular: '', plural: '', pluralTouched: false, description: '', titleField: 'name', accountLink: '', contactLink: '', fields: [name] };
}

const str = (v: number | undefined) => (v === undefined ? '' : String(v));

/** A datetime-local input's value ("2026-05-01T09:30", local time) for an ISO instant, or ''. */
export function isoToLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** An ISO instant for a datetime-local value (read in the browser's time zone), or '' when empty or invalid. */
export function localInputToIso(local: string): string {
  if (!local) return '';
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

export function fieldToDraft(f: FieldDef, locked: boolean): FieldDraft {
  const d: FieldDraft = {
    ...emptyField(f.type),
    saved: true,
    locked,
    key: f.key,
    keyTouched: true,
    label: f.label,
    description: f.description ?? '',
    required: f.required,
    internal: f.internal,
    identifier: f.identifier,
  };
  switch (f.type) {
    case 'text':
    case 'longText':
      d.maxLength = String(f.maxLength);
      d.defaultValue = f.default ?? '';
      break;
    case 'number':
      d.integer = f.integer;
      d.min = str(f.min);
      d.max = str(f.max);
      d.defaultValue = str(f.default);
      break;
    case 'money':
      d.currency = f.currency ?? '';
      d.defaultValue = str(f.default?.amount);
      d.defaultCurrency = f.default?.currency ?? '';
      break;
    case 'date':
    case 'email':
    case 'phone':
    case 'url':
      d.defaultValue = f.default ?? '';
      break;
    case 'datetime':
      d.defaultValue = isoToLocalInput(f.default);
      break;
    case 'boolean':
      d.defaultValue = f.default === undefined ? '' : String(f.default);
      break;
    case 'enum':
      d.options = f.options.map((o) => ({ uid: nextUid('o'), value: o.value, label: o.label, valueTouched: true }));
      d.defaultValue = f.default ?? '';
      break;
    case 'file':
      d.maxMb = String(+(f.maxBytes / 1024 / 1024).toFixed(2));
      d.accept = f.accept.join(', ');
      break;
    case 'relation':
      d.target = f.target;
      break;
    case 'relations':
      d.target = f.target;
      d.maxItems = String(f.max);
      break;
    case 'address':
      break;
  }
  return d;
}

export function typeToDraft(t: EntityType): TypeDraft {
  const locked = lockedFields(t.key);
  return {
    key: t.key,
    keyTouched: true,
    singular: t.label.singular,
    plural: t.label.plural,
    pluralTouched: true,
    description: t.description ?? '',
    titleField: t.titleField,
    accountLink: t.accountLink ?? '',
    contactLink: t.contactLink ?? '',
    fields: t.fields.map((f) => fieldToDraft(f, locked.includes(f.key))),
  };
}

/** A number as typed: omitted when empty, a number when it reads as one, else the text (the server names it). */
function num(s: string): number | string | undefined {
  const t = s.trim();
  if (!t) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));

function fieldDefault(f: FieldDraft): unknown {
  const v = f.defaultValue.trim();
  if (!v || !DEFAULTABLE.has(f.type)) return undefined;
  switch (f.type) {
    case 'number':
      return num(v);
    case 'money': {
      const currency = (f.currency || f.defaultCurrency).trim().toUpperCase();
      return { amount: num(v), currency };
    }
    case 'boolean':
      return v === 'true';
    case 'datetime':
      return localInputToIso(v) || v;
    default:
      return f.defaultValue;
  }
}

/** The definition of one field, with only the options its type has. */
export function draftToField(f: FieldDraft): Record<string, unknown> {
  const common = defined({ key: f.key.trim(), label: f.label.trim(), description: f.description.trim() || undefined });
  const base = { ...common, type: f.type, required: f.required, internal: f.internal, identifier: f.identifier };
  const dflt = fieldDefault(f);
  switch (f.type) {
    case 'text':
    case 'longText':
      return defined({ ...base, maxLength: num(f.maxLength), default: dflt });
    case 'number':
      return defined({ ...base, integer: f.integer, min: num(f.min), max: num(f.max), default: dflt });
    case 'money':
      return defined({ ...base, currency: f.currency.trim().toUpperCase() || undefined, default: dflt });
    case 'enum':
      return defined({ ...base, options: f.options.map((o) => ({ value: o.value.trim(), label: o.label.trim() })), default: dflt });
    case 'file': {
      const mb = num(f.maxMb);
      return defined({
        ...base,
        maxBytes: typeof mb === 'number' ? Math.round(mb * 1024 * 1024) : mb,
        accept: f.accept
          .split(/[,\s]+/)
          .map((a) => a.trim().toLowerCase())
          .filter(Boolean),
      });
    }
    case 'relation':
      return { ...base, target: f.target };
    case 'relations':
      return defined({ ...base, target: f.target, max: num(f.maxItems) });
    case 'address':
      return base;
    default:
      return defined({ ...base, default: dflt });
  }
}

export function draftToDefinition(d: TypeDraft): Record<string, unknown> {
  return defined({
    key: d.key.trim(),
    label: { singular: d.singular.trim(), plural: d.plural.trim() },
    description: d.description.trim() || undefined,
    titleField: d.titleField,
    accountLink: d.accountLink || null,
    contactLink: d.contactLink || null,
    fields: d.fields.map(draftToField),
  });
}

/** Saved fields the draft no longer has: removing them deletes their values, so it is confirmed by name. */
export function removedFields(saved: EntityType, draft: TypeDraft): FieldDef[] {
  const kept = new Set(draft.fields.filter((f) => f.saved).map((f) => f.key));
  return saved.fields.filter((f) => !kept.has(f.key));
}

/** Fields that may link a record to an account (or contact): relations to that type. */
export function linkChoices(draft: TypeDraft, target: 'account' | 'contact'): FieldDraft[] {
  return draft.fields.filter((f) => (f.type === 'relation' || f.type === 'relations') && f.target === target && f.key.trim());
}

export function titleChoices(draft: TypeDraft): FieldDraft[] {
  return draft.fields.filter((f) => TITLE_TYPES.includes(f.type) && !f.internal && f.key.trim());
}

/** Where the server's issues belong in the editor. */
export type PlacedIssues = {
  /** Type-level controls: key, singular, plural, description, titleField, accountLink, contactLink, fields. */
  type: Record<string, string>;
  /** Per field (by uid), per option name ('' for the field as a whole). */
  fields: Record<string, Record<string, string>>;
  /** Records a change cannot keep (a migration rejection). */
  records: Issue[];
  /** Anything that names nothing on screen. */
  other: string[];
};

const TYPE_LEVEL: Record<string, string> = {
  key: 'key',
  label: 'singular',
  'label.singular': 'singular',
  'label.plural': 'plural',
  description: 'description',
  titleField: 'titleField',
  accountLink: 'accountLink',
  contactLink: 'contactLink',
  fields: 'fields',
};

const add = (to: Record<string, string>, at: string, message: string) => {
  to[at] = to[at] ? `${to[at]}; ${message}` : message;
};

/**
 * Places issues: `fields.2.key` is the key of the third field as sent (the draft's order), a bare
 * key (`amount`) is the field with that key, type-level paths go to their controls, and issues
 * with a record id are a migration rejection.
 */
export function placeIssues(draft: TypeDraft, issues: readonly Issue[]): PlacedIssues {
  const placed: PlacedIssues = { type: {}, fields: {}, records: [], other: [] };
  for (const issue of issues) {
    if (issue.recordId) {
      placed.records.push(issue);
      continue;
    }
    const path = issue.field.replace(/^definition\./, '');
    const indexed = /^fields\.(\d+)(?:\.(.+))?$/.exec(path);
    if (indexed) {
      const f = draft.fields[Number(indexed[1])];
      if (f) {
        // `options.1.value` → `options`: the options editor shows one message.
        const sub = (indexed[2] ?? '').split('.')[0]!;
        add((placed.fields[f.uid] ??= {}), sub, issue.message);
        continue;
      }
    }
    if (path in TYPE_LEVEL) {
      add(placed.type, TYPE_LEVEL[path]!, issue.message);
      continue;
    }
    const byKey = draft.fields.find((f) => f.key === path);
    if (byKey) {
      add((placed.fields[byKey.uid] ??= {}), '', issue.message);
      continue;
    }
    placed.other.push(path ? `${path}: ${issue.message}` : issue.message);
  }
  return placed;
}
