// Entity types as admins define them: fields with a type and flags, the title field, and the fields
// that link a record to an account and to a contact (what the access levels "account" and "contact"
// mean for this type). Pure schema; the server checks what needs the database (relation targets).
import { z } from 'zod';

export const FIELD_TYPES = [
  'text',
  'longText',
  'number',
  'money',
  'date',
  'datetime',
  'boolean',
  'enum',
  'email',
  'phone',
  'address',
  'url',
  'file',
  'relation',
  'relations',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Keys the system owns on every record; a field may not take them. */
export const SYSTEM_FIELDS = ['id', 'externalId', 'createdAt', 'updatedAt', 'revision', 'type'] as const;
export type SystemField = (typeof SYSTEM_FIELDS)[number];

/** A link field may also be the record itself: an Account is its own account, a Contact its own contact. */
export const SELF_LINK = '$self';

export const typeKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'use 2–40 lowercase letters, digits or _, starting with a letter');
export const fieldKeySchema = z
  .string()
  .regex(/^[a-z][A-Za-z0-9_]{0,39}$/, 'use up to 40 letters, digits or _, starting with a lowercase letter')
  .refine((k) => !(SYSTEM_FIELDS as readonly string[]).includes(k), { message: 'this name is reserved for a system field' });

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const CURRENCY = /^[A-Z]{3}$/;
export const COUNTRY = /^[A-Z]{2}$/;
export const PHONE = /^\+?[0-9(][0-9 ()./-]{2,30}$/;
/** A calendar day that exists: 2026-02-28 is one, 2026-02-30 is not. */
export const isRealDate = (s: string): boolean => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
export const MAX_FILE_BYTES = 25 * 1024 * 1024;
export const DEFAULT_FILE_BYTES = 10 * 1024 * 1024;

const label = z.string().trim().min(1, 'a label is required').max(80);
const common = {
  key: fieldKeySchema,
  label,
  description: z.string().trim().max(300).optional(),
  required: z.boolean().default(false),
  /** Never visible in a portal, whatever a role grants. */
  internal: z.boolean().default(false),
  /** End users may find a record by it (e.g. contract number + postcode). */
  identifier: z.boolean().default(false),
};

const moneyValue = z.object({ amount: z.number(), currency: z.string().regex(CURRENCY) }).strict();
const enumOption = z.object({ value: z.string().trim().min(1).max(60), label: z.string().trim().min(1).max(80) }).strict();

export const fieldSchema = z.discriminatedUnion('type', [
  z.object({ ...common, type: z.literal('text'), maxLength: z.number().int().min(1).max(10_000).default(500), default: z.string().optional() }).strict(),
  z.object({ ...common, type: z.literal('longText'), maxLength: z.number().int().min(1).max(100_000).default(20_000), default: z.string().optional() }).strict(),
  z
    .object({
      ...common,
      type: z.literal('number'),
      integer: z.boolean().default(false),
      min: z.number().optional(),
      max: z.number().optional(),
      default: z.number().optional(),
    })
    .strict(),
  z.object({ ...common, type: z.literal('money'), currency: z.string().regex(CURRENCY, 'a three-letter currency code, e.g. EUR').optional(), default: moneyValue.optional() }).strict(),
  z.object({ ...common, type: z.literal('date'), default: z.string().regex(ISO_DATE, { error: 'a date as YYYY-MM-DD', abort: true }).refine(isRealDate, 'not a real date').optional() }).strict(),
  // Stored like every datetime value: in UTC (record values are normalised the same way).
  z.object({ ...common, type: z.literal('datetime'), default: z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString()).optional() }).strict(),
  z.object({ ...common, type: z.literal('boolean'), default: z.boolean().optional() }).strict(),
  z.object({ ...common, type: z.literal('enum'), options: z.array(enumOption).min(1, 'an enum needs at least one option').max(200), default: z.string().optional() }).strict(),
  z.object({ ...common, type: z.literal('email'), default: z.email().optional() }).strict(),
  z.object({ ...common, type: z.literal('phone'), default: z.string().trim().regex(PHONE, 'a phone number, e.g. +49 30 1234567').optional() }).strict(),
  z.object({ ...common, type: z.literal('address') }).strict(),
  z.object({ ...common, type: z.literal('url'), default: z.url({ protocol: /^https?$/, error: 'an http or https address' }).optional() }).strict(),
  z
    .object({
      ...common,
      type: z.literal('file'),
      maxBytes: z.number().int().min(1).max(MAX_FILE_BYTES).default(DEFAULT_FILE_BYTES),
      /** Allowed media types (`application/pdf`, `image/*`); empty: the built-in safe list. */
      accept: z.array(z.string().regex(/^[a-z]+\/(\*|[a-z0-9.+-]+)$/)).max(30).default([]),
    })
    .strict(),
  z.object({ ...common, type: z.literal('relation'), target: typeKeySchema }).strict(),
  z.object({ ...common, type: z.literal('relations'), target: typeKeySchema, max: z.number().int().min(1).max(1000).default(100) }).strict(),
]);
export type FieldDef = z.infer<typeof fieldSchema>;
export type FieldDefInput = z.input<typeof fieldSchema>;
export type FieldOf<T extends FieldType> = Extract<FieldDef, { type: T }>;

/** Field types an end user may search by (identifiers) or that may serve as a record's title. */
export const IDENTIFIER_TYPES: readonly FieldType[] = ['text', 'email', 'phone', 'number', 'enum'];
export const TITLE_TYPES: readonly FieldType[] = ['text', 'email', 'phone', 'number', 'enum', 'date'];

export const entityTypeSchema = z
  .object({
    key: typeKeySchema,
    label: z.object({ singular: label, plural: label }).strict(),
    description: z.string().trim().max(300).optional(),
    titleField: z.string(),
    /** A relation (or list of relations) to Account, or `$self`; null: the level "account" matches nothing. */
    accountLink: z.string().nullable().default(null),
    /** A relation (or list of relations) to Contact, or `$self`; null: the level "contact" matches own records only. */
    contactLink: z.string().nullable().default(null),
    fields: z.array(fieldSchema).min(1, 'a type needs at least one field').max(200),
  })
  .strict()
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.fields.forEach((f, i) => {
      const at = (...p: (string | number)[]) => ['fields', i, ...p];
      if (seen.has(f.key)) ctx.addIssue({ code: 'custom', path: at('key'), message: `two fields are called "${f.key}"` });
      seen.add(f.key);
      if (f.identifier && !IDENTIFIER_TYPES.includes(f.type)) ctx.addIssue({ code: 'custom', path: at('identifier'), message: `a ${f.type} field cannot be an identifier` });
      if (f.identifier && f.internal) ctx.addIssue({ code: 'custom', path: at('identifier'), message: 'an internal field cannot be an identifier: end users never see it' });
      if (f.type === 'number' && f.min !== undefined && f.max !== undefined && f.min > f.max) ctx.addIssue({ code: 'custom', path: at('min'), message: 'min is greater than max' });
      // A default is written into records as it is: it must be a value the field itself accepts.
      if (f.type === 'number' && f.default !== undefined) {
        const d = f.default;
        if (f.integer && !Number.isInteger(d)) ctx.addIssue({ code: 'custom', path: at('default'), message: 'the default must be a whole number' });
        if (f.min !== undefined && d < f.min) ctx.addIssue({ code: 'custom', path: at('default'), message: `the default is less than the minimum ${f.min}` });
        if (f.max !== undefined && d > f.max) ctx.addIssue({ code: 'custom', path: at('default'), message: `the default is greater than the maximum ${f.max}` });
      }
      if ((f.type === 'text' || f.type === 'longText') && f.default !== undefined && f.default.length > f.maxLength) {
        ctx.addIssue({ code: 'custom', path: at('default'), message: `the default is longer than ${f.maxLength} characters` });
      }
      if (f.type === 'enum') {
        const values = f.options.map((o) => o.value);
        if (new Set(values).size !== values.length) ctx.addIssue({ code: 'custom', path: at('options'), message: 'two options have the same value' });
        if (f.default !== undefined && !values.includes(f.default)) ctx.addIssue({ code: 'custom', path: at('default'), message: `the default "${f.default}" is not one of the options` });
      }
      if (f.type === 'money' && f.currency && f.default && f.default.currency !== f.currency) ctx.addIssue({ code: 'custom', path: at('default'), message: `the default must be in ${f.currency}` });
    });
    const title = t.fields.find((f) => f.key === t.titleField);
    if (!title) ctx.addIssue({ code: 'custom', path: ['titleField'], message: `the title field "${t.titleField}" is not a field of this type` });
    else if (!TITLE_TYPES.includes(title.type)) ctx.addIssue({ code: 'custom', path: ['titleField'], message: `a ${title.type} field cannot be the title` });
    else if (title.internal) ctx.addIssue({ code: 'custom', path: ['titleField'], message: 'the title field cannot be internal' });
    for (const [link, target] of [
      ['accountLink', 'account'],
      ['contactLink', 'contact'],
    ] as const) {
      const name = t[link];
      if (name === null) continue;
      if (name === SELF_LINK) {
        if (t.key !== target) ctx.addIssue({ code: 'custom', path: [link], message: `only the ${target} type links to itself` });
        continue;
      }
      const f = t.fields.find((x) => x.key === name);
      if (!f) ctx.addIssue({ code: 'custom', path: [link], message: `"${name}" is not a field of this type` });
      else if ((f.type !== 'relation' && f.type !== 'relations') || f.target !== target) {
        ctx.addIssue({ code: 'custom', path: [link], message: `"${name}" must be a relation to ${target === 'account' ? 'Account' : 'Contact'}` });
      }
    }
  });
export type EntityType = z.infer<typeof entityTypeSchema>;
export type EntityTypeInput = z.input<typeof entityTypeSchema>;

export const fieldOf = (type: EntityType, key: string): FieldDef | undefined => type.fields.find((f) => f.key === key);

/** Fields an end user may ever see: all but the internal ones (roles narrow this further). */
export const portalFields = (type: EntityType): string[] => type.fields.filter((f) => !f.internal).map((f) => f.key);

/** Relation fields and their targets: what `record_refs` indexes and deletes are checked against. */
export const relationFields = (type: EntityType): (FieldOf<'relation'> | FieldOf<'relations'>)[] =>
  type.fields.filter((f): f is FieldOf<'relation'> | FieldOf<'relations'> => f.type === 'relation' || f.type === 'relations');
