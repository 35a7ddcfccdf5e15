// Managing admin accounts: owners only.
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../../auth/password';
import { createAdmin, listAdmins, updateAdmin } from '../../services/admins';
import { owners, router } from '../../trpc';

const role = z.enum(['owner', 'admin', 'designer']);

export const adminsRouter = router({
  list: owners.input(z.object({}).strict().optional()).query(({ ctx }) => listAdmins(ctx.db)),
  create: owners
    .input(
      z
        .object({
          email: z.email().max(254),
          name: z.string().trim().min(1).max(120),
          role,
          password: z.string().min(MIN_PASSWORD_LENGTH, `use at least ${MIN_PASSWORD_LENGTH} characters`).max(1000),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) => createAdmin(ctx.db, ctx.admin.id, input)),
  update: owners
    .input(z.object({ id: z.string().min(1).max(64), role: role.optional(), active: z.boolean().optional() }).strict())
    .mutation(({ ctx, input }) => updateAdmin(ctx.db, ctx.admin.id, input)),
});
