// The permission matrix as data: one editable draft per role (name, default, per-type create and
// levels, per-field access, named actions), made from the server's role and the current entity
// types, changed by small pure functions, and turned back into the grants the server stores. The
// matrix component only renders this; everything that decides lives here and is unit-tested.
import {
  ACCESS_LEVELS,
  FIELD_ACCESS,
  fieldAccess,
  NAMED_ACTIONS,
  type AccessLevel,
  type EntityGrant,
  type EntityType,
  type FieldAccess,
  type Grants,
  type RoleGrants,
  type RoleGrantsInput,
} from '../../core';

export type RecordOpKey = 'read' | 'edit' | 'delete';
export const RECORD_OPS: readonly RecordOpKey[] = ['read', 'edit', 'delete'];

export type GrantDraft = { create: boolean; read: AccessLevel; edit: AccessLevel; delete: AccessLevel; fields: Record<string, FieldAccess> };
export type RoleDraft = {
  name: string;
  description: string;
  isDefault: boolean;
  /** One grant per current entity type, in the types' order. */
  entities: Record<string, GrantDraft>;
  /** In NAMED_ACTIONS order. */
  actions: string[];
};

/** What the matrix needs of a role from the server. */
export type RoleSource = { id: string; key: string; name: string; description: string; isDefault: boolean; revision: number; grants: RoleGrantsInput | RoleGrants };

const EMPTY_GRANT: GrantDraft = { create: false, read: 'none', edit: 'none', delete: 'none', fields: {} };

/**
 * A role as the matrix edits it: a grant for every current type (types that no longer exist are
 * dropped, so saving removes them), field access only for fields that exist and are not internal
 * (a portal never shows internal fields, whatever a role says).
 */
export function draftOf(role: RoleSource, types: readonly EntityType[]): RoleDraft {
  const entities: Record<string, GrantDraft> = {};
  for (const type of types) {
    const g = role.grants.entities?.[type.key];
    const fields: Record<string, FieldAccess> = {};
    for (const [key, access] of Object.entries(g?.fields ?? {})) {
      const field = type.fields.find((f) => f.key === key);
      if (field && !field.internal && access) fields[key] = access;
    }
    entities[type.key] = {
      create: g?.create ?? false,
      read: g?.read ?? 'none',
      edit: g?.edit ?? 'none',
      delete: g?.delete ?? 'none',
      fields,
    };
  }
  const held = new Set<string>(role.grants.actions ?? []);
  return { name: role.name, description: role.description, isDefault: role.isDefault, entities, actions: NAMED_ACTIONS.filter((a) => held.has(a)) };
}

/** The grants to send: types with nothing granted are left out, so stored roles stay small. */
export function grantsOf(draft: RoleDraft): RoleGrants {
  const entities: Record<string, EntityGrant> = {};
  for (const [key, g] of Object.entries(draft.entities)) {
    const empty = !g.create && g.read === 'none' && g.edit === 'none' && g.delete === 'none' && Object.keys(g.fields).length === 0;
    if (!empty) entities[key] = { create: g.create, read: g.read, edit: g.edit, delete: g.delete, fields: { ...g.fields } };
  }
  return { entities, actions: [...draft.actions] as RoleGrants['actions'] };
}

const grantOf = (draft: RoleDraft, type: string): GrantDraft => draft.entities[type] ?? EMPTY_GRANT;
const withGrant = (draft: RoleDraft, type: string, grant: GrantDraft): RoleDraft => ({ ...draft, entities: { ...draft.entities, [type]: grant } });

export function setLevel(draft: RoleDraft, type: string, op: RecordOpKey, level: AccessLevel): RoleDraft {
  return withGrant(draft, type, { ...grantOf(draft, type), [op]: level });
}

export function setCreate(draft: RoleDraft, type: string, create: boolean): RoleDraft {
  return withGrant(draft, type, { ...grantOf(draft, type), create });
}

/** A field's access; `null` lets the field follow the type again. */
export function setFieldAccess(draft: RoleDraft, type: string, field: string, access: FieldAccess | null): RoleDraft {
  const g = grantOf(draft, type);
  const fields = { ...g.fields };
  if (access === null) delete fields[field];
  else fields[field] = access;
  return withGrant(draft, type, { ...g, fields });
}

export function setAction(draft: RoleDraft, action: string, on: boolean): RoleDraft {
  const held = new Set(draft.actions);
  if (on) held.add(action);
  else held.delete(action);
  return { ...draft, actions: NAMED_ACTIONS.filter((a) => held.has(a)) };
}

export const setName = (draft: RoleDraft, name: string): RoleDraft => ({ ...draft, name });
export const setDescription = (draft: RoleDraft, description: string): RoleDraft => ({ ...draft, description });
export const setDefault = (draft: RoleDraft, isDefault: boolean): RoleDraft => ({ ...draft, isDefault });

/** Whether two drafts would save the same role. */
export function sameDraft(a: RoleDraft, b: RoleDraft): boolean {
  return a.name === b.name && a.description === b.description && a.isDefault === b.isDefault && JSON.stringify(grantsOf(a)) === JSON.stringify(grantsOf(b));
}

/** What an update sends for a changed role: only the parts that changed, with the revision it was based on. */
export function changesOf(base: RoleDraft, draft: RoleDraft): { name?: string; description?: string; isDefault?: boolean; grants?: RoleGrants } {
  const out: { name?: string; description?: string; isDefault?: boolean; grants?: RoleGrants } = {};
  if (base.name !== draft.name) out.name = draft.name.trim();
  if (base.description !== draft.description) out.description = draft.description.trim();
  if (base.isDefault !== draft.isDefault) out.isDefault = draft.isDefault;
  const grants = grantsOf(draft);
  if (JSON.stringify(grantsOf(base)) !== JSON.stringify(grants)) out.grants = grants;
  return out;
}

/** A grant as core's decision sees it, to ask what a field not named follows. */
function singleGrants(type: string, g: GrantDraft): Grants {
  return { entities: new Map([[type, g]]), actions: new Set() };
}

/**
 * What a field's cell shows: the access it ends up with (core's `fieldAccess`, so internal fields
 * are always hidden and edit is capped by the type's operations), and whether it is set on the
 * field or follows the type.
 */
export function fieldCell(type: EntityType, g: GrantDraft, fieldKey: string): { effective: FieldAccess; explicit: FieldAccess | null; internal: boolean } {
  const field = type.fields.find((f) => f.key === fieldKey);
  const internal = field?.internal ?? false;
  const effective = fieldAccess(singleGrants(type.key, g), type, fieldKey);
  const explicit = internal ? null : (g.fields[fieldKey] ?? null);
  return { effective, explicit, internal };
}

/** The access a field not named follows in this grant (editable where the type is editable, readable where readable). */
export function inheritedAccess(type: EntityType, g: GrantDraft, fieldKey: string): FieldAccess {
  const { [fieldKey]: _omit, ...fields } = g.fields;
  return fieldAccess(singleGrants(type.key, { ...g, fields }), type, fieldKey);
}

/** How many fields of a type have access set on them (shown on the collapsed fields row). */
export const customizedFields = (g: GrantDraft): number => Object.keys(g.fields).length;

export const LEVEL_LABELS: Record<AccessLevel, string> = { none: 'None', own: 'Own', contact: 'Contact', account: 'Account', all: 'All' };
export const FIELD_LABELS: Record<FieldAccess, string> = { hidden: 'Hidden', read: 'Read', edit: 'Edit' };
export { ACCESS_LEVELS, FIELD_ACCESS };

/** What a level reaches for one type, in words: the links the type has decide what contact and account mean. */
export function levelMeaning(type: Pick<EntityType, 'accountLink' | 'contactLink' | 'label'>, level: AccessLevel): string {
  const plural = type.label.plural.toLowerCase();
  switch (level) {
    case 'none':
      return `No ${plural}`;
    case 'own':
      return `${type.label.plural} the user created`;
    case 'contact':
      return type.contactLink ? `${type.label.plural} linked to the user’s contact, and their own` : `Own only: ${plural} have no contact link`;
    case 'account':
      return type.accountLink
        ? `${type.label.plural} of the user’s accounts, their contact’s and their own`
        : type.contactLink
          ? `Contact and own only: ${plural} have no account link`
          : `Own only: ${plural} have no account or contact link`;
    case 'all':
      return `Every ${type.label.singular.toLowerCase()}, of every customer`;
  }
}

/** Human labels for the named actions, in the matrix's row order. */
export const ACTION_LABELS: Record<(typeof NAMED_ACTIONS)[number], string> = {
  'offers.accept': 'Accept offers',
  'offers.reject': 'Reject offers',
  'invoices.pay': 'Pay invoices',
  'services.request': 'Request services',
  'services.cancel': 'Cancel services',
  'cases.create': 'Open cases',
  'cases.comment': 'Comment on cases',
  'users.manage': 'Manage their company’s users',
  'paymentMethods.manage': 'Manage payment methods',
  'account.edit': 'Edit account details',
  'billing.edit': 'Edit billing details',
  'notifications.manage': 'Manage notifications',
};

/**
 * Server issues (`grants.entities.invoice.fields.x`, `name`, …) by the matrix cell they belong to:
 * `entities.invoice.read`, `entities.invoice.fields.x`, `actions`, `name`; anything else under `role`.
 */
export function issuesByCell(issues: readonly { field: string; message: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const i of issues) {
    const path = i.field.replace(/^grants\./, '');
    const key = /^actions(\.|$)/.test(path) ? 'actions' : /^entities\./.test(path) || path === 'name' || path === 'description' ? path : 'role';
    out.set(key, out.has(key) ? `${out.get(key)}; ${i.message}` : i.message);
  }
  return out;
}

/** A role key from a name, as the server's rule wants it: lower-case letters, digits, - and _. */
export function keyFromName(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 64) || ''
  );
}

/** The same check the server makes, for the new-role dialog: a slug, not taken in this portal. */
export function keyProblem(key: string, taken: readonly string[]): string | null {
  if (!key) return 'a key is required';
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(key)) return 'use lower-case letters, digits, - and _, starting with a letter or digit';
  if (key.length > 64) return 'at most 64 characters';
  if (taken.includes(key)) return `this portal already has a role “${key}”`;
  return null;
}
