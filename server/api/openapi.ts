// The OpenAPI 3.1 document at GET /api/v1/openapi.json, built from the route table and the zod
// schemas the routes validate with (z.toJSONSchema), so every registered route is documented as it
// behaves. Public; with a valid key that has types:read it also describes each entity type's
// records (`Record_<type>`, `RecordData_<type>`), since the types are the installation's own.
import { z } from 'zod';
import type { EntityType } from '../../core';
import { API_SCOPE_DESCRIPTIONS } from '../services/api-keys';
import { listTypes } from '../services/entity-types';
import { problemSchema } from './problem';
import { defineRoute, openApiPath, type ApiRoute, type ResponseDoc } from './route';
import { noParams, noQuery, openApiDocSchema } from './schemas';
import { dataJsonSchema, type JsonSchema } from './type-schemas';

const COMPONENT = '#/components/schemas/';

const PROBLEMS: Record<number, string> = {
  400: 'The request is not valid: a malformed body, parameter or header, or data that fails the checks (`errors` names each field).',
  401: 'No API key, or a malformed, unknown, revoked or expired one.',
  403: 'The key lacks a scope (`scope` names it), or touches an internal field without fields:internal.',
  404: 'No such entity type or record.',
  405: 'The path exists, but not with this method (`Allow` lists the methods).',
  409: 'A conflict: the external id is taken, or other records still link to the record.',
  412: 'If-Match names an older revision: the record changed meanwhile.',
  413: 'The body is too large (2 MB for JSON; imports and files say their own limit).',
  415: 'The body is not JSON.',
  500: 'An error on the server (logged; no details are given).',
};

const HEADERS: Record<NonNullable<ResponseDoc['headers']>[number], JsonSchema> = {
  ETag: { description: 'The record revision in quotes, e.g. `"3"`; send it back as If-Match.', schema: { type: 'string' } },
  Location: { description: 'The path of the new record.', schema: { type: 'string' } },
};

/** Collects the named schemas (zod `.meta({ id })`) of every conversion into `components.schemas`. */
class SchemaSet {
  readonly schemas: Record<string, JsonSchema> = {};

  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
    const { $schema: _dialect, $defs, ...rest } = json;
    for (const [id, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) this.schemas[id] ??= relink(def) as JsonSchema;
    return relink(rest) as JsonSchema;
  }
}

/** zod writes references as `#/$defs/X`; in this document they live under components. */
function relink(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relink);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = k === '$ref' && typeof v === 'string' ? v.replace(/^#\/\$defs\//, COMPONENT) : relink(v);
  return out;
}

function parameters(set: SchemaSet, route: ApiRoute): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    const json = set.convert(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      const { description, ...propSchema } = prop;
      const param: JsonSchema = { name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: propSchema };
      if (description) param.description = description;
      // filter[field][op]=value
      if (propSchema.type === 'object') Object.assign(param, { style: 'deepObject', explode: true });
      out.push(param);
    }
  }
  if (route.ifMatch) {
    out.push({
      name: 'If-Match',
      in: 'header',
      required: false,
      description: 'The ETag of the revision you changed (`"3"`): the change is refused with 412 if the record has moved on.',
      schema: { type: 'string' },
    });
  }
  return out;
}

function responses(set: SchemaSet, route: ApiRoute): JsonSchema {
  const out: JsonSchema = {};
  for (const [status, doc] of Object.entries(route.responses)) {
    const r: JsonSchema = { description: doc.description };
    if (doc.headers?.length) r.headers = Object.fromEntries(doc.headers.map((h) => [h, HEADERS[h]]));
    if (doc.schema) r.content = { 'application/json': { schema: set.convert(doc.schema, 'output') } };
    out[status] = r;
  }
  const statuses = new Set([...route.problems, ...(route.scope ? [401, 403] : []), 500]);
  for (const status of [...statuses].sort()) {
    const r: JsonSchema = { description: PROBLEMS[status] ?? 'A problem.', content: { 'application/problem+json': { schema: { $ref: `${COMPONENT}Problem` } } } };
    if (status === 401) r.headers = { 'WWW-Authenticate': { description: 'Bearer, with the reason.', schema: { type: 'string' } } };
    if (status === 405) r.headers = { Allow: { description: 'The methods this path takes.', schema: { type: 'string' } } };
    out[status] = r;
  }
  return out;
}

/** `Record_<type>` (as read) and `RecordData_<type>` (as written) for every type; `Record` becomes their union. */
function addTypeSchemas(set: SchemaSet, types: readonly EntityType[]): void {
  const generic = set.schemas.Record as { properties: Record<string, JsonSchema> } & JsonSchema;
  const mapping: Record<string, string> = {};
  for (const t of types) {
    set.schemas[`RecordData_${t.key}`] = { ...dataJsonSchema(t, 'write'), description: `The data of a ${t.label.singular} as sent to POST, PUT and PATCH /records/${t.key}.` };
    set.schemas[`Record_${t.key}`] = {
      ...generic,
      title: t.label.singular,
      description: t.description ?? `A ${t.label.singular} record.`,
      properties: { ...generic.properties, type: { type: 'string', const: t.key }, data: dataJsonSchema(t, 'read') },
    };
    mapping[t.key] = `${COMPONENT}Record_${t.key}`;
  }
  set.schemas.Record = { oneOf: Object.values(mapping).map(($ref) => ({ $ref })), discriminator: { propertyName: 'type', mapping }, description: 'A record; its `type` says which.' };
}

export function buildOpenApi(routes: readonly ApiRoute[], opts: { types: readonly EntityType[] | null; serverUrl: string }): JsonSchema {
  const set = new SchemaSet();
  set.convert(problemSchema, 'output');
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const op: JsonSchema = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      // Bearer schemes take no OAuth scopes, but 3.1 allows listing the roles an operation needs.
      security: route.scope ? [{ apiKey: [route.scope] }] : [],
      ...(route.scope ? { 'x-required-scope': route.scope } : {}),
      parameters: parameters(set, route),
    };
    if (route.body) op.requestBody = { required: true, content: { 'application/json': { schema: set.convert(route.body, 'input') } } };
    if (route.rawBody) op.requestBody = { required: true, description: route.rawBody.description, content: { '*/*': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } };
    op.responses = responses(set, route);
    (paths[openApiPath(route.path)] ??= {})[route.method] = op;
  }
  if (opts.types) addTypeSchemas(set, opts.types);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Portico integration API',
      version: '1',
      description:
        'Keep Portico\'s records in sync with another system (CRM, ERP). Authenticate with an API key: `Authorization: Bearer pk_…`. Errors are RFC 9457 problems. Scopes: ' +
        Object.entries(API_SCOPE_DESCRIPTIONS)
          .map(([s, d]) => `\`${s}\` (${d})`)
          .join(', ') +
        '.',
    },
    servers: [{ url: opts.serverUrl }],
    tags: [
      { name: 'Types', description: 'Entity type definitions (types:read).' },
      { name: 'Records', description: 'Records of any type, by id or by external id.' },
      { name: 'Contacts', description: 'Linking contacts to accounts.' },
      { name: 'Documentation', description: 'This document.' },
    ],
    security: [{ apiKey: [] }],
    paths,
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', bearerFormat: 'pk_<prefix>_<secret>', description: 'An API key created by an owner or admin.' } },
      schemas: set.schemas,
    },
  };
}

/** The document's own route; `routes` is the whole table, this route included. */
export function openApiRoute(routes: () => readonly ApiRoute[]): ApiRoute {
  return defineRoute({
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This OpenAPI document',
    description: 'Public. Sent with a key that has types:read, it also describes the records of each entity type.',
    tag: 'Documentation',
    scope: null,
    params: noParams,
    query: noQuery,
    responses: { 200: { description: 'The OpenAPI 3.1 document.', schema: openApiDocSchema } },
    problems: [400],
    handler: async ({ db, config, key }) => {
      const types = key?.scopes.has('types:read') ? await listTypes(db) : null;
      const serverUrl = config.publicUrl ? `${config.publicUrl.origin}/api/v1` : '/api/v1';
      return { status: 200, body: buildOpenApi(routes(), { types, serverUrl }) };
    },
  });
}
