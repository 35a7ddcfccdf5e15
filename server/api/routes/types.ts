// GET /types and /types/:type: entity type definitions with the JSON Schema of their record data,
// so an integration can check its mapping before it writes.
import { getTypeSummary, listTypes, type EntityTypeSummary } from '../../services/entity-types';
import { defineRoute } from '../route';
import { entityTypeDocSchema, entityTypeListSchema, noParams, noQuery, typeParams } from '../schemas';
import { dataJsonSchema } from '../type-schemas';

function typeDoc(t: EntityTypeSummary) {
  return {
    key: t.key,
    label: t.label,
    ...(t.description !== undefined ? { description: t.description } : {}),
    titleField: t.titleField,
    accountLink: t.accountLink,
    contactLink: t.contactLink,
    builtIn: t.builtIn,
    revision: t.revision,
    recordCount: t.recordCount,
    updatedAt: t.updatedAt,
    fields: t.fields,
    dataSchema: dataJsonSchema(t, 'write'),
  };
}

export const typeRoutes = [
  defineRoute({
    method: 'get',
    path: '/types',
    operationId: 'listTypes',
    summary: 'List entity types',
    description: 'Every entity type, built-in (account, contact) and admin-defined, with its fields and the JSON Schema of its record data. Internal fields are listed (flagged `internal`): reading and writing them needs fields:internal.',
    tag: 'Types',
    scope: 'types:read',
    params: noParams,
    query: noQuery,
    responses: { 200: { description: 'The entity types.', schema: entityTypeListSchema } },
    problems: [400],
    handler: async ({ db }) => ({ status: 200, body: { items: (await listTypes(db)).map(typeDoc) } }),
  }),
  defineRoute({
    method: 'get',
    path: '/types/:type',
    operationId: 'getType',
    summary: 'Get an entity type',
    tag: 'Types',
    scope: 'types:read',
    params: typeParams,
    query: noQuery,
    responses: { 200: { description: 'The entity type.', schema: entityTypeDocSchema } },
    problems: [400, 404],
    handler: async ({ db, params }) => ({ status: 200, body: typeDoc(await getTypeSummary(db, params.type)) }),
  }),
];
