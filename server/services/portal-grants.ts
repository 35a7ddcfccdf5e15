// A portal user's grants, read fresh on every request (a role change applies at the next request):
// the portal's default roles merged with the user's own, most permissive wins (core/access/roles).
// Also who the user is for record scopes: their contact and that contact's accounts.
import type { Kysely } from 'kysely';
import {
  CONTACT_ACCOUNTS,
  fieldsFor,
  levelFor,
  mergeGrants,
  scopeFor,
  NO_GRANTS,
  roleGrantsSchema,
  satisfies,
  type DataViewer,
  type EntityType,
  type Grants,
  type RecordOp,
  type RoleGrants,
  type Viewer,
} from '../../core';
import { arg, prepareQuery } from '../db/prepared';
import type { DB } from '../db/schema';
import type { RecordAccess } from './record-query';
import type { WriteAccess } from './records';

export type PortalPrincipal = {
  /** The portal user, or null for a role preview without a user. */
  userId: string | null;
  roles: string[];
  grants: Grants;
  data: DataViewer;
  viewer: Viewer;
};

type RoleRow = { id: string; key: string; grants: string; revision: number };

const parsed = new Map<string, { revision: number; grants: RoleGrants }>();
/** Role grants are parsed once per role revision. */
function grantsOf(row: RoleRow): RoleGrants {
  const hit = parsed.get(row.id);
  if (hit && hit.revision === row.revision) return hit.grants;
  const grants = roleGrantsSchema.parse(JSON.parse(row.grants));
  parsed.set(row.id, { revision: row.revision, grants });
  return grants;
}

// Every signed-in request runs these: compiled once (server/db/prepared.ts).
const rolesOfUser = prepareQuery<DB, RoleRow, [string, string]>((db) =>
  db
    .selectFrom('portal_roles as r')
    .select(['r.id', 'r.key', 'r.grants', 'r.revision'])
    .where('r.portal_id', '=', arg(0))
    .where((eb) => eb.or([eb('r.is_default', '=', 1), eb('r.id', 'in', eb.selectFrom('portal_user_roles as ur').select('ur.role_id').where('ur.user_id', '=', arg(1)))])),
);
const accountsOf = prepareQuery<DB, { target_id: string }, [string]>((db) =>
  db.selectFrom('record_refs').select('target_id').where('record_id', '=', arg(0)).where('field', '=', CONTACT_ACCOUNTS),
);

/** The Viewer the visibility filter takes: signed in, role keys, and what the grants satisfy. */
export function viewerOf(roles: readonly RoleRow[], grants: Grants, signedIn: boolean): Viewer {
  // Equal role sets (at equal revisions) decide alike: the key caches filtered pages per viewer kind.
  const key = signedIn ? `roles:${roles.map((r) => `${r.id}@${r.revision}`).sort().join(',')}` : 'anonymous';
  return { key, signedIn, roles: roles.map((r) => r.key), can: (requirement) => satisfies(grants, requirement) };
}

/** The accounts of a contact (its `accounts` relation): what the level "account" reaches. */
export async function accountsOfContact(db: Kysely<DB>, contactId: string | null): Promise<string[]> {
  if (!contactId) return [];
  const rows = await accountsOf(db, contactId);
  return rows.map((r) => r.target_id);
}

/** Grants of a signed-in portal user: the portal's default roles and the user's own. */
export async function principalForUser(db: Kysely<DB>, portalId: string, user: { id: string; contactId: string | null }): Promise<PortalPrincipal> {
  const roles = await rolesOfUser(db, portalId, user.id);
  const grants = mergeGrants(roles.map(grantsOf));
  const accountIds = await accountsOfContact(db, user.contactId);
  return {
    userId: user.id,
    roles: roles.map((r) => r.key),
    grants,
    data: { userId: user.id, contactId: user.contactId, accountIds },
    viewer: viewerOf(roles, grants, true),
  };
}

/** What a role (with the portal's default roles) sees: for "Preview as" a role, without a user. */
export async function principalForRole(db: Kysely<DB>, portalId: string, roleId: string): Promise<PortalPrincipal | null> {
  const roles = await db
    .selectFrom('portal_roles')
    .select(['id', 'key', 'grants', 'revision'])
    .where('portal_id', '=', portalId)
    .where((eb) => eb.or([eb('is_default', '=', 1), eb('id', '=', roleId)]))
    .execute();
  if (!roles.some((r) => r.id === roleId)) return null;
  const grants = mergeGrants(roles.map(grantsOf));
  return { userId: null, roles: roles.map((r) => r.key), grants, data: { userId: null, contactId: null, accountIds: [] }, viewer: viewerOf(roles, grants, true) };
}

export const ANONYMOUS_GRANTS = NO_GRANTS;

/**
 * What a principal may do with records of a type, for the query layer: the scope of the operation's
 * level (core's scopeFor) and the fields their grants let them read. Every portal read of records
 * goes through this, so out-of-scope records read as not found and hidden fields never leave SQL.
 */
export function recordAccessFor(principal: PortalPrincipal, type: EntityType, op: RecordOp = 'read'): RecordAccess {
  return { scope: scopeFor(levelFor(principal.grants, type.key, op), type, principal.data), readable: fieldsFor(principal.grants, type).readable };
}

/** What a principal may write: the scope of `edit`, only the fields their grants make editable, never internal ones; records they create are their own. */
export function writeAccessFor(principal: PortalPrincipal, type: EntityType, op: 'edit' | 'delete' = 'edit'): WriteAccess {
  return {
    scope: scopeFor(levelFor(principal.grants, type.key, op), type, principal.data),
    editable: fieldsFor(principal.grants, type).editable,
    internal: false,
    createdByUser: principal.userId,
    read: recordAccessFor(principal, type),
  };
}
