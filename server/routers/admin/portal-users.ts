// Portal users in the builder's Users section: list, create and invite, re-invite, disable and
// enable, roles, the linked contact, and inviting many from a CSV file. Who may use a portal is
// decided here, so only owners and admins (`managers`) call these; designers never. Invitation links
// point at the portal's own address (see portalBaseUrl).
import { z } from 'zod';
import type { AdminContext } from '../../trpc';
import {
  createUser,
  getUser,
  importUsers,
  inviteUser,
  linkContact,
  listUsers,
  MAX_PAGE_SIZE,
  portalBaseUrl,
  resendInvitation,
  setUserRoles,
  setUserStatus,
} from '../../services/portal-user-admin';
import { managers, router } from '../../trpc';

const portalId = z.string().min(1).max(64);
const userId = z.string().min(1).max(64);
const recordId = z.string().min(1).max(64);
const roleIds = z.array(z.string().min(1).max(64)).max(50, 'at most 50 roles');
/** Trimmed and lower-cased before it is checked: addresses are unique per portal regardless of case. */
const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('an email address, e.g. jane@example.com').max(254, 'an email address has at most 254 characters'));
const name = z
  .string()
  .trim()
  .min(1, 'a name is required')
  .max(120, 'a name has at most 120 characters')
  .refine((s) => !/\p{Cc}/u.test(s), 'a name cannot contain control characters');
const byUser = z.object({ id: portalId, userId }).strict();

/** The portal's address for invitation links: PUBLIC_URL, or the address this admin is using. */
function baseUrlFor(ctx: AdminContext, id: string): Promise<string> {
  return portalBaseUrl(ctx.db, id, { publicUrl: ctx.config.publicUrl, requestOrigin: `${ctx.req.protocol}://${ctx.req.get('host') ?? 'localhost'}` });
}

export const portalUsersRouter = router({
  list: managers
    .input(
      z
        .object({
          id: portalId,
          search: z.string().max(200).optional(),
          status: z.enum(['invited', 'active', 'disabled']).optional(),
          roleId: z.string().min(1).max(64).optional(),
          limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
          cursor: z.string().max(1000).optional(),
        })
        .strict(),
    )
    .query(({ ctx, input }) => listUsers(ctx.db, { portalId: input.id, search: input.search, status: input.status, roleId: input.roleId, limit: input.limit, cursor: input.cursor })),

  get: managers.input(byUser).query(({ ctx, input }) => getUser(ctx.db, input.id, input.userId)),

  create: managers
    .input(
      z
        .object({
          id: portalId,
          email,
          name,
          contactId: recordId.nullish(),
          roleIds: roleIds.optional(),
          /** Send the invitation email now (default); without it the user waits to be invited. */
          invite: z.boolean().default(true),
        })
        .strict(),
    )
    .mutation(async ({ ctx, input }) =>
      createUser(ctx.db, ctx.admin, { portalId: input.id, email: input.email, name: input.name, contactId: input.contactId, roleIds: input.roleIds, invite: input.invite, baseUrl: await baseUrlFor(ctx, input.id) }),
    ),

  invite: managers.input(byUser).mutation(async ({ ctx, input }) => inviteUser(ctx.db, ctx.admin, { portalId: input.id, userId: input.userId, baseUrl: await baseUrlFor(ctx, input.id) })),

  resendInvite: managers
    .input(byUser)
    .mutation(async ({ ctx, input }) => resendInvitation(ctx.db, ctx.admin, { portalId: input.id, userId: input.userId, baseUrl: await baseUrlFor(ctx, input.id) })),

  setStatus: managers
    .input(z.object({ id: portalId, userId, status: z.enum(['active', 'disabled']) }).strict())
    .mutation(({ ctx, input }) => setUserStatus(ctx.db, ctx.admin, { portalId: input.id, userId: input.userId, status: input.status })),

  setRoles: managers
    .input(z.object({ id: portalId, userId, roleIds }).strict())
    .mutation(({ ctx, input }) => setUserRoles(ctx.db, ctx.admin, { portalId: input.id, userId: input.userId, roleIds: input.roleIds })),

  linkContact: managers
    .input(z.object({ id: portalId, userId, contactId: recordId.nullable() }).strict())
    .mutation(({ ctx, input }) => linkContact(ctx.db, ctx.admin, { portalId: input.id, userId: input.userId, contactId: input.contactId })),

  importCsv: managers
    .input(z.object({ id: portalId, content: z.string().min(1, 'the file is empty'), invite: z.boolean().default(true) }).strict())
    .mutation(async ({ ctx, input }) => importUsers(ctx.db, ctx.admin, { portalId: input.id, content: input.content, invite: input.invite, baseUrl: await baseUrlFor(ctx, input.id) })),
});
