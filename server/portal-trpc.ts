// tRPC for a portal's own API at `{portal base}/_api/trpc`: the context carries the resolved portal
// and the viewer. Like the admin API, every procedure comes from a base procedure that declares
// who may call it.
import { initTRPC } from '@trpc/server';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Viewer } from '../core';
import type { Config } from './config';
import type { Db } from './db/database';
import type { ResolvedPortal } from './published/resolve-portal';

export type PortalContext = { db: Db; config: Config; req: Request; res: Response; portal: ResolvedPortal; viewer: Viewer };
export type PortalMeta = { access: { kind: 'portal-visitor' } };

const t = initTRPC
  .context<PortalContext>()
  .meta<PortalMeta>()
  .create({
    errorFormatter({ shape, error }) {
      if (error.code === 'BAD_REQUEST' && error.cause instanceof z.ZodError) {
        return { ...shape, message: `Invalid input: ${z.prettifyError(error.cause).replace(/\n/g, ' ')}`, data: { ...shape.data, stack: undefined } };
      }
      if (error.code === 'INTERNAL_SERVER_ERROR') return { ...shape, message: 'Internal server error', data: { ...shape.data, stack: undefined } };
      return { ...shape, data: { ...shape.data, stack: undefined } };
    },
  });

export const portalRouterFactory = t.router;

/** Anyone who can reach the portal; what they receive is filtered by their grants. */
export const portalVisitor = t.procedure.meta({ access: { kind: 'portal-visitor' } });
