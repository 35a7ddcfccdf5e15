// The zod schemas of the integration API: path parameters, query strings and bodies the routes
// validate, and the shapes they answer with. The OpenAPI document is generated from these same
// objects (z.toJSONSchema), so what is documented is what is checked.
import { z } from 'zod';
import { fieldSchema, FILTER_OPS, MAX_PAGE, typeKeySchema } from '../../core';
import { externalIdSchema } from '../services/records';

// ---- path parameters -------------------------------------------------------------------------

const typeParam = typeKeySchema.describe('The entity type key, e.g. `account`, `contact` or a type of your own.');
const idParam = z.string().min(1).max(64).describe("The record's id (assigned by Portico).");
const externalIdParam = externalIdSchema.describe("The record's external id: your system's id for it.");

export const noParams = z.object({}).strict();
export const typeParams = z.object({ type: typeParam }).strict();
export const recordParams = z.object({ type: typeParam, id: idParam }).strict();
export const externalParams = z.object({ type: typeParam, externalId: externalIdParam }).strict();
export const linkParams = z
  .object({ id: z.string().min(1).max(64).describe("The contact's id."), accountId: z.string().min(1).max(64).describe("The account's id.") })
  .strict();
export const linkExternalParams = z
  .object({
    externalId: externalIdSchema.describe("The contact's external id."),
    accountExternalId: externalIdSchema.describe("The account's external id."),
  })
  .strict();

// ---- query strings ---------------------------------------------------------------------------

export const noQuery = z.object({}).strict();

export const listQuery = z
  .object({
    limit: z.coerce
      .number({ error: `a whole number from 1 to ${MAX_PAGE}` })
      .int(`a whole number from 1 to ${MAX_PAGE}`)
      .min(1, `a whole number from 1 to ${MAX_PAGE}`)
      .max(MAX_PAGE, `at most ${MAX_PAGE}`)
      .default(25)
      .describe(`Records per page (1–${MAX_PAGE}, default 25).`),
    cursor: z.string().max(4000).optional().describe('`nextCursor` of the previous page, with the same sort.'),
    sort: z
      .string()
      .max(300)
      .optional()
      .describe('Comma-separated fields, `-` for descending: `-updatedAt,name`. At most 3; default newest first (`-createdAt`). Records without a value come last.'),
    fields: z.string().max(4000).optional().describe('Comma-separated fields to return in `data` (default: every field the key may read).'),
    search: z.string().max(200).optional().describe('Text search over the title and identifier fields.'),
    filter: z
      .record(z.string(), z.partialRecord(z.enum(FILTER_OPS), z.string()))
      .optional()
      .describe(
        '`filter[field][op]=value`, any number, all must match. Ops: eq, ne, lt, lte, gt, gte, in (comma-separated values), contains, startsWith, isNull (true/false), has (a record id, for relations). `filter[field]=value` means eq. Values are read by the field\'s type: numbers for number and money, true/false for boolean.',
      ),
  })
  .strict();
export type ListQuery = z.output<typeof listQuery>;

// ---- request bodies --------------------------------------------------------------------------

const recordData = z
  .record(z.string(), z.unknown())
  .describe('Field values by field key. The fields and their JSON Schema are at GET /types/{type} (and `RecordData_<type>` in this document when fetched with a key that has types:read).');

export const createBody = z
  .object({
    externalId: externalIdSchema.nullish().describe("Your system's id for the record: unique per type; upserts and relations can use it."),
    data: recordData,
  })
  .strict()
  .meta({ id: 'RecordCreate', description: 'A new record. Fields left out take their default; required fields must be given.' });

export const patchBody = z
  .object({ data: recordData.describe('The fields to change; fields left out stay as they are, null clears a field.') })
  .strict()
  .meta({ id: 'RecordPatch', description: 'A partial change of a record.' });

export const upsertBody = z
  .object({ data: recordData.describe('The whole record: fields left out are cleared (or take their default), except internal fields a key without fields:internal cannot write, which are kept.') })
  .strict()
  .meta({ id: 'RecordUpsert', description: 'The full data of the record with this external id: created if missing, replaced if present.' });

// ---- responses -------------------------------------------------------------------------------

export const recordSchema = z
  .object({
    id: z.string(),
    type: z.string().describe('The entity type key.'),
    externalId: z.string().nullable().optional().describe("Your system's id for the record, or null."),
    title: z.string().describe("The value of the type's title field."),
    data: z.record(z.string(), z.unknown()).describe('Field values by key; fields without a value are absent. Relations are record ids.'),
    createdAt: z.string().describe('ISO 8601.'),
    updatedAt: z.string().describe('ISO 8601.'),
    revision: z.number().int().describe('Increases with every change; the ETag is this number in quotes.'),
  })
  .strict()
  .meta({ id: 'Record', description: 'A record of any type.' });

export const recordPageSchema = z
  .object({
    items: z.array(recordSchema),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
  })
  .strict()
  .meta({ id: 'RecordPage' });

export const entityTypeDocSchema = z
  .object({
    key: z.string(),
    label: z.object({ singular: z.string(), plural: z.string() }).strict(),
    description: z.string().optional(),
    titleField: z.string(),
    accountLink: z.string().nullable().describe('The field linking a record to its account (`$self` for Account).'),
    contactLink: z.string().nullable().describe('The field linking a record to its contact (`$self` for Contact).'),
    builtIn: z.boolean(),
    revision: z.number().int(),
    recordCount: z.number().int(),
    updatedAt: z.string(),
    fields: z.array(fieldSchema),
    dataSchema: z.record(z.string(), z.unknown()).describe('JSON Schema (draft 2020-12) of the record data a client sends.'),
  })
  .strict()
  .meta({ id: 'EntityType', description: 'An entity type: its fields and the JSON Schema of its record data.' });

export const entityTypeListSchema = z.object({ items: z.array(entityTypeDocSchema) }).strict().meta({ id: 'EntityTypeList' });

export const openApiDocSchema = z.record(z.string(), z.unknown()).meta({ id: 'OpenApiDocument', description: 'This document.' });
