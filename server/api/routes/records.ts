// Records of any type (built-in account and contact included): list with filters, sort and cursor
// paging; create; read, patch (with If-Match) and delete by id; and read, upsert and delete by
// external id, which is how another system keeps Portico in sync. Every write goes through the
// record services with the key's access, so the data checks, audit entries and links are theirs.
import { TRPCError } from '@trpc/server';
import type { EntityType } from '../../../core';
import type { Db } from '../../db/database';
import { requireType } from '../../services/entity-types';
import { findRecord, queryRecords, type RecordAccess, type RecordView } from '../../services/record-query';
import { createRecord, deleteRecord, updateRecord, upsertRecord } from '../../services/records';
import { keyActor, readAccessFor, writeAccessFor } from '../auth';
import { toEntityQuery } from '../list-query';
import { defineRoute, type Reply } from '../route';
import { createBody, externalParams, listQuery, noQuery, patchBody, recordPageSchema, recordParams, recordSchema, typeParams, upsertBody } from '../schemas';

export const recordLocation = (type: string, id: string) => `/api/v1/records/${type}/${encodeURIComponent(id)}`;

export function recordReply(record: RecordView, status = 200, headers: Record<string, string> = {}): Reply {
  return { status, body: record, headers: { ETag: `"${record.revision}"`, ...headers } };
}

const noSuch = (type: EntityType, what: string) => new TRPCError({ code: 'NOT_FOUND', message: `There is no ${type.label.singular.toLowerCase()} with ${what}.` });

/** The record with this external id, within `access`, or null (through the query layer, so scope and fields apply). */
export async function findByExternalId(db: Db, type: EntityType, externalId: string, access: RecordAccess): Promise<RecordView | null> {
  const page = await queryRecords(db, { type: type.key, filters: [{ field: 'externalId', op: 'eq', value: externalId }], limit: 1 }, access);
  return page.items[0] ?? null;
}

export async function requireByExternalId(db: Db, type: EntityType, externalId: string, access: RecordAccess): Promise<RecordView> {
  const found = await findByExternalId(db, type, externalId, access);
  if (!found) throw noSuch(type, `the external id "${externalId}"`);
  return found;
}

const record = { description: 'The record.', schema: recordSchema, headers: ['ETag' as const] };

export const recordRoutes = [
  defineRoute({
    method: 'get',
    path: '/records/:type',
    operationId: 'listRecords',
    summary: 'List records',
    description: 'Records of a type, newest first unless sorted, a page at a time: pass `nextCursor` back as `cursor` (with the same sort and filters) until it is null.',
    tag: 'Records',
    scope: 'records:read',
    params: typeParams,
    query: listQuery,
    responses: { 200: { description: 'A page of records.', schema: recordPageSchema } },
    problems: [400, 404],
    handler: async ({ db, key, params, query }) => {
      const type = await requireType(db, params.type);
      const page = await queryRecords(db, toEntityQuery(type, query, key), readAccessFor(key, type));
      return { status: 200, body: page };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/records/:type',
    operationId: 'createRecord',
    summary: 'Create a record',
    tag: 'Records',
    scope: 'records:write',
    params: typeParams,
    query: noQuery,
    body: createBody,
    responses: { 201: { description: 'Created; `Location` names the new record.', schema: recordSchema, headers: ['ETag', 'Location'] } },
    problems: [400, 404, 409, 413, 415],
    handler: async ({ db, key, params, body }) => {
      const type = await requireType(db, params.type);
      const created = await createRecord(db, keyActor(key), { type: type.key, data: body.data, externalId: body.externalId ?? null }, writeAccessFor(key, type));
      return recordReply(created, 201, { Location: recordLocation(type.key, created.id) });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/records/:type/:id',
    operationId: 'getRecord',
    summary: 'Get a record',
    tag: 'Records',
    scope: 'records:read',
    params: recordParams,
    query: noQuery,
    responses: { 200: record },
    problems: [400, 404],
    handler: async ({ db, key, params }) => {
      const type = await requireType(db, params.type);
      const found = await findRecord(db, type.key, params.id, readAccessFor(key, type));
      if (!found) throw noSuch(type, `the id "${params.id}"`);
      return recordReply(found);
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/records/:type/:id',
    operationId: 'updateRecord',
    summary: 'Change some fields of a record',
    description: 'Fields left out stay as they are; null clears a field. With `If-Match: "<revision>"` the change is made only if the record is still at that revision (412 otherwise).',
    tag: 'Records',
    scope: 'records:write',
    params: recordParams,
    query: noQuery,
    body: patchBody,
    ifMatch: true,
    responses: { 200: record },
    problems: [400, 404, 412, 413, 415],
    handler: async ({ db, key, params, body, ifMatch }) => {
      const type = await requireType(db, params.type);
      try {
        const updated = await updateRecord(
          db,
          keyActor(key),
          { type: type.key, id: params.id, data: body.data, ...(ifMatch !== undefined ? { baseRevision: ifMatch } : {}) },
          writeAccessFor(key, type),
        );
        return recordReply(updated);
      } catch (err) {
        // With a base revision, a patch's only CONFLICT is a stale revision: HTTP calls that 412.
        if (ifMatch !== undefined && err instanceof TRPCError && err.code === 'CONFLICT') {
          throw new TRPCError({ code: 'PRECONDITION_FAILED', message: `${err.message} Read it again and retry with its new ETag.` });
        }
        throw err;
      }
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/records/:type/:id',
    operationId: 'deleteRecord',
    summary: 'Delete a record',
    description: 'Refused with 409 while other records link to it (the problem names them).',
    tag: 'Records',
    scope: 'records:delete',
    params: recordParams,
    query: noQuery,
    responses: { 204: { description: 'Deleted.' } },
    problems: [400, 404, 409],
    handler: async ({ db, key, params }) => {
      const type = await requireType(db, params.type);
      await deleteRecord(db, keyActor(key), { type: type.key, id: params.id }, writeAccessFor(key, type));
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/records/:type/by-external-id/:externalId',
    operationId: 'getRecordByExternalId',
    summary: 'Get a record by external id',
    tag: 'Records',
    scope: 'records:read',
    params: externalParams,
    query: noQuery,
    responses: { 200: record },
    problems: [400, 404],
    handler: async ({ db, key, params }) => {
      const type = await requireType(db, params.type);
      return recordReply(await requireByExternalId(db, type, params.externalId, readAccessFor(key, type)));
    },
  }),
  defineRoute({
    method: 'put',
    path: '/records/:type/by-external-id/:externalId',
    operationId: 'upsertRecord',
    summary: 'Create or replace a record by external id',
    description:
      'The sync primitive: sends the whole record as your system has it. Creates it (201) if no record of the type has this external id, else replaces its data (200). Relations may name records by `{ "externalId": "…" }`. Idempotent: sending the same data twice leaves one record.',
    tag: 'Records',
    scope: 'records:write',
    params: externalParams,
    query: noQuery,
    body: upsertBody,
    responses: {
      200: { description: 'Replaced.', schema: recordSchema, headers: ['ETag'] },
      201: { description: 'Created; `Location` names the new record.', schema: recordSchema, headers: ['ETag', 'Location'] },
    },
    problems: [400, 404, 409, 413, 415],
    handler: async ({ db, key, params, body }) => {
      const type = await requireType(db, params.type);
      const { record: saved, created } = await upsertRecord(db, keyActor(key), { type: type.key, externalId: params.externalId, data: body.data }, writeAccessFor(key, type));
      return created ? recordReply(saved, 201, { Location: recordLocation(type.key, saved.id) }) : recordReply(saved);
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/records/:type/by-external-id/:externalId',
    operationId: 'deleteRecordByExternalId',
    summary: 'Delete a record by external id',
    tag: 'Records',
    scope: 'records:delete',
    params: externalParams,
    query: noQuery,
    responses: { 204: { description: 'Deleted.' } },
    problems: [400, 404, 409],
    handler: async ({ db, key, params }) => {
      const type = await requireType(db, params.type);
      const found = await requireByExternalId(db, type, params.externalId, readAccessFor(key, type));
      await deleteRecord(db, keyActor(key), { type: type.key, id: found.id }, writeAccessFor(key, type));
      return { status: 204 };
    },
  }),
];
