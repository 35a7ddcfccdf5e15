// The one place tRPC is initialised. Every procedure is built from a base procedure that states who
// may call it; the rule is also recorded in `meta.access` so a test can walk the routers and prove
// that no procedure is left without one (deny by default).
import { initTRPC, TRPCError } from '@trpc/server';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AdminPrincipal } from './auth/admin-sessions';
import type { Config } from './config';
import type { Db } from './db/database';
import type { AdminRole } from './db/schema';
import { FieldIssuesError } from './services/field-issues';

export type AdminContext = { db: Db; config: Config; req: Request; res: Response; admin: AdminPrincipal | null };

export type Access = { kind: 'anyone' } | { kind: 'admin'; roles: readonly AdminRole[] };
export type Meta = { access: Access };

const t = initTRPC
  .context<AdminContext>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      if (error.code === 'BAD_REQUEST' && cause instanceof z.ZodError) {
        return {
          ...shape,
          message: `Invalid input: ${z.prettifyError(cause).replace(/\n/g, ' ')}`,
          data: { ...shape.data, issues: cause.issues.map((i) => ({ path: i.path.map(String), message: i.message })) },
        };
      }
      if (error instanceof FieldIssuesError) return { ...shape, data: { ...shape.data, stack: undefined, issues: error.issues } };
      // Internal errors never reach the client with their details.
      if (error.code === 'INTERNAL_SERVER_ERROR') return { ...shape, message: 'Internal server error', data: { ...shape.data, stack: undefined } };
      return { ...shape, data: { ...shape.data, stack: undefined } };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Callable by anyone, signed in or not: only for signing in and public facts. */
export const anyone = t.procedure.meta({ access: { kind: 'anyone' } });

function adminProcedure(roles: readonly AdminRole[]) {
  return t.procedure.meta({ access: { kind: 'admin', roles } }).use(({ ctx, next }) => {
    if (!ctx.admin) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first.' });
    if (!roles.includes(ctx.admin.role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `This needs one of the roles: ${roles.join(', ')}.` });
    }
    return next({ ctx: { ...ctx, admin: ctx.admin } });
  });
}

/** Any signed-in admin: owners, admins and designers. */
export const signedIn = adminProcedure(['owner', 'admin', 'designer']);
/** Editing pages and theme: designers too. */
export const editors = signedIn;
/** Portal settings, domains, roles and users: never designers. */
export const managers = adminProcedure(['owner', 'admin']);
/** Managing admins: owners only. */
export const owners = adminProcedure(['owner']);
