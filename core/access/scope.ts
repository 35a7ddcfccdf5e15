// Record access levels (DESIGN.md section 5, EspoCRM semantics) turned into a scope: which records of
// a type a portal user reaches at a level. One pure decision; the server compiles the same `Scope`
// into a SQL clause for lists, reads, updates and deletes, and `recordInScope` is its reference
// meaning, used by tests to check the SQL against it record by record.
import { SELF_LINK, type EntityType } from '../entities/entity-type';

export const ACCESS_LEVELS = ['none', 'own', 'contact', 'account', 'all'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** Who is asking, as far as records are concerned: the portal user, their contact and its accounts. */
export type DataViewer = { userId: string | null; contactId: string | null; accountIds: readonly string[] };

/** A record matches a term when it was created by the user, is one of `ids`, or links through `field` to one of `ids`. */
export type ScopeTerm = { kind: 'owner'; userId: string } | { kind: 'self'; ids: string[] } | { kind: 'link'; field: string; ids: string[] };
export type Scope = { kind: 'all' } | { kind: 'none' } | { kind: 'some'; terms: ScopeTerm[] };

export const levelRank = (level: AccessLevel): number => ACCESS_LEVELS.indexOf(level);
/** Most permissive wins: the merge rule for levels granted by several roles. */
export const maxLevel = (a: AccessLevel, b: AccessLevel): AccessLevel => (levelRank(a) >= levelRank(b) ? a : b);

function linkTerm(link: string | null, ids: readonly string[]): ScopeTerm | null {
  if (link === null || ids.length === 0) return null;
  return link === SELF_LINK ? { kind: 'self', ids: [...ids] } : { kind: 'link', field: link, ids: [...ids] };
}

/**
 * The records of `type` that `viewer` reaches at `level`: `own` = created by the user; `contact` =
 * linked to the user's contact, or own; `account` = linked to one of the contact's accounts, or
 * contact, or own. A type without a contact (account) link matches nothing more at that level.
 */
export function scopeFor(level: AccessLevel, type: Pick<EntityType, 'accountLink' | 'contactLink'>, viewer: DataViewer): Scope {
  if (level === 'all') return { kind: 'all' };
  if (level === 'none') return { kind: 'none' };
  const terms: ScopeTerm[] = [];
  if (viewer.userId) terms.push({ kind: 'owner', userId: viewer.userId });
  if (level === 'contact' || level === 'account') {
    const t = linkTerm(type.contactLink, viewer.contactId ? [viewer.contactId] : []);
    if (t) terms.push(t);
  }
  if (level === 'account') {
    const t = linkTerm(type.accountLink, viewer.accountIds);
    if (t) terms.push(t);
  }
  return terms.length ? { kind: 'some', terms } : { kind: 'none' };
}

/** What a record looks like to the scope: its id, who created it, and its links per field. */
export type ScopedRecord = { id: string; createdByUser: string | null; links: Readonly<Record<string, readonly string[]>> };

export function recordInScope(scope: Scope, record: ScopedRecord): boolean {
  if (scope.kind !== 'some') return scope.kind === 'all';
  return scope.terms.some((t) => {
    switch (t.kind) {
      case 'owner':
        return record.createdByUser === t.userId;
      case 'self':
        return t.ids.includes(record.id);
      case 'link':
        return (record.links[t.field] ?? []).some((id) => t.ids.includes(id));
    }
  });
}
