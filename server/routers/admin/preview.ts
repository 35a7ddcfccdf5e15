// "Preview as": a portal page exactly as a role, a portal user or a signed-out visitor receives it,
// through the runtime's own filter, with the hidden blocks and pages and why each is hidden. It shows
// what roles reveal and to whom, so it is for owners and admins (`managers`), like the roles.
import { z } from 'zod';
import { previewPage } from '../../services/portal-preview';
import { managers, router } from '../../trpc';

const id = z.string().min(1).max(64);

export const previewRouter = router({
  page: managers
    .input(
      z
        .object({
          id,
          path: z.string().min(1).max(500),
          as: z.union([z.object({ role: id }).strict(), z.object({ user: id }).strict(), z.object({ visitor: z.literal(true) }).strict()], {
            error: 'as is { role: <role id> }, { user: <user id> } or { visitor: true }',
          }),
          /** The draft (what is being edited) or the live version (what users get today). */
          source: z.enum(['draft', 'published']).default('draft'),
        })
        .strict(),
    )
    .query(({ ctx, input }) => previewPage(ctx.db, { portalId: input.id, path: input.path, as: input.as, source: input.source })),
});
