// Portals, drafts, publishing and versions. Names are a contract: tools outside the code call them.
import { z } from 'zod';
import { acceptDocument } from '../../services/documents';
import * as portals from '../../services/portals';
import { domainSchema, portalSettingsPatchSchema, slugSchema } from '../../services/portals';
import { editors, managers, router, signedIn } from '../../trpc';

const portalId = z.string().min(1).max(64);
const byId = z.object({ id: portalId }).strict();
const name = z.string().trim().min(1, 'a name is required').max(120);

export const portalsRouter = router({
  list: signedIn
    .input(z.object({ includeArchived: z.boolean().default(false) }).strict().optional())
    .query(({ ctx, input }) => portals.listPortals(ctx.db, { includeArchived: input?.includeArchived ?? false })),

  get: signedIn.input(byId).query(({ ctx, input }) => portals.getPortal(ctx.db, input.id)),

  create: managers
    .input(z.object({ slug: slugSchema, name, makeDefault: z.boolean().optional() }).strict())
    .mutation(({ ctx, input }) => portals.createPortal(ctx.db, ctx.admin, input)),

  update: managers
    .input(
      z
        .object({
          id: portalId,
          name: name.optional(),
          slug: slugSchema.optional(),
          domains: z.array(domainSchema).max(20).optional(),
          settings: portalSettingsPatchSchema.optional(),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) => portals.updatePortal(ctx.db, ctx.admin, input)),

  archive: managers.input(byId).mutation(({ ctx, input }) => portals.archivePortal(ctx.db, ctx.admin, input.id)),

  setDefault: managers.input(byId).mutation(({ ctx, input }) => portals.setDefaultPortal(ctx.db, ctx.admin, input.id)),

  activate: managers
    .input(z.object({ id: portalId, active: z.boolean().default(true) }).strict())
    .mutation(({ ctx, input }) => portals.setPortalActive(ctx.db, ctx.admin, input.id, input.active)),

  getDraft: editors.input(byId).query(({ ctx, input }) => portals.getDraft(ctx.db, input.id)),

  saveDraft: editors
    .input(z.object({ id: portalId, baseRevision: z.number().int().min(0), document: z.unknown() }).strict())
    .mutation(({ ctx, input }) =>
      portals.saveDraft(ctx.db, ctx.admin, { id: input.id, baseRevision: input.baseRevision, document: acceptDocument(input.document) }),
    ),

  publish: editors
    .input(z.object({ id: portalId, note: z.string().trim().max(500).default('') }).strict())
    .mutation(({ ctx, input }) => portals.publish(ctx.db, ctx.admin, input)),

  versions: editors.input(byId).query(({ ctx, input }) => portals.listVersions(ctx.db, input.id)),

  version: editors
    .input(z.object({ id: portalId, number: z.number().int().min(1) }).strict())
    .query(({ ctx, input }) => portals.getVersion(ctx.db, input.id, input.number)),

  rollback: editors
    .input(z.object({ id: portalId, version: z.number().int().min(1) }).strict())
    .mutation(({ ctx, input }) => portals.rollback(ctx.db, ctx.admin, input)),
});
