// The outbox in the builder: emails (newest first, filtered by portal and status), one email with its
// text and HTML bodies, and retrying a failed one. Owners and admins only: emails carry personal
// data and, until sent, working sign-in links.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { countOutbox, getOutboxEmail, listOutbox, outboxStatusSchema, retryOutboxEmail } from '../../services/outbox';
import { managers, router } from '../../trpc';

const id = z.string().min(1).max(64);

export const outboxRouter = router({
  list: managers
    .input(
      z
        .object({
          portalId: id.optional(),
          status: outboxStatusSchema.optional(),
          cursor: z.string().min(1).max(200).optional(),
          limit: z.number().int().min(1).max(100).default(50),
        })
        .strict()
        .optional(),
    )
    .query(async ({ ctx, input }) => {
      const page = await listOutbox(ctx.db, { ...input, limit: input?.limit ?? 50 });
      return { ...page, counts: await countOutbox(ctx.db, input?.portalId), smtpConfigured: Boolean(ctx.config.smtpUrl) };
    }),

  get: managers.input(z.object({ id }).strict()).query(({ ctx, input }) => getOutboxEmail(ctx.db, input.id)),

  retry: managers.input(z.object({ id }).strict()).mutation(({ ctx, input }) => {
    // Without SMTP the email would only wait: there is nothing to send it with.
    if (!ctx.config.smtpUrl) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'SMTP_URL is not set, so emails cannot be sent: set it and restart Portico, then retry.' });
    return retryOutboxEmail(ctx.db, ctx.admin, input.id);
  }),
});
