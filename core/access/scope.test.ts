// scopeFor and recordInScope (DESIGN.md section 5): for every access level × how a record relates
// to the viewer, whether the record is in scope, written out by hand per kind of type: an ordinary
// type with account and contact links, the built-in Account ($self account link), the built-in
// Contact ($self contact link, its accounts as account link), and a type without links. Also the
// exact Scope terms the server compiles to SQL, viewers without a user or contact, and maxLevel.
import { describe, expect, it } from 'vitest';
import { builtInTypes } from '../entities/builtins';
import { entityTypeSchema, type EntityType } from '../entities/entity-type';
import { ACCESS_LEVELS, levelRank, maxLevel, recordInScope, scopeFor, type AccessLevel, type DataViewer, type ScopedRecord } from './scope';

const [accountType, contactType] = builtInTypes as [EntityType, EntityType];
const ticketType = entityTypeSchema.parse({
  key: 'ticket',
  label: { singular: 'Ticket', plural: 'Tickets' },
  titleField: 'subject',
  accountLink: 'customers',
  contactLink: 'requester',
  fields: [
    { key: 'subject', label: 'Subject', type: 'text' },
    { key: 'customers', label: 'Customers', type: 'relations', target: 'account' },
    { key: 'requester', label: 'Requester', type: 'relation', target: 'contact' },
  ],
});
const noteType = entityTypeSchema.parse({
  key: 'note',
  label: { singular: 'Note', plural: 'Notes' },
  titleField: 'subject',
  fields: [
    { key: 'subject', label: 'Subject', type: 'text' },
    // Relations that are not declared as the type's links: they grant nothing.
    { key: 'customer', label: 'Customer', type: 'relation', target: 'account' },
    { key: 'author', label: 'Author', type: 'relation', target: 'contact' },
  ],
});

/** A partner-style viewer: a user, their contact, and two accounts. */
const me: DataViewer = { userId: 'u_me', contactId: 'c_me', accountIds: ['a_mine', 'a_mine2'] };

const rec = (id: string, createdByUser: string | null, links: Record<string, string[]> = {}): ScopedRecord => ({ id, createdByUser, links });

type Row = [relation: string, record: ScopedRecord, visible: Record<AccessLevel, boolean>];
const yes = true;
const no = false;

function table(type: Pick<EntityType, 'accountLink' | 'contactLink'>, rows: Row[], viewer: DataViewer = me) {
  const cases = rows.flatMap(([relation, record, visible]) => ACCESS_LEVELS.map((level) => [level, relation, visible[level], record] as const));
  it.each(cases)('level %s, record %s → visible: %s', (level, _relation, visible, record) => {
    expect(recordInScope(scopeFor(level, type, viewer), record)).toBe(visible);
  });
}

describe('an ordinary type (account link: customers, contact link: requester)', () => {
  table(ticketType, [
    ['created by the viewer', rec('t1', 'u_me', { customers: ['a_other'], requester: ['c_other'] }), { none: no, own: yes, contact: yes, account: yes, all: yes }],
    ["linked to the viewer's contact", rec('t2', 'u_other', { requester: ['c_me'] }), { none: no, own: no, contact: yes, account: yes, all: yes }],
    ["linked to one of the viewer's accounts", rec('t3', 'u_other', { customers: ['a_other', 'a_mine2'], requester: ['c_other'] }), { none: no, own: no, contact: no, account: yes, all: yes }],
    ['linked to another account', rec('t4', 'u_other', { customers: ['a_other'], requester: ['c_other'] }), { none: no, own: no, contact: no, account: no, all: yes }],
    ['unrelated', rec('t5', null), { none: no, own: no, contact: no, account: no, all: yes }],
    // The ids of links only count in their own field.
    ["with the viewer's ids in the wrong fields", rec('t6', 'u_other', { customers: ['c_me'], requester: ['a_mine'], subject: ['u_me'] }), { none: no, own: no, contact: no, account: no, all: yes }],
  ]);
});

describe('the built-in Account type (account link: $self, no contact link)', () => {
  table(accountType, [
    ['created by the viewer', rec('a_new', 'u_me'), { none: no, own: yes, contact: yes, account: yes, all: yes }],
    // Account has no contact link: a relation to the viewer's contact grants nothing.
    ["linked to the viewer's contact", rec('a_x1', 'u_other', { primaryContact: ['c_me'] }), { none: no, own: no, contact: no, account: no, all: yes }],
    ["one of the viewer's accounts", rec('a_mine2', 'u_other'), { none: no, own: no, contact: no, account: yes, all: yes }],
    ['another account', rec('a_other', 'u_other'), { none: no, own: no, contact: no, account: no, all: yes }],
    ["another account whose parent is the viewer's account", rec('a_sub', 'u_other', { parent: ['a_mine'] }), { none: no, own: no, contact: no, account: no, all: yes }],
    ['unrelated', rec('a_x2', null), { none: no, own: no, contact: no, account: no, all: yes }],
  ]);
});

describe('the built-in Contact type (contact link: $self, account link: accounts)', () => {
  table(contactType, [
    ['created by the viewer', rec('c_new', 'u_me', { accounts: ['a_other'] }), { none: no, own: yes, contact: yes, account: yes, all: yes }],
    ["the viewer's own contact", rec('c_me', 'u_admin', { accounts: ['a_mine', 'a_mine2'] }), { none: no, own: no, contact: yes, account: yes, all: yes }],
    ["a colleague at one of the viewer's accounts", rec('c_colleague', 'u_other', { accounts: ['a_other', 'a_mine2'] }), { none: no, own: no, contact: no, account: yes, all: yes }],
    ['a contact at another account', rec('c_stranger', 'u_other', { accounts: ['a_other'] }), { none: no, own: no, contact: no, account: no, all: yes }],
    ['unrelated', rec('c_x', null), { none: no, own: no, contact: no, account: no, all: yes }],
  ]);
});

describe('a type without links', () => {
  table(noteType, [
    ['created by the viewer', rec('n1', 'u_me'), { none: no, own: yes, contact: yes, account: yes, all: yes }],
    ["linked to the viewer's contact (not a declared link)", rec('n2', 'u_other', { author: ['c_me'] }), { none: no, own: no, contact: no, account: no, all: yes }],
    ["linked to one of the viewer's accounts (not a declared link)", rec('n3', 'u_other', { customer: ['a_mine'] }), { none: no, own: no, contact: no, account: no, all: yes }],
    ['linked to another account', rec('n4', 'u_other', { customer: ['a_other'] }), { none: no, own: no, contact: no, account: no, all: yes }],
    ['unrelated', rec('n5', null), { none: no, own: no, contact: no, account: no, all: yes }],
  ]);
});

describe('a viewer with no user id and no contact', () => {
  const nobody: DataViewer = { userId: null, contactId: null, accountIds: [] };

  it('reaches nothing below "all", for every kind of type', () => {
    for (const type of [ticketType, accountType, contactType, noteType]) {
      expect(scopeFor('none', type, nobody)).toEqual({ kind: 'none' });
      expect(scopeFor('own', type, nobody)).toEqual({ kind: 'none' });
      expect(scopeFor('contact', type, nobody)).toEqual({ kind: 'none' });
      expect(scopeFor('account', type, nobody)).toEqual({ kind: 'none' });
      expect(scopeFor('all', type, nobody)).toEqual({ kind: 'all' });
    }
  });

  describe('records of an ordinary type', () => {
    table(
      ticketType,
      [
        ['created by nobody', rec('t1', null, { customers: ['a_mine'], requester: ['c_me'] }), { none: no, own: no, contact: no, account: no, all: yes }],
        ['created by a user', rec('t2', 'u_me'), { none: no, own: no, contact: no, account: no, all: yes }],
      ],
      nobody,
    );
  });
});

describe('a viewer with a user id but no contact', () => {
  const loner: DataViewer = { userId: 'u_me', contactId: null, accountIds: [] };
  table(
    ticketType,
    [
      ['created by the viewer', rec('t1', 'u_me'), { none: no, own: yes, contact: yes, account: yes, all: yes }],
      ['linked to some contact and account', rec('t2', 'u_other', { customers: ['a_mine'], requester: ['c_me'] }), { none: no, own: no, contact: no, account: no, all: yes }],
      ['created by nobody', rec('t3', null), { none: no, own: no, contact: no, account: no, all: yes }],
    ],
    loner,
  );
});

describe('scopeFor: the terms the server compiles', () => {
  it('an ordinary type', () => {
    expect(scopeFor('own', ticketType, me)).toEqual({ kind: 'some', terms: [{ kind: 'owner', userId: 'u_me' }] });
    expect(scopeFor('contact', ticketType, me)).toEqual({
      kind: 'some',
      terms: [
        { kind: 'owner', userId: 'u_me' },
        { kind: 'link', field: 'requester', ids: ['c_me'] },
      ],
    });
    expect(scopeFor('account', ticketType, me)).toEqual({
      kind: 'some',
      terms: [
        { kind: 'owner', userId: 'u_me' },
        { kind: 'link', field: 'requester', ids: ['c_me'] },
        { kind: 'link', field: 'customers', ids: ['a_mine', 'a_mine2'] },
      ],
    });
  });

  it('Account and Contact match by their own id', () => {
    expect(scopeFor('account', accountType, me)).toEqual({
      kind: 'some',
      terms: [
        { kind: 'owner', userId: 'u_me' },
        { kind: 'self', ids: ['a_mine', 'a_mine2'] },
      ],
    });
    expect(scopeFor('contact', accountType, me)).toEqual({ kind: 'some', terms: [{ kind: 'owner', userId: 'u_me' }] });
    expect(scopeFor('account', contactType, me)).toEqual({
      kind: 'some',
      terms: [
        { kind: 'owner', userId: 'u_me' },
        { kind: 'self', ids: ['c_me'] },
        { kind: 'link', field: 'accounts', ids: ['a_mine', 'a_mine2'] },
      ],
    });
  });

  it('a contact without accounts adds no account term', () => {
    expect(scopeFor('account', ticketType, { userId: 'u_me', contactId: 'c_me', accountIds: [] })).toEqual({
      kind: 'some',
      terms: [
        { kind: 'owner', userId: 'u_me' },
        { kind: 'link', field: 'requester', ids: ['c_me'] },
      ],
    });
  });

  it('copies the ids: a later change to the viewer does not change the scope', () => {
    const ids = ['a_mine'];
    const scope = scopeFor('account', accountType, { userId: null, contactId: null, accountIds: ids });
    ids.push('a_other');
    expect(scope).toEqual({ kind: 'some', terms: [{ kind: 'self', ids: ['a_mine'] }] });
  });
});

describe('levels', () => {
  it('are ordered none < own < contact < account < all', () => {
    expect(ACCESS_LEVELS.map(levelRank)).toEqual([0, 1, 2, 3, 4]);
  });

  it('merge to the most permissive', () => {
    expect(maxLevel('own', 'account')).toBe('account');
    expect(maxLevel('account', 'own')).toBe('account');
    expect(maxLevel('none', 'none')).toBe('none');
    expect(maxLevel('all', 'contact')).toBe('all');
    expect(maxLevel('none', 'own')).toBe('own');
  });

  it('a higher level never reaches fewer records (checked over all rows above)', () => {
    const records = [rec('t1', 'u_me'), rec('t2', 'u_x', { requester: ['c_me'] }), rec('t3', 'u_x', { customers: ['a_mine'] }), rec('t4', null), rec('a_mine', null), rec('c_me', null)];
    for (const type of [ticketType, accountType, contactType, noteType]) {
      for (const r of records) {
        const reach = ACCESS_LEVELS.map((l) => recordInScope(scopeFor(l, type, me), r));
        expect(reach).toEqual([...reach].sort((a, b) => Number(a) - Number(b)));
      }
    }
  });
});
