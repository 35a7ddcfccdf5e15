// tRPC for a portal's own API at `{portal base}/_api/trpc`: the context carries the resolved portal,
// the signed-in user's session (or null) and the viewer their grants make. Like the admin API,
// every procedure comes from a base procedure that declares who may call it, recorded in
// `meta.access` so a test can walk the router (deny by default).
import { initTRPC, TRPCError } from '@trpc/server';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Viewer } from '../core';
import type { PortalSession } from './auth/portal-sessions';
import type { Config } from './config';
import type { Db } from './db/database';
import type { ResolvedPortal } from './published/resolve-portal';
import { FieldIssuesError } from './services/field-issues';
import type { PortalPrincipal } from './services/portal-grants';

export type PortalContext = {
  db: Db;
  config: Config;
  req: Request;
  res: Response;
  portal: ResolvedPortal;
  /** The portal user signed in with this request's cookie, or null. */
  session: PortalSession | null;
  /** Who the visibility filter sees: the user's grants, read fresh for this request, or anonymous. */
  viewer: Viewer;
  /** The signed-in user's grants and record scope (null for visitors): what data loaders and actions use. */
  principal: PortalPrincipal | null;
};
export type PortalAccess = { kind: 'portal-visitor' } | { kind: 'portal-user' };
export type PortalMeta = { access: PortalAccess };

const t = initTRPC
  .context<PortalContext>()
  .meta<PortalMeta>()
  .create({
    errorFormatter({ shape, error }) {
      if (error.code === 'BAD_REQUEST' && error.cause instanceof z.ZodError) {
        return {
          ...shape,
          message: `Invalid input: ${z.prettifyError(error.cause).replace(/\n/g, ' ')}`,
          // Forms show each message next to its field.
          data: { ...shape.data, stack: undefined, issues: error.cause.issues.map((i) => ({ path: i.path.map(String), message: i.message })) },
        };
      }
      // Record checks name each field at fault: forms show the message next to it.
      if (error instanceof FieldIssuesError) return { ...shape, data: { ...shape.data, stack: undefined, issues: error.issues.map((i) => ({ path: i.field ? [i.field] : [], message: i.message })) } };
      if (error.code === 'INTERNAL_SERVER_ERROR') return { ...shape, message: 'Internal server error', data: { ...shape.data, stack: undefined } };
      return { ...shape, data: { ...shape.data, stack: undefined } };
    },
  });

export const portalRouterFactory = t.router;

/** Anyone who can reach the portal; what they receive is filtered by their grants. */
export const portalVisitor = t.procedure.meta({ access: { kind: 'portal-visitor' } });

/** A signed-in user of this portal (an active account with a live session of this portal). */
export const portalUser = t.procedure.meta({ access: { kind: 'portal-user' } }).use(({ ctx, next }) => {
  if (!ctx.session || !ctx.principal) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first.' });
  return next({ ctx: { ...ctx, session: ctx.session, principal: ctx.principal } });
});
