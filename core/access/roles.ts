// Portal roles and the one access decision (DESIGN.md section 5). A role grants, per entity type,
// `create` and the levels of `read`, `edit` and `delete`, access per field, and named actions. A
// user's grants are the merge of the portal's default roles and their own: most permissive wins.
// Anything not granted is denied. `decide` is the reference meaning; the server turns the same
// levels into SQL scopes (scope.ts) and field lists.
import { z } from 'zod';
import { fieldKeySchema, typeKeySchema, type EntityType } from '../entities/entity-type';
import type { Requirement } from './requirements';
import { ACCESS_LEVELS, levelRank, maxLevel, type AccessLevel } from './scope';

export const FIELD_ACCESS = ['hidden', 'read', 'edit'] as const;
export type FieldAccess = (typeof FIELD_ACCESS)[number];

/** Named actions a role may grant (the customer-portal settings sheet); blocks require them. */
export const NAMED_ACTIONS = [
  'offers.accept',
  'offers.reject',
  'invoices.pay',
  'services.request',
  'services.cancel',
  'cases.create',
  'cases.comment',
  'users.manage',
  'paymentMethods.manage',
  'account.edit',
  'billing.edit',
  'notifications.manage',
] as const;
export type NamedAction = (typeof NAMED_ACTIONS)[number];

const level = z.enum(ACCESS_LEVELS);

export const entityGrantSchema = z
  .object({
    create: z.boolean().default(false),
    read: level.default('none'),
    edit: level.default('none'),
    delete: level.default('none'),
    /** Per field; a field not named follows the type: readable where the type is, editable where the type is. */
    fields: z.record(fieldKeySchema, z.enum(FIELD_ACCESS)).default({}),
  })
  .strict();
export type EntityGrant = z.infer<typeof entityGrantSchema>;

export const roleGrantsSchema = z
  .object({
    entities: z.record(typeKeySchema, entityGrantSchema).default({}),
    actions: z.array(z.enum(NAMED_ACTIONS)).max(NAMED_ACTIONS.length).default([]),
  })
  .strict();
export type RoleGrants = z.infer<typeof roleGrantsSchema>;
export type RoleGrantsInput = z.input<typeof roleGrantsSchema>;

/** What a viewer holds after merging their roles. */
export type Grants = {
  entities: ReadonlyMap<string, EntityGrant>;
  actions: ReadonlySet<string>;
};

export const NO_GRANTS: Grants = { entities: new Map(), actions: new Set() };

const fieldRank = (a: FieldAccess) => FIELD_ACCESS.indexOf(a);

/** Most permissive wins, per type, per operation, per field and per action (EspoCRM's rule). */
export function mergeGrants(roles: readonly RoleGrants[]): Grants {
  const entities = new Map<string, EntityGrant>();
  const actions = new Set<string>();
  for (const role of roles) {
    for (const a of role.actions) actions.add(a);
    for (const [type, g] of Object.entries(role.entities)) {
      const prev = entities.get(type);
      if (!prev) {
        entities.set(type, { ...g, fields: { ...g.fields } });
        continue;
      }
      // A field one role leaves unnamed follows that role's type access; compare like for like.
      const fields: Record<string, FieldAccess> = {};
      for (const key of new Set([...Object.keys(prev.fields), ...Object.keys(g.fields)])) {
        const a = prev.fields[key] ?? implicitFieldAccess(prev);
        const b = g.fields[key] ?? implicitFieldAccess(g);
        fields[key] = fieldRank(a) >= fieldRank(b) ? a : b;
      }
      entities.set(type, {
        create: prev.create || g.create,
        read: maxLevel(prev.read, g.read),
        edit: maxLevel(prev.edit, g.edit),
        delete: maxLevel(prev.delete, g.delete),
        fields,
      });
    }
  }
  return { entities, actions };
}

/** A field a grant does not name: editable where the type is editable, readable where readable. */
function implicitFieldAccess(g: EntityGrant): FieldAccess {
  if (g.edit !== 'none' || g.create) return 'edit';
  return g.read !== 'none' ? 'read' : 'hidden';
}

export type RecordOp = 'read' | 'edit' | 'delete';
/** How a record relates to the viewer, closest first: created by them, linked to their contact, to one of their accounts, or none of these. */
export type RecordRelation = 'own' | 'contact' | 'account' | 'unrelated';

const NEEDED: Record<RecordRelation, AccessLevel> = { own: 'own', contact: 'contact', account: 'account', unrelated: 'all' };

/** The grant for a type, or none. */
export const grantFor = (grants: Grants, type: string): EntityGrant | undefined => grants.entities.get(type);

/** The level a viewer has for an operation on a type. */
export function levelFor(grants: Grants, type: string, op: RecordOp): AccessLevel {
  return grantFor(grants, type)?.[op] ?? 'none';
}

/**
 * The one decision: may the viewer do `op` to a record of `type` that relates to them as
 * `relation` (or create one)? A level reaches its own relation and every closer one.
 */
export function decide(grants: Grants, type: string, op: RecordOp | 'create', relation: RecordRelation = 'unrelated'): boolean {
  const g = grantFor(grants, type);
  if (!g) return false;
  if (op === 'create') return g.create;
  return levelRank(g[op]) >= levelRank(NEEDED[relation]) && g[op] !== 'none';
}

/** Access to one field: internal fields are always hidden; otherwise the grant's, capped by the type's operations. */
export function fieldAccess(grants: Grants, type: EntityType, key: string): FieldAccess {
  const field = type.fields.find((f) => f.key === key);
  const g = grantFor(grants, type.key);
  if (!field || field.internal || !g || g.read === 'none') return 'hidden';
  const access = g.fields[key] ?? implicitFieldAccess(g);
  if (access === 'edit' && g.edit === 'none' && !g.create) return 'read';
  return access;
}

/** The fields a viewer may read (`read` or `edit`) and edit, of a type. */
export function fieldsFor(grants: Grants, type: EntityType): { readable: Set<string>; editable: Set<string> } {
  const readable = new Set<string>();
  const editable = new Set<string>();
  for (const f of type.fields) {
    const a = fieldAccess(grants, type, f.key);
    if (a !== 'hidden') readable.add(f.key);
    if (a === 'edit') editable.add(f.key);
  }
  return { readable, editable };
}

/** Whether grants satisfy a block's or page's requirement: any level for an entity operation, or the named action. */
export function satisfies(grants: Grants, requirement: Requirement): boolean {
  if ('action' in requirement) return grants.actions.has(requirement.action);
  if (requirement.op === 'create') return grantFor(grants, requirement.entity)?.create ?? false;
  return levelFor(grants, requirement.entity, requirement.op) !== 'none';
}

/**
 * Whether `held` grants everything `role` grants (each action, create, each level, each field's
 * access): a user may hand out a role only when this holds, so nobody gives more than they have.
 */
export function grantsCover(held: Grants, role: RoleGrants): boolean {
  if (role.actions.some((a) => !held.actions.has(a))) return false;
  for (const [type, want] of Object.entries(role.entities)) {
    const have = held.entities.get(type);
    const ops = ['read', 'edit', 'delete'] as const;
    if (!have) {
      if (want.create || ops.some((op) => want[op] !== 'none')) return false;
      continue;
    }
    if (want.create && !have.create) return false;
    if (ops.some((op) => levelRank(want[op]) > levelRank(have[op]))) return false;
    const wantImplicit = implicitFieldAccess(want);
    const haveImplicit = implicitFieldAccess(have);
    const keys = new Set([...Object.keys(want.fields), ...Object.keys(have.fields)]);
    for (const key of keys) {
      const w = want.fields[key] ?? wantImplicit;
      const h = have.fields[key] ?? haveImplicit;
      if (fieldRank(w) > fieldRank(h)) return false;
    }
    if (fieldRank(wantImplicit) > fieldRank(haveImplicit)) return false;
  }
  return true;
}
