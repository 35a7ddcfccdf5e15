// The portal API: `page` returns the same filtered payload the server renders, for client-side
// navigation; `auth.*` are the portal users' account procedures. The runtime imports only
// `type PortalRouter`.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { blockQuerySchema, normalizePath } from '../../../core';
import { resolveActionBlock, runAction, runActionInput } from '../../actions/run-action';
import { loadBlockData, loadPageData } from '../../published/block-data';
import { portalRouterFactory, portalUser, portalVisitor } from '../../portal-trpc';
import { buildPagePayload, payloadUser } from '../../published/page-payload';
import { loadPublishedVersion } from '../../published/version-cache';
import { portalBaseUrl } from '../../services/portal-auth';
import { portalAuthRouter } from './auth';

export const portalRouter = portalRouterFactory({
  page: portalVisitor.input(z.object({ path: z.string().min(1).max(500) }).strict()).query(async ({ ctx, input }) => {
    if (!ctx.portal.publishedVersionId) throw new TRPCError({ code: 'NOT_FOUND', message: 'This portal has not been published yet.' });
    const path = normalizePath(input.path);
    if (!path || !path.startsWith('/')) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Invalid input: path must start with "/".' });
    const version = await loadPublishedVersion(ctx.db, ctx.portal.publishedVersionId);
    const { payload, requiresSignIn } = buildPagePayload(version, ctx.portal, path, ctx.viewer, payloadUser(ctx.session));
    // The page exists for signed-in users: the runtime then loads it as a document, and the server
    // sends the visitor to sign in. Nothing of the page is in this answer.
    if (requiresSignIn) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to see this page.' });
    // A page that is unknown (or hidden) is a 404 with the same payload the HTML 404 renders.
    if (payload.status === 404) {
      ctx.res.status(404);
      return payload;
    }
    return { ...payload, ...(await loadPageData({ db: ctx.db, principal: ctx.principal, portalId: ctx.portal.id, params: payload.page.params }, payload.page.blocks)) };
  }),
  /** One block's data again, with the viewer's sort, search, filters or next page. */
  blockData: portalUser
    .input(z.object({ path: z.string().min(1).max(500), blockId: z.string().min(1).max(64), query: blockQuerySchema.default({}) }).strict())
    .query(async ({ ctx, input }) => {
      const { node, params } = await resolveActionBlock(ctx.db, ctx.portal, ctx.principal, input.path, input.blockId);
      const data = await loadBlockData({ db: ctx.db, principal: ctx.principal, portalId: ctx.portal.id, params }, node, input.query);
      if (data === undefined) throw new TRPCError({ code: 'BAD_REQUEST', message: 'This block has no data.' });
      return data;
    }),
  /** Runs a block's action: config from the published version, grants checked again, one transaction. */
  runAction: portalUser.input(runActionInput).mutation(({ ctx, input }) =>
    runAction(ctx.db, ctx.portal, ctx.principal, { id: ctx.session.userId, name: ctx.session.name, email: ctx.session.email, contactId: ctx.session.contactId }, input, portalBaseUrl(ctx.config, ctx.req, ctx.portal), ctx.req.ip ?? null),
  ),
  auth: portalAuthRouter,
});

export type PortalRouter = typeof portalRouter;
