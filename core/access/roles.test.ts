// The access decision: every level × operation × relation of the record to the viewer, written out
// by hand; the most-permissive merge of roles; field access; requirements of blocks and pages.
import { describe, expect, it } from 'vitest';
import { entityTypeSchema } from '../entities/entity-type';
import { decide, fieldAccess, fieldsFor, mergeGrants, roleGrantsSchema, satisfies, type RecordOp, type RecordRelation, type RoleGrantsInput } from './roles';
import { ACCESS_LEVELS, type AccessLevel } from './scope';

const role = (input: RoleGrantsInput) => roleGrantsSchema.parse(input);
const RELATIONS: RecordRelation[] = ['own', 'contact', 'account', 'unrelated'];

/** level → the relations it reaches, by hand: a level reaches its own relation and every closer one. */
const REACHES: Record<AccessLevel, string> = {
  none: '- - - -',
  own: 'Y - - -',
  contact: 'Y Y - -',
  account: 'Y Y Y -',
  all: 'Y Y Y Y',
};

describe('decide: level × operation × relation', () => {
  for (const op of ['read', 'edit', 'delete'] as RecordOp[]) {
    for (const level of ACCESS_LEVELS) {
      const expected = REACHES[level].split(' ').map((c) => c === 'Y');
      it(`${op} at level ${level}`, () => {
        const grants = mergeGrants([role({ entities: { contract: { [op]: level } } })]);
        expect(RELATIONS.map((rel) => decide(grants, 'contract', op, rel))).toEqual(expected);
        // The other operations are not granted by this one.
        for (const other of (['read', 'edit', 'delete'] as RecordOp[]).filter((o) => o !== op)) {
          expect(RELATIONS.some((rel) => decide(grants, 'contract', other, rel))).toBe(false);
        }
        expect(decide(grants, 'contract', 'create')).toBe(false);
        // Another type is not granted at all.
        expect(RELATIONS.some((rel) => decide(grants, 'invoice', op, rel))).toBe(false);
      });
    }
  }

  it('create is its own yes/no', () => {
    expect(decide(mergeGrants([role({ entities: { case: { create: true } } })]), 'case', 'create')).toBe(true);
    expect(decide(mergeGrants([role({ entities: { case: { read: 'all' } } })]), 'case', 'create')).toBe(false);
  });

  it('no roles: everything denied', () => {
    const grants = mergeGrants([]);
    for (const op of ['read', 'edit', 'delete'] as RecordOp[]) for (const rel of RELATIONS) expect(decide(grants, 'contract', op, rel)).toBe(false);
  });
});

describe('mergeGrants: most permissive wins', () => {
  it('takes the higher level per operation, create if any, and the union of actions', () => {
    const grants = mergeGrants([
      role({ entities: { contract: { read: 'account', edit: 'own' } }, actions: ['offers.accept'] }),
      role({ entities: { contract: { read: 'contact', edit: 'contact', delete: 'own', create: true } }, actions: ['invoices.pay'] }),
    ]);
    expect(grants.entities.get('contract')).toMatchObject({ create: true, read: 'account', edit: 'contact', delete: 'own' });
    expect([...grants.actions].sort()).toEqual(['invoices.pay', 'offers.accept']);
  });

  it('a field hidden by one role but readable through another is readable', () => {
    const type = entityTypeSchema.parse({
      key: 'contract',
      label: { singular: 'Contract', plural: 'Contracts' },
      titleField: 'number',
      fields: [
        { key: 'number', label: 'N', type: 'text' },
        { key: 'price', label: 'P', type: 'number' },
        { key: 'notes', label: 'Internal', type: 'text', internal: true },
      ],
    });
    const restricted = role({ entities: { contract: { read: 'account', fields: { price: 'hidden' } } } });
    expect(fieldAccess(mergeGrants([restricted]), type, 'price')).toBe('hidden');
    const merged = mergeGrants([restricted, role({ entities: { contract: { read: 'own' } } })]);
    expect(fieldAccess(merged, type, 'price')).toBe('read');
    // Internal fields are hidden whatever a role says.
    expect(fieldAccess(mergeGrants([role({ entities: { contract: { read: 'all', edit: 'all', fields: { notes: 'edit' } } } })]), type, 'notes')).toBe('hidden');
    // Editable only where the type is editable (or creatable).
    expect(fieldAccess(mergeGrants([role({ entities: { contract: { read: 'all', fields: { price: 'edit' } } } })]), type, 'price')).toBe('read');
    expect(fieldsFor(mergeGrants([role({ entities: { contract: { read: 'own', edit: 'own', fields: { number: 'read' } } } })]), type)).toEqual({
      readable: new Set(['number', 'price']),
      editable: new Set(['price']),
    });
    expect(fieldsFor(mergeGrants([]), type)).toEqual({ readable: new Set(), editable: new Set() });
  });
});

describe('satisfies: what blocks and pages require', () => {
  const grants = mergeGrants([role({ entities: { invoice: { read: 'account' }, case: { create: true } }, actions: ['invoices.pay'] })]);
  it.each([
    [{ entity: 'invoice', op: 'read' }, true],
    [{ entity: 'invoice', op: 'edit' }, false],
    [{ entity: 'case', op: 'create' }, true],
    [{ entity: 'case', op: 'read' }, false],
    [{ entity: 'offer', op: 'read' }, false],
    [{ action: 'invoices.pay' }, true],
    [{ action: 'offers.accept' }, false],
  ] as const)('%j → %s', (requirement, expected) => {
    expect(satisfies(grants, requirement)).toBe(expected);
  });
});

describe('role grants schema', () => {
  it('refuses unknown actions, levels and keys', () => {
    expect(roleGrantsSchema.safeParse({ actions: ['rockets.launch'] }).success).toBe(false);
    expect(roleGrantsSchema.safeParse({ entities: { contract: { read: 'team' } } }).success).toBe(false);
    expect(roleGrantsSchema.safeParse({ entities: { contract: { read: 'all', sneaky: true } } }).success).toBe(false);
    expect(roleGrantsSchema.safeParse({ entities: { 'Bad Key': { read: 'all' } } }).success).toBe(false);
  });
});
