// JSON Schemas (draft 2020-12, OpenAPI 3.1's dialect) of an entity type's record data, generated
// with zod's z.toJSONSchema from core's `valueSchema` per field: the very schemas that check the data
// when it is written. `write` is what a client sends (relations as id or { externalId }, files as an
// id); `read` is what comes back (relations as ids, files as { id, name, mime, bytes }).
import { z } from 'zod';
import { CURRENCY, valueSchema, type EntityType, type FieldDef } from '../../core';

export type JsonSchema = Record<string, unknown>;

const storedFile = z.object({ id: z.string(), name: z.string(), mime: z.string(), bytes: z.number().int() }).strict();
const storedMoney = z.object({ amount: z.number(), currency: z.string().regex(CURRENCY) }).strict();

/** The schema of a field's value as read back, where it differs from what is written. */
function readSchema(f: FieldDef): z.ZodType {
  switch (f.type) {
    case 'relation':
      return z.string().describe(`The id of a ${f.target} record.`);
    case 'relations':
      return z.array(z.string()).describe(`Ids of ${f.target} records.`);
    case 'file':
      return storedFile;
    case 'money':
      return storedMoney;
    default:
      return valueSchema(f);
  }
}

/** What JSON Schema cannot learn from a refinement (enum options, real dates) and what a person needs to know. */
function describeField(f: FieldDef, json: JsonSchema, mode: 'read' | 'write'): JsonSchema {
  const out: JsonSchema = { ...json, title: f.label };
  const notes: string[] = [];
  if (f.description) notes.push(f.description);
  if (f.internal) notes.push('Internal: never shown in portals; reading and writing it needs the fields:internal scope.');
  if (mode === 'write' && (f.type === 'relation' || f.type === 'relations')) notes.push(`A ${f.target} record: its id, or { "externalId": "…" }.`);
  if (mode === 'write' && f.type === 'file') notes.push('The id of an uploaded file.');
  if (mode === 'write' && f.type === 'money' && f.currency) notes.push(`In ${f.currency}; the currency may be left out.`);
  if (notes.length) out.description = notes.join(' ');
  if (f.type === 'enum') out.enum = f.options.map((o) => o.value);
  if (f.type === 'date') out.format = 'date';
  return out;
}

const toJson = (schema: z.ZodType): JsonSchema => {
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return json;
};

/**
 * The record data of `type` as one object schema. For `write`, required fields are listed as
 * required (creating and upserting checks them; a PATCH may leave any field out, and null clears one).
 */
export function dataJsonSchema(type: EntityType, mode: 'read' | 'write'): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const f of type.fields) properties[f.key] = describeField(f, toJson(mode === 'write' ? valueSchema(f) : readSchema(f)), mode);
  // Read back, a field may be missing (internal fields without fields:internal, a `fields=` selection).
  const required = mode === 'write' ? type.fields.filter((f) => f.required).map((f) => f.key) : [];
  return {
    type: 'object',
    title: `${type.label.singular} data`,
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: false,
  };
}
