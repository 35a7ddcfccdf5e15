import { describe, expect, it } from 'vitest';
import { builtInTypes, entityTypeSchema, roleGrantsSchema, type EntityType } from '../../core';
import {
  changesOf,
  customizedFields,
  draftOf,
  fieldCell,
  grantsOf,
  inheritedAccess,
  issuesByCell,
  keyFromName,
  keyProblem,
  levelMeaning,
  sameDraft,
  setAction,
  setCreate,
  setDefault,
  setFieldAccess,
  setLevel,
  setName,
  type RoleSource,
} from './matrix-model';

const invoice: EntityType = entityTypeSchema.parse({
  key: 'invoice',
  label: { singular: 'Invoice', plural: 'Invoices' },
  titleField: 'number',
  accountLink: 'account',
  fields: [
    { key: 'number', label: 'Number', type: 'text' },
    { key: 'amount', label: 'Amount', type: 'number' },
    { key: 'note', label: 'Note', type: 'text', internal: true },
    { key: 'account', label: 'Account', type: 'relation', target: 'account' },
  ],
});
const types = [...builtInTypes, invoice];

const role = (grants: RoleSource['grants'], extra: Partial<RoleSource> = {}): RoleSource => ({
  id: 'r1',
  key: 'clerk',
  name: 'Clerk',
  description: '',
  isDefault: false,
  revision: 3,
  grants,
  ...extra,
});

describe('draftOf', () => {
  it('has a grant for every current type, filled with none for types the role does not name', () => {
    const d = draftOf(role({ entities: { invoice: { read: 'account' } }, actions: [] }), types);
    expect(Object.keys(d.entities)).toEqual(['account', 'contact', 'invoice']);
    expect(d.entities.account).toEqual({ create: false, read: 'none', edit: 'none', delete: 'none', fields: {} });
    expect(d.entities.invoice).toMatchObject({ read: 'account', edit: 'none' });
  });

  it('drops types and fields that no longer exist, and access set on internal fields', () => {
    const d = draftOf(role({ entities: { gone: { read: 'all' }, invoice: { read: 'all', fields: { amount: 'read', vanished: 'edit', note: 'read' } } }, actions: [] }), types);
    expect(d.entities.gone).toBeUndefined();
    expect(d.entities.invoice!.fields).toEqual({ amount: 'read' });
  });

  it('orders actions as the matrix lists them', () => {
    const d = draftOf(role({ actions: ['notifications.manage', 'offers.accept'] }), types);
    expect(d.actions).toEqual(['offers.accept', 'notifications.manage']);
  });
});

describe('editing and saving', () => {
  const base = draftOf(role({ entities: { invoice: { read: 'own' } }, actions: ['invoices.pay'] }), types);

  it('each change is a new draft; the base stays as it was', () => {
    const d = setLevel(setCreate(base, 'invoice', true), 'invoice', 'read', 'account');
    expect(d.entities.invoice).toMatchObject({ create: true, read: 'account' });
    expect(base.entities.invoice).toMatchObject({ create: false, read: 'own' });
  });

  it('leaves types with nothing granted out of the grants it sends, which the server schema accepts', () => {
    const g = grantsOf(base);
    expect(Object.keys(g.entities)).toEqual(['invoice']);
    expect(roleGrantsSchema.parse(g)).toEqual(g);
  });

  it('a field set back to follow the type disappears from the grants', () => {
    const set = setFieldAccess(base, 'invoice', 'amount', 'hidden');
    expect(grantsOf(set).entities.invoice!.fields).toEqual({ amount: 'hidden' });
    expect(customizedFields(set.entities.invoice!)).toBe(1);
    expect(grantsOf(setFieldAccess(set, 'invoice', 'amount', null)).entities.invoice!.fields).toEqual({});
  });

  it('toggles actions', () => {
    expect(setAction(base, 'offers.accept', true).actions).toEqual(['offers.accept', 'invoices.pay']);
    expect(setAction(base, 'invoices.pay', false).actions).toEqual([]);
  });

  it('knows when a draft is back to what was saved, and sends only what changed', () => {
    const changed = setLevel(base, 'invoice', 'read', 'all');
    expect(sameDraft(base, changed)).toBe(false);
    expect(sameDraft(base, setLevel(changed, 'invoice', 'read', 'own'))).toBe(true);
    expect(changesOf(base, setName(base, '  Billing clerk '))).toEqual({ name: 'Billing clerk' });
    expect(changesOf(base, setDefault(base, true))).toEqual({ isDefault: true });
    expect(Object.keys(changesOf(base, changed))).toEqual(['grants']);
    expect(changesOf(base, base)).toEqual({});
  });
});

describe('field cells', () => {
  it('a field follows the type: read where readable, edit where editable', () => {
    const readOnly = draftOf(role({ entities: { invoice: { read: 'account' } } }), types).entities.invoice!;
    expect(fieldCell(invoice, readOnly, 'amount')).toEqual({ effective: 'read', explicit: null, internal: false });
    const editable = { ...readOnly, edit: 'own' as const };
    expect(inheritedAccess(invoice, editable, 'amount')).toBe('edit');
  });

  it('internal fields are always hidden, whatever is granted', () => {
    const all = draftOf(role({ entities: { invoice: { read: 'all', edit: 'all' } } }), types).entities.invoice!;
    expect(fieldCell(invoice, all, 'note')).toEqual({ effective: 'hidden', explicit: null, internal: true });
  });

  it('edit on a field of a type the role cannot edit ends up read', () => {
    const g = { ...draftOf(role({ entities: { invoice: { read: 'own' } } }), types).entities.invoice!, fields: { amount: 'edit' as const } };
    expect(fieldCell(invoice, g, 'amount')).toEqual({ effective: 'read', explicit: 'edit', internal: false });
  });

  it('without read on the type every field is hidden', () => {
    const none = draftOf(role({}), types).entities.invoice!;
    expect(fieldCell(invoice, { ...none, fields: { amount: 'read' } }, 'amount').effective).toBe('hidden');
  });
});

describe('words and checks', () => {
  it('explains a level by the links of the type', () => {
    const contact = builtInTypes.find((t) => t.key === 'contact')!;
    expect(levelMeaning(invoice, 'contact')).toBe('Own only: invoices have no contact link');
    expect(levelMeaning(invoice, 'account')).toContain('accounts');
    expect(levelMeaning(contact, 'contact')).toContain('linked to the user’s contact');
  });

  it('puts server issues on their cells', () => {
    const m = issuesByCell([
      { field: 'grants.entities.invoice.fields.x', message: 'no field x' },
      { field: 'grants.entities.gone', message: 'no type' },
      { field: 'grants.actions.0', message: 'bad action' },
      { field: 'name', message: 'a name is required' },
      { field: '', message: 'other' },
    ]);
    expect(Object.fromEntries(m)).toEqual({ 'entities.invoice.fields.x': 'no field x', 'entities.gone': 'no type', actions: 'bad action', name: 'a name is required', role: 'other' });
  });

  it('suggests a key from a name and checks it as the server does', () => {
    expect(keyFromName('Installer / Partner')).toBe('installer-partner');
    expect(keyFromName('Café Owner')).toBe('cafe-owner');
    expect(keyProblem('', [])).toMatch(/required/);
    expect(keyProblem('Bad Key', [])).toMatch(/lower-case/);
    expect(keyProblem('viewer', ['viewer'])).toMatch(/already/);
    expect(keyProblem('new-role', ['viewer'])).toBeNull();
  });
});
