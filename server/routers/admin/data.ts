// Entity types and records in the builder's Data section. Reading is open to every admin (designers
// preview with real data); changing types and records needs an owner or admin.
import { z } from 'zod';
import { entityQuerySchema, typeKeySchema } from '../../../core';
import { createType, deleteType, getTypeSummary, listTypes, updateType } from '../../services/entity-types';
import { findRecord, FULL_ACCESS, queryRecords } from '../../services/record-query';
import { createRecord, deleteRecord, externalIdSchema, updateRecord } from '../../services/records';
import type { Actor } from '../../services/record-store';
import { managers, router, signedIn } from '../../trpc';
import { TRPCError } from '@trpc/server';

const recordId = z.string().min(1).max(64);
/** Passed on as sent: the record check (core) names every unknown key, `__proto__` included, where z.record would drop it silently. */
const recordData = z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'data must be an object of field values');
const adminActor = (admin: { id: string }): Actor => ({ kind: 'admin', id: admin.id });

export const entityTypesRouter = router({
  list: signedIn.input(z.object({}).strict().optional()).query(({ ctx }) => listTypes(ctx.db)),
  get: signedIn.input(z.object({ key: typeKeySchema }).strict()).query(({ ctx, input }) => getTypeSummary(ctx.db, input.key)),
  /** The definition is checked by the service (core schema + relation targets), with every field at fault named. */
  create: managers.input(z.object({ definition: z.unknown() }).strict()).mutation(({ ctx, input }) => createType(ctx.db, adminActor(ctx.admin), input.definition)),
  update: managers
    .input(
      z
        .object({
          key: typeKeySchema,
          baseRevision: z.number().int().min(1),
          definition: z.unknown(),
          confirmRemoved: z.array(z.string().max(60)).max(200).optional(),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) => updateType(ctx.db, adminActor(ctx.admin), input)),
  delete: managers.input(z.object({ key: typeKeySchema }).strict()).mutation(({ ctx, input }) => deleteType(ctx.db, adminActor(ctx.admin), input.key)),
});

export const recordsRouter = router({
  list: signedIn.input(entityQuerySchema).query(({ ctx, input }) => queryRecords(ctx.db, input, FULL_ACCESS)),
  get: signedIn.input(z.object({ type: typeKeySchema, id: recordId }).strict()).query(async ({ ctx, input }) => {
    const record = await findRecord(ctx.db, input.type, input.id, FULL_ACCESS);
    if (!record) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such record.' });
    return record;
  }),
  create: managers
    .input(z.object({ type: typeKeySchema, externalId: externalIdSchema.nullish(), data: recordData }).strict())
    .mutation(({ ctx, input }) => createRecord(ctx.db, adminActor(ctx.admin), input)),
  update: managers
    .input(z.object({ type: typeKeySchema, id: recordId, baseRevision: z.number().int().min(1).optional(), data: recordData }).strict())
    .mutation(({ ctx, input }) => updateRecord(ctx.db, adminActor(ctx.admin), input)),
  delete: managers
    .input(z.object({ type: typeKeySchema, id: recordId }).strict())
    .mutation(async ({ ctx, input }) => {
      await deleteRecord(ctx.db, adminActor(ctx.admin), input);
      return { ok: true as const };
    }),
});
