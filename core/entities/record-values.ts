// A record's data checked against its entity type: one zod schema per field type, defaults, required
// fields, and a patch merged onto the stored data. Relations and files arrive as references that the
// server resolves (an id or an external id; a stored file's id); everything else is final here.
import { z } from 'zod';
import { COUNTRY, CURRENCY, ISO_DATE, isRealDate, PHONE, type EntityType, type FieldDef } from './entity-type';

/** A record's stored data: field key → value; absent fields are simply missing (never null). */
export type RecordData = Record<string, unknown>;
/** A relation as written: a record id, or the external id of a record of the target type. */
export type RelationRef = string | { externalId: string };
export type FileRef = { id: string };
export type StoredFile = { id: string; name: string; mime: string; bytes: number };
export type MoneyValue = { amount: number; currency: string };
export type AddressValue = { street?: string; postalCode?: string; city?: string; region?: string; country?: string };

export type FieldIssue = { field: string; message: string };

export type WriteMode = 'create' | 'replace' | 'patch';

const fourDecimals = (n: number) => Math.abs(Math.round(n * 1e4) - n * 1e4) < 1e-6;
const relationRef = z.union([z.string().min(1).max(200), z.object({ externalId: z.string().min(1).max(200) }).strict()], {
  error: 'a record id, or { "externalId": "…" }',
});

const addressSchema = z
  .object({
    street: z.string().trim().max(200).optional(),
    postalCode: z.string().trim().max(20).optional(),
    city: z.string().trim().max(100).optional(),
    region: z.string().trim().max(100).optional(),
    country: z.string().trim().toUpperCase().regex(COUNTRY, 'a two-letter country code, e.g. DE').optional(),
  })
  .strict()
  .transform((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined && v !== '')) as AddressValue)
  .refine((a) => Object.keys(a).length > 0, 'an address needs at least one part');

/** The schema of one field's value (not null: null means "clear" and is handled by the caller). */
export function valueSchema(field: FieldDef): z.ZodType {
  switch (field.type) {
    case 'text':
    case 'longText':
      return z.string().max(field.maxLength, `at most ${field.maxLength} characters`);
    case 'number': {
      let s = z.number({ error: 'a number is required' });
      if (field.integer) s = s.int('a whole number is required');
      if (field.min !== undefined) s = s.min(field.min, `at least ${field.min}`);
      if (field.max !== undefined) s = s.max(field.max, `at most ${field.max}`);
      return s;
    }
    case 'money':
      return z
        .object({
          amount: z
            .number({ error: 'an amount is required' })
            .refine((n) => Math.abs(n) < 1e13, 'the amount is too large')
            .refine(fourDecimals, 'at most four decimal places'),
          currency: z
            .string()
            .regex(CURRENCY, 'a three-letter currency code, e.g. EUR')
            .optional(),
        })
        .strict()
        .transform((m, ctx) => {
          const currency = m.currency ?? field.currency;
          if (!currency) {
            ctx.addIssue({ code: 'custom', message: 'a currency is required' });
            return z.NEVER;
          }
          if (field.currency && currency !== field.currency) {
            ctx.addIssue({ code: 'custom', message: `the currency must be ${field.currency}` });
            return z.NEVER;
          }
          return { amount: m.amount, currency } satisfies MoneyValue;
        });
    case 'date':
      // abort: a value that is not shaped like a date gets one message, not also "not a real date".
      return z.string().regex(ISO_DATE, { error: 'a date as YYYY-MM-DD', abort: true }).refine(isRealDate, 'not a real date');
    case 'datetime':
      return z.iso
        .datetime({ offset: true, error: 'a date and time as ISO 8601, e.g. 2026-05-01T09:30:00Z' })
        .transform((s) => new Date(s).toISOString());
    case 'boolean':
      return z.boolean({ error: 'true or false' });
    case 'enum': {
      const values = field.options.map((o) => o.value);
      return z.string().refine((v) => values.includes(v), { error: (iss) => `"${String(iss.input)}" is not one of: ${values.join(', ')}` });
    }
    case 'email':
      // Trim first: a pasted address often carries a space, and the email check would reject it.
      return z.string({ error: 'a valid email address' }).trim().pipe(z.email('a valid email address').max(254));
    case 'phone':
      return z.string().trim().regex(PHONE, 'a phone number, e.g. +49 30 1234567');
    case 'address':
      return addressSchema;
    case 'url':
      return z.url({ protocol: /^https?$/, error: 'an http or https address' }).max(2000);
    case 'file':
      return z.union([
        z.string().min(1).max(100).transform((id) => ({ id })),
        z
          .object({ id: z.string().min(1).max(100), name: z.string().optional(), mime: z.string().optional(), bytes: z.number().optional() })
          .strict()
          .transform(({ id }) => ({ id })),
      ], { error: 'the id of an uploaded file' });
    case 'relation':
      return relationRef;
    case 'relations':
      return z.array(relationRef).max(field.max, `at most ${field.max} ${field.max === 1 ? 'record' : 'records'}`);
  }
}

const cache = new WeakMap<FieldDef, z.ZodType>();
const schemaOf = (f: FieldDef) => {
  let s = cache.get(f);
  if (!s) cache.set(f, (s = valueSchema(f)));
  return s;
};

/**
 * Text that no store keeps faithfully: NUL (Postgres refuses it in text and JSON) and lone UTF-16
 * surrogates (not Unicode; they cannot be encoded). Refused on both databases alike.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function findUnstorable(value: unknown): string | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return 'contains a NUL character, which cannot be stored';
    if (LONE_SURROGATE.test(value)) return 'contains an unpaired surrogate (not valid Unicode)';
    return null;
  }
  if (Array.isArray(value)) {
    for (const v of value) {
      const problem = findUnstorable(v);
      if (problem) return problem;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const problem = findUnstorable(k) ?? findUnstorable(v);
      if (problem) return problem;
    }
  }
  return null;
}

/** Empty strings and empty lists count as "no value", like a cleared form field. */
const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

export type ParsedData = { ok: true; data: RecordData } | { ok: false; issues: FieldIssue[] };

/**
 * Checks `input` against the type. `create` and `replace` take the whole record (defaults fill
 * what is missing); `patch` merges onto `previous`, where null clears a field. Relation and file
 * values are left as references for the server to resolve.
 */
export function parseRecordData(type: EntityType, input: unknown, mode: WriteMode, previous: RecordData = {}): ParsedData {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, issues: [{ field: '', message: 'the data must be an object of field values' }] };
  const issues: FieldIssue[] = [];
  const fields = new Map(type.fields.map((f) => [f.key, f]));
  for (const key of Object.keys(input)) {
    if (!fields.has(key)) issues.push({ field: key, message: `"${type.label.singular}" has no field "${key}"` });
  }
  const out: RecordData = mode === 'patch' ? { ...previous } : {};
  const given = input as Record<string, unknown>;
  for (const f of type.fields) {
    if (!Object.prototype.hasOwnProperty.call(given, f.key)) {
      if (mode !== 'patch' && 'default' in f && f.default !== undefined) out[f.key] = f.default;
      continue;
    }
    const raw = given[f.key];
    if (isEmpty(raw)) {
      delete out[f.key];
      continue;
    }
    const unstorable = findUnstorable(raw);
    if (unstorable) {
      issues.push({ field: f.key, message: unstorable });
      continue;
    }
    const parsed = schemaOf(f).safeParse(raw);
    if (parsed.success) out[f.key] = parsed.data;
    else issues.push({ field: f.key, message: parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ') });
  }
  for (const f of type.fields) {
    if (f.required && isEmpty(out[f.key]) && !issues.some((i) => i.field === f.key)) issues.push({ field: f.key, message: `${f.label} is required` });
  }
  return issues.length ? { ok: false, issues } : { ok: true, data: out };
}

/** The text a record is listed and searched by: its title field's value. */
export function recordTitle(type: EntityType, data: RecordData): string {
  const v = data[type.titleField];
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
