// Admin sign-in, sign-out, who am I, password change.
import { z } from 'zod';
import { setAdminCookie } from '../../auth/admin-sessions';
import { MIN_PASSWORD_LENGTH } from '../../auth/password';
import { changeAdminPassword, loginAdmin, logoutAdmin } from '../../services/admins';
import { anyone, router, signedIn } from '../../trpc';

const secureCookies = (publicUrl: URL | undefined) => publicUrl?.protocol === 'https:';

export const authRouter = router({
  login: anyone
    .input(z.object({ email: z.string().trim().max(254), password: z.string().min(1).max(1000) }).strict())
    .mutation(async ({ ctx, input }) => {
      // Rotate: whatever session this browser had is revoked before a new one is issued.
      if (ctx.admin) await logoutAdmin(ctx.db, ctx.admin.sessionHash);
      const { token } = await loginAdmin(ctx.db, ctx.req, input.email, input.password);
      setAdminCookie(ctx.req, ctx.res, token, secureCookies(ctx.config.publicUrl));
      return { ok: true as const };
    }),

  logout: signedIn.input(z.object({}).strict().optional()).mutation(async ({ ctx }) => {
    await logoutAdmin(ctx.db, ctx.admin.sessionHash);
    setAdminCookie(ctx.req, ctx.res, null, secureCookies(ctx.config.publicUrl));
    return { ok: true as const };
  }),

  me: signedIn.input(z.object({}).strict().optional()).query(({ ctx }) => {
    const { id, email, name, role } = ctx.admin;
    return { id, email, name, role };
  }),

  changePassword: signedIn
    .input(z.object({ current: z.string().min(1).max(1000), next: z.string().min(MIN_PASSWORD_LENGTH, `use at least ${MIN_PASSWORD_LENGTH} characters`).max(1000) }).strict())
    .mutation(async ({ ctx, input }) => {
      await changeAdminPassword(ctx.db, ctx.admin.id, ctx.admin.sessionHash, input.current, input.next);
      return { ok: true as const };
    }),
});
