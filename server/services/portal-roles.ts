// Portal roles (DESIGN.md section 5): list, read, create, change (with the revision the editor saw:
// a stale one is CONFLICT), delete, and which roles are default. Grants are checked by the core
// schema and against the entity types as they are now, naming every type and field at fault. Roles
// are live data: principalForUser reads them on every request, so a change applies to signed-in
// users at their next request with nothing to invalidate. Every query is scoped to its portal: a
// role id from another portal reads as not found.
import { TRPCError } from '@trpc/server';
import type { Kysely } from 'kysely';
import { roleGrantsSchema, type EntityType, type FieldIssue, type RoleGrants } from '../../core';
import { STARTER_ROLES } from '../../templates/starters/roles';
import { newRowId } from '../auth/tokens';
import { writeTx, type Db } from '../db/database';
import { isSqlite } from '../db/dialect';
import type { DB, PortalRoleRow } from '../db/schema';
import { audit } from './audit';
import { findType } from './entity-types';
import { FieldIssuesError } from './field-issues';

export type PortalRole = {
  id: string;
  key: string;
  name: string;
  description: string;
  grants: RoleGrants;
  isDefault: boolean;
  revision: number;
  /** Users who hold the role themselves (default roles reach every user on top of these). */
  userCount: number;
  createdAt: string;
  updatedAt: string;
};

export type RoleActor = { id: string };

/** A portal holds at most this many roles: the matrix stays readable and merges stay cheap. */
export const MAX_ROLES = 50;

const now = () => new Date().toISOString();
const roleNotFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'No such role in this portal.' });
const portalNotFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'No such portal.' });

export async function requirePortalRow(db: Kysely<DB>, portalId: string): Promise<{ id: string; slug: string; name: string }> {
  const row = await db.selectFrom('portals').select(['id', 'slug', 'name']).where('id', '=', portalId).executeTakeFirst();
  if (!row) throw portalNotFound();
  return row;
}

function toRole(row: PortalRoleRow, userCount: number): PortalRole {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    // Stored grants were checked when written; parsing fills the schema's defaults.
    grants: roleGrantsSchema.parse(JSON.parse(row.grants)),
    isDefault: row.is_default === 1,
    revision: row.revision,
    userCount,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function userCounts(db: Kysely<DB>, roleIds: string[]): Promise<Map<string, number>> {
  if (roleIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('portal_user_roles')
    .select(['role_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('role_id', 'in', roleIds)
    .groupBy('role_id')
    .execute();
  return new Map(rows.map((r) => [r.role_id, Number(r.n)]));
}

/** A portal's roles in the order they were created (the starters in their listed order). */
export async function listRoles(db: Kysely<DB>, portalId: string): Promise<PortalRole[]> {
  await requirePortalRow(db, portalId);
  const rows = await db.selectFrom('portal_roles').selectAll().where('portal_id', '=', portalId).orderBy('created_at').orderBy('id').execute();
  const counts = await userCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toRole(r, counts.get(r.id) ?? 0));
}

async function findRoleRow(db: Kysely<DB>, portalId: string, roleId: string, lock = false): Promise<PortalRoleRow> {
  let q = db.selectFrom('portal_roles').selectAll().where('portal_id', '=', portalId).where('id', '=', roleId);
  if (lock && !isSqlite(db)) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw roleNotFound();
  return row;
}

export async function getRole(db: Kysely<DB>, portalId: string, roleId: string): Promise<PortalRole> {
  const row = await findRoleRow(db, portalId, roleId);
  return toRole(row, (await userCounts(db, [row.id])).get(row.id) ?? 0);
}

/**
 * Checks grants: the core schema first (levels, field access, named actions), then every entity
 * type and field they name against the types as they are now. Internal fields are never visible in
 * a portal, so granting more than `hidden` on one is refused rather than silently meaningless.
 */
export async function checkGrants(db: Kysely<DB>, input: unknown): Promise<RoleGrants> {
  const parsed = roleGrantsSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ field: ['grants', ...i.path.map(String)].join('.'), message: i.message }));
    throw new FieldIssuesError(`The grants are not valid: ${describe(issues)}`, issues);
  }
  const grants = parsed.data;
  const issues: FieldIssue[] = [];
  const types = new Map<string, EntityType | undefined>();
  for (const key of Object.keys(grants.entities)) types.set(key, await findType(db, key));
  for (const [key, grant] of Object.entries(grants.entities)) {
    const type = types.get(key);
    if (!type) {
      issues.push({ field: `grants.entities.${key}`, message: `there is no entity type "${key}"` });
      continue;
    }
    for (const [fieldKey, access] of Object.entries(grant.fields)) {
      const field = type.fields.find((f) => f.key === fieldKey);
      if (!field) issues.push({ field: `grants.entities.${key}.fields.${fieldKey}`, message: `the type "${type.label.singular}" has no field "${fieldKey}"` });
      else if (field.internal && access !== 'hidden') {
        issues.push({ field: `grants.entities.${key}.fields.${fieldKey}`, message: `"${field.label}" of ${type.label.singular} is internal: a portal never shows it, so it can only be hidden` });
      }
    }
  }
  if (issues.length) throw new FieldIssuesError(`The grants are not valid: ${describe(issues)}`, issues);
  return grants;
}

function describe(issues: readonly FieldIssue[]): string {
  const first = issues
    .slice(0, 3)
    .map((i) => `${i.field}: ${i.message}`)
    .join('; ');
  return issues.length > 3 ? `${first}; and ${issues.length - 3} more` : first;
}

async function assertKeyFree(trx: Kysely<DB>, portalId: string, key: string): Promise<void> {
  const taken = await trx.selectFrom('portal_roles').select('id').where('portal_id', '=', portalId).where('key', '=', key).executeTakeFirst();
  if (taken) throw new TRPCError({ code: 'CONFLICT', message: `This portal already has a role with the key "${key}".` });
}

/** Inserts the starter roles into a portal (inside the transaction that creates it). */
export async function insertStarterRoles(trx: Kysely<DB>, portalId: string): Promise<void> {
  const base = Date.now();
  await trx
    .insertInto('portal_roles')
    .values(
      STARTER_ROLES.map((r, i) => {
        // One millisecond apart, so that listing by creation time keeps the starters' order.
        const at = new Date(base + i).toISOString();
        return {
          id: newRowId(),
          portal_id: portalId,
          key: r.key,
          name: r.name,
          description: r.description,
          grants: JSON.stringify(roleGrantsSchema.parse(r.grants)),
          is_default: r.isDefault ? 1 : 0,
          revision: 1,
          created_at: at,
          updated_at: at,
        };
      }),
    )
    .execute();
}

export type NewRole = { portalId: string; key: string; name: string; description?: string; grants: unknown; isDefault?: boolean };

export async function createRole(db: Db, actor: RoleActor, input: NewRole): Promise<PortalRole> {
  const id = newRowId();
  await writeTx(db, async (trx) => {
    await requirePortalRow(trx, input.portalId);
    const grants = await checkGrants(trx, input.grants);
    await assertKeyFree(trx, input.portalId, input.key);
    const count = await trx.selectFrom('portal_roles').select((eb) => eb.fn.countAll<number>().as('n')).where('portal_id', '=', input.portalId).executeTakeFirst();
    if (Number(count?.n ?? 0) >= MAX_ROLES) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: `A portal has at most ${MAX_ROLES} roles; remove one first.` });
    const at = now();
    await trx
      .insertInto('portal_roles')
      .values({
        id,
        portal_id: input.portalId,
        key: input.key,
        name: input.name,
        description: input.description ?? '',
        grants: JSON.stringify(grants),
        is_default: input.isDefault ? 1 : 0,
        revision: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await audit(trx, { actor_type: 'admin', actor_id: actor.id, portal_id: input.portalId, action: 'portal-role.create', target: input.key, details: { isDefault: Boolean(input.isDefault) } });
  });
  return getRole(db, input.portalId, id);
}

export type RoleChange = {
  portalId: string;
  roleId: string;
  baseRevision: number;
  name?: string | undefined;
  description?: string | undefined;
  grants?: unknown;
  isDefault?: boolean | undefined;
};

/** Changes a role if the editor saw its latest revision; otherwise CONFLICT, never a silent overwrite. The key never changes: pages and blocks name it. */
export async function updateRole(db: Db, actor: RoleActor, input: RoleChange): Promise<PortalRole> {
  await writeTx(db, async (trx) => {
    const row = await findRoleRow(trx, input.portalId, input.roleId, true);
    if (row.revision !== input.baseRevision) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: `The role "${row.name}" was changed meanwhile (it is at revision ${row.revision}; you edited revision ${input.baseRevision}). Reload it and make your change again.`,
      });
    }
    const grants = input.grants === undefined ? undefined : await checkGrants(trx, input.grants);
    const changed = (['name', 'description', 'grants', 'isDefault'] as const).filter((k) => input[k] !== undefined);
    // The revision guard in the WHERE keeps this safe under READ COMMITTED too.
    const updated = await trx
      .updateTable('portal_roles')
      .set({
        name: input.name ?? row.name,
        description: input.description ?? row.description,
        grants: grants ? JSON.stringify(grants) : row.grants,
        is_default: input.isDefault === undefined ? row.is_default : input.isDefault ? 1 : 0,
        revision: row.revision + 1,
        updated_at: now(),
      })
      .where('id', '=', row.id)
      .where('revision', '=', row.revision)
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) throw new TRPCError({ code: 'CONFLICT', message: `The role "${row.name}" was saved by someone else at the same moment. Reload it.` });
    await audit(trx, { actor_type: 'admin', actor_id: actor.id, portal_id: input.portalId, action: 'portal-role.update', target: row.key, details: { changed, revision: row.revision + 1 } });
  });
  return getRole(db, input.portalId, input.roleId);
}

/** Makes a role default (every user of the portal holds it) or not. */
export async function setDefaultRole(db: Db, actor: RoleActor, input: { portalId: string; roleId: string; isDefault: boolean }): Promise<PortalRole> {
  await writeTx(db, async (trx) => {
    const row = await findRoleRow(trx, input.portalId, input.roleId, true);
    if ((row.is_default === 1) === input.isDefault) return;
    await trx
      .updateTable('portal_roles')
      .set({ is_default: input.isDefault ? 1 : 0, revision: row.revision + 1, updated_at: now() })
      .where('id', '=', row.id)
      .execute();
    await audit(trx, { actor_type: 'admin', actor_id: actor.id, portal_id: input.portalId, action: 'portal-role.setDefault', target: row.key, details: { isDefault: input.isDefault } });
  });
  return getRole(db, input.portalId, input.roleId);
}

/** Deletes a role; its users lose it at their next request. Returns how many users held it. */
export async function deleteRole(db: Db, actor: RoleActor, input: { portalId: string; roleId: string }): Promise<{ ok: true; usersAffected: number }> {
  return writeTx(db, async (trx) => {
    const row = await findRoleRow(trx, input.portalId, input.roleId, true);
    const usersAffected = (await userCounts(trx, [row.id])).get(row.id) ?? 0;
    // Explicit, though the foreign key cascades too: the count above and the delete agree.
    await trx.deleteFrom('portal_user_roles').where('role_id', '=', row.id).execute();
    await trx.deleteFrom('portal_roles').where('id', '=', row.id).where('portal_id', '=', input.portalId).execute();
    await audit(trx, { actor_type: 'admin', actor_id: actor.id, portal_id: input.portalId, action: 'portal-role.delete', target: row.key, details: { name: row.name, usersAffected } });
    return { ok: true as const, usersAffected };
  });
}
