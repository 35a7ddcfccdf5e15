// Portal roles in the builder's Roles section: the permission matrix reads and writes them here.
// Roles decide what portal users may see and do, so only owners and admins manage them (`managers`);
// designers never. Grants are checked by the service, which names every type and field at fault.
import { z } from 'zod';
import { roleKeySchema } from '../../../core';
import { createRole, deleteRole, getRole, listRoles, setDefaultRole, updateRole } from '../../services/portal-roles';
import { managers, router } from '../../trpc';

const portalId = z.string().min(1).max(64);
const roleId = z.string().min(1).max(64);
/** Names and descriptions are shown to admins only, but never carry control characters. */
const noControl = (s: string) => !/\p{Cc}/u.test(s);
const name = z.string().trim().min(1, 'a name is required').max(80, 'a name has at most 80 characters').refine(noControl, 'a name cannot contain control characters');
const description = z.string().trim().max(300, 'a description has at most 300 characters').refine((s) => noControl(s.replace(/\n/g, '')), 'a description cannot contain control characters other than line breaks');
/** Checked by the service against the core schema and the current entity types, with every field at fault named. */
const grants = z.unknown();

export const rolesRouter = router({
  list: managers.input(z.object({ id: portalId }).strict()).query(({ ctx, input }) => listRoles(ctx.db, input.id)),

  get: managers.input(z.object({ id: portalId, roleId }).strict()).query(({ ctx, input }) => getRole(ctx.db, input.id, input.roleId)),

  create: managers
    .input(z.object({ id: portalId, key: roleKeySchema, name, description: description.optional(), grants, isDefault: z.boolean().optional() }).strict())
    .mutation(({ ctx, input }) => createRole(ctx.db, ctx.admin, { portalId: input.id, key: input.key, name: input.name, description: input.description, grants: input.grants ?? {}, isDefault: input.isDefault })),

  update: managers
    .input(
      z
        .object({
          id: portalId,
          roleId,
          baseRevision: z.number().int().min(1),
          name: name.optional(),
          description: description.optional(),
          grants: grants.optional(),
          isDefault: z.boolean().optional(),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) =>
      updateRole(ctx.db, ctx.admin, {
        portalId: input.id,
        roleId: input.roleId,
        baseRevision: input.baseRevision,
        name: input.name,
        description: input.description,
        grants: input.grants,
        isDefault: input.isDefault,
      }),
    ),

  delete: managers.input(z.object({ id: portalId, roleId }).strict()).mutation(({ ctx, input }) => deleteRole(ctx.db, ctx.admin, { portalId: input.id, roleId: input.roleId })),

  setDefault: managers
    .input(z.object({ id: portalId, roleId, isDefault: z.boolean() }).strict())
    .mutation(({ ctx, input }) => setDefaultRole(ctx.db, ctx.admin, { portalId: input.id, roleId: input.roleId, isDefault: input.isDefault })),
});
