// What the self-service blocks read about the signed-in user and their company: notification
// preferences, and the team (the portal users whose contacts belong to the user's accounts) with
// the roles a Customer Owner may hand out — only roles whose grants their own grants cover, so
// nobody can give a colleague more than they have.
import type { Kysely } from 'kysely';
import { CONTACT_ACCOUNTS, grantsCover, NOTIFICATION_TOPICS, roleGrantsSchema, type RoleGrants, type TeamMember, type TeamResult } from '../../core';
import type { DB } from '../db/schema';
import type { PortalPrincipal } from './portal-grants';

export async function preferencesOf(db: Kysely<DB>, userId: string): Promise<Record<string, boolean>> {
  const row = await db.selectFrom('portal_users').select('preferences').where('id', '=', userId).executeTakeFirst();
  let stored: Record<string, unknown> = {};
  try {
    stored = JSON.parse(row?.preferences ?? '{}') as Record<string, unknown>;
  } catch {
    stored = {};
  }
  return Object.fromEntries(NOTIFICATION_TOPICS.map((t) => [t.key, stored[t.key] !== false]));
}

/** Roles of the portal a principal may give to colleagues: not default ones, and within their own grants. */
export async function assignableRoles(db: Kysely<DB>, portalId: string, principal: PortalPrincipal): Promise<{ id: string; key: string; name: string }[]> {
  const roles = await db.selectFrom('portal_roles').select(['id', 'key', 'name', 'grants']).where('portal_id', '=', portalId).where('is_default', '=', 0).orderBy('name').execute();
  return roles.filter((r) => grantsCover(principal.grants, roleGrantsSchema.parse(JSON.parse(r.grants)))).map(({ id, key, name }) => ({ id, key, name }));
}

/** The portal users of this portal whose contact belongs to one of the principal's accounts. */
export async function teamUserIds(db: Kysely<DB>, portalId: string, principal: PortalPrincipal): Promise<string[]> {
  if (!principal.data.accountIds.length) return [];
  const rows = await db
    .selectFrom('portal_users as u')
    .innerJoin('record_refs as x', (j) => j.onRef('x.record_id', '=', 'u.contact_id').on('x.field', '=', CONTACT_ACCOUNTS))
    .select('u.id')
    .distinct()
    .where('u.portal_id', '=', portalId)
    .where('x.target_id', 'in', principal.data.accountIds)
    .execute();
  return rows.map((r) => r.id);
}

export async function teamOf(db: Kysely<DB>, portalId: string, principal: PortalPrincipal): Promise<TeamResult> {
  const ids = await teamUserIds(db, portalId, principal);
  const roles = await assignableRoles(db, portalId, principal);
  if (!ids.length) return { kind: 'team', members: [], roles: roles.map(({ key, name }) => ({ key, name })) };
  const users = await db.selectFrom('portal_users').select(['id', 'name', 'email', 'status']).where('portal_id', '=', portalId).where('id', 'in', ids).orderBy('name').execute();
  const userRoles = await db
    .selectFrom('portal_user_roles as ur')
    .innerJoin('portal_roles as r', 'r.id', 'ur.role_id')
    .select(['ur.user_id', 'r.key', 'r.name'])
    .where('ur.user_id', 'in', ids)
    .execute();
  const members: TeamMember[] = users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    status: u.status,
    roles: userRoles.filter((r) => r.user_id === u.id).map((r) => r.key),
    self: u.id === principal.userId,
  }));
  const roleNames = Object.fromEntries(userRoles.map((r) => [r.key, r.name]));
  return { kind: 'team', members, roles: roles.map(({ key, name }) => ({ key, name })), roleNames };
}

/** Replaces the signed-in user's notification preferences (known topics only), in the caller's transaction. */
export async function writePreferences(trx: Kysely<DB>, portalId: string, userId: string, values: Record<string, boolean>): Promise<void> {
  const known = Object.fromEntries(NOTIFICATION_TOPICS.map((t) => [t.key, values[t.key] !== false]));
  await trx.updateTable('portal_users').set({ preferences: JSON.stringify(known), updated_at: new Date().toISOString() }).where('id', '=', userId).where('portal_id', '=', portalId).execute();
}

/** A team member's own roles with their grants (default roles reach everyone and are not listed). */
export async function memberRoles(db: Kysely<DB>, portalId: string, userId: string): Promise<{ id: string; key: string; name: string; grants: RoleGrants }[]> {
  const rows = await db
    .selectFrom('portal_user_roles as ur')
    .innerJoin('portal_roles as r', 'r.id', 'ur.role_id')
    .select(['r.id', 'r.key', 'r.name', 'r.grants'])
    .where('ur.user_id', '=', userId)
    .where('r.portal_id', '=', portalId)
    .execute();
  return rows.map((r) => ({ id: r.id, key: r.key, name: r.name, grants: roleGrantsSchema.parse(JSON.parse(r.grants)) }));
}
