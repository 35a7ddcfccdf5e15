// API keys for the integration API: listed, created and revoked by owners and admins (never
// designers: a key reaches every record). The secret comes back once, from `create`.
import { z } from 'zod';
import { apiScopeSchema, createApiKey, listApiKeys, revokeApiKey } from '../../services/api-keys';
import { managers, router } from '../../trpc';

export const apiKeysRouter = router({
  list: managers.input(z.object({}).strict().optional()).query(({ ctx }) => listApiKeys(ctx.db)),
  create: managers
    .input(
      z
        .object({
          name: z.string().trim().min(1, 'a name is required').max(80),
          scopes: z.array(apiScopeSchema).min(1, 'a key needs at least one scope').max(20),
          expiresAt: z.iso.datetime({ offset: true, error: 'an ISO 8601 date and time, e.g. 2027-01-01T00:00:00Z' }).nullish(),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.admin.id, input)),
  revoke: managers
    .input(z.object({ id: z.string().min(1).max(64) }).strict())
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx.admin.id, input.id)),
});
