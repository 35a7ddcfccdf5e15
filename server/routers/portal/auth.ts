// Portal users' account procedures under `{base}/_api/trpc/auth.*`: sign-in and sign-out, who am I,
// registration and email confirmation, password reset, invitations, magic links, password and
// profile changes. Inputs are strict; the rules live in services/portal-auth.ts.
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../../auth/password';
import { setPortalCookie } from '../../auth/portal-sessions';
import type { PortalContext } from '../../portal-trpc';
import { portalRouterFactory, portalUser, portalVisitor } from '../../portal-trpc';
import { safeNext } from '../../published/auth-pages';
import * as auth from '../../services/portal-auth';

const email = z.string().trim().min(1, 'enter your email address').max(254, 'use at most 254 characters');
const newPassword = z.string().min(MIN_PASSWORD_LENGTH, `use at least ${MIN_PASSWORD_LENGTH} characters`).max(1000, 'use at most 1000 characters');
const name = z.string().trim().min(1, 'enter your name').max(120, 'use at most 120 characters');
const token = z.string().min(1).max(200);
const none = z.object({}).strict().optional();

const secureCookies = (ctx: PortalContext) => ctx.config.publicUrl?.protocol === 'https:';
const setCookie = (ctx: PortalContext, value: string | null) => setPortalCookie(ctx.req, ctx.res, ctx.portal, value, secureCookies(ctx));

const OK = { ok: true as const };

export const portalAuthRouter = portalRouterFactory({
  login: portalVisitor
    .input(z.object({ email, password: z.string().min(1, 'enter your password').max(1000) }).strict())
    .mutation(async ({ ctx, input }) => {
      const { token: session } = await auth.loginPortalUser(ctx, input, ctx.session?.sessionHash);
      setCookie(ctx, session);
      return OK;
    }),

  logout: portalUser.input(none).mutation(async ({ ctx }) => {
    await auth.logoutPortalUser(ctx.db, ctx.session.sessionHash);
    setCookie(ctx, null);
    return OK;
  }),

  me: portalUser.input(none).query(({ ctx }) => {
    const { userId, email: address, name: userName } = ctx.session;
    return { id: userId, email: address, name: userName, roles: [...ctx.viewer.roles] };
  }),

  register: portalVisitor
    .input(z.object({ name, email: email.pipe(z.email('enter a valid email address')), password: newPassword }).strict())
    .mutation(async ({ ctx, input }) => {
      await auth.registerPortalUser(ctx, input);
      // The same answer for a new and a taken address.
      return OK;
    }),

  confirmEmail: portalVisitor.input(z.object({ token }).strict()).mutation(async ({ ctx, input }) => {
    await auth.confirmPortalEmail(ctx, input.token);
    return OK;
  }),

  forgotPassword: portalVisitor.input(z.object({ email }).strict()).mutation(async ({ ctx, input }) => {
    await auth.requestPasswordReset(ctx, input.email);
    return OK;
  }),

  resetPassword: portalVisitor.input(z.object({ token, password: newPassword }).strict()).mutation(async ({ ctx, input }) => {
    await auth.resetPortalPassword(ctx, input);
    return OK;
  }),

  acceptInvite: portalVisitor
    .input(z.object({ token, password: newPassword, name: name.optional() }).strict())
    .mutation(async ({ ctx, input }) => {
      const { token: session } = await auth.acceptPortalInvite(ctx, input, ctx.session?.sessionHash);
      setCookie(ctx, session);
      return OK;
    }),

  changePassword: portalUser
    .input(z.object({ current: z.string().min(1, 'enter your current password').max(1000), next: newPassword }).strict())
    .mutation(async ({ ctx, input }) => {
      await auth.changePortalPassword(ctx, ctx.session, input);
      return OK;
    }),

  updateProfile: portalUser.input(z.object({ name }).strict()).mutation(({ ctx, input }) => auth.updatePortalProfile(ctx, ctx.session.userId, input)),

  requestMagicLink: portalVisitor
    .input(z.object({ email, next: z.string().max(500).optional() }).strict())
    .mutation(async ({ ctx, input }) => {
      await auth.requestPortalMagicLink(ctx, { email: input.email, next: safeNext(input.next) });
      return OK;
    }),

  redeemMagicLink: portalVisitor.input(z.object({ token }).strict()).mutation(async ({ ctx, input }) => {
    const { token: session } = await auth.redeemPortalMagicLink(ctx, input.token, ctx.session?.sessionHash);
    setCookie(ctx, session);
    return OK;
  }),
});
