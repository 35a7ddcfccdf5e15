import { describe, expect, it } from 'vitest';
import { builtInTypes, entityTypeSchema, type EntityType } from '../../core';
import {
  draftToDefinition,
  emptyField,
  emptyTypeDraft,
  linkChoices,
  localInputToIso,
  isoToLocalInput,
  placeIssues,
  removedFields,
  suggestFieldKey,
  suggestOptionValue,
  suggestPlural,
  suggestTypeKey,
  titleChoices,
  typeToDraft,
} from './type-draft';

const contract: EntityType = entityTypeSchema.parse({
  key: 'contract',
  label: { singular: 'Contract', plural: 'Contracts' },
  titleField: 'number',
  accountLink: 'account',
  fields: [
    { key: 'number', label: 'Number', type: 'text', identifier: true },
    { key: 'account', label: 'Account', type: 'relation', target: 'account' },
    { key: 'status', label: 'Status', type: 'enum', options: [{ value: 'active', label: 'Active' }], default: 'active' },
    { key: 'value', label: 'Value', type: 'money', currency: 'EUR', default: { amount: 10, currency: 'EUR' } },
    { key: 'units', label: 'Units', type: 'number', integer: true, min: 0, max: 9 },
    { key: 'signedAt', label: 'Signed', type: 'datetime', default: '2026-05-01T09:30:00.000Z' },
    { key: 'paper', label: 'Paper', type: 'file', maxBytes: 2 * 1024 * 1024, accept: ['application/pdf', 'image/*'] },
    { key: 'auto', label: 'Auto renew', type: 'boolean', default: false },
    { key: 'contacts', label: 'Contacts', type: 'relations', target: 'contact', max: 5 },
    { key: 'notes', label: 'Notes', type: 'longText', internal: true },
    { key: 'site', label: 'Site', type: 'address' },
  ],
});

describe('suggestions', () => {
  it('derives keys, option values and plurals from labels', () => {
    expect(suggestTypeKey('Service request')).toBe('service_request');
    expect(suggestTypeKey('  Ärger 2 ')).toBe('arger_2');
    expect(suggestTypeKey('2 fast')).toBe('fast');
    expect(suggestFieldKey('Contract number')).toBe('contractNumber');
    expect(suggestFieldKey('E-mail (work)')).toBe('eMailWork');
    expect(suggestFieldKey('1st payment')).toBe('stPayment');
    expect(suggestOptionValue('In progress!')).toBe('in_progress');
    expect(suggestPlural('Category')).toBe('Categories');
    expect(suggestPlural('Address')).toBe('Addresses');
    expect(suggestPlural('Day')).toBe('Days');
    expect(suggestPlural('Invoice')).toBe('Invoices');
  });
});

describe('datetime-local conversion', () => {
  it('round-trips an instant through the local input value', () => {
    const local = isoToLocalInput('2026-05-01T09:30:00.000Z');
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(localInputToIso(local)).toBe('2026-05-01T09:30:00.000Z');
    expect(localInputToIso('')).toBe('');
    expect(localInputToIso('nonsense')).toBe('');
    expect(isoToLocalInput(undefined)).toBe('');
  });
});

describe('draft ↔ definition', () => {
  it('turns a type into a draft and back into the same definition', () => {
    const back = entityTypeSchema.parse(draftToDefinition(typeToDraft(contract)));
    expect(back).toEqual(contract);
  });

  it('round-trips the built-in types, with their fields locked', () => {
    for (const t of builtInTypes) {
      const draft = typeToDraft(t);
      expect(draft.fields.every((f) => f.locked && f.saved)).toBe(true);
      expect(entityTypeSchema.parse(draftToDefinition(draft))).toEqual(t);
    }
  });

  it('sends only the options of the field type, and text it cannot read as it is', () => {
    const f = { ...emptyField('number'), key: 'n', label: 'N', min: '1', max: 'ten', maxLength: '40', currency: 'EUR' };
    const def = draftToDefinition({ ...emptyTypeDraft(), key: 'thing', singular: 'Thing', plural: 'Things', fields: [f] });
    expect((def.fields as unknown[])[0]).toEqual({ key: 'n', label: 'N', type: 'number', required: false, internal: false, identifier: false, integer: false, min: 1, max: 'ten' });
    expect(def).not.toHaveProperty('description');
    expect(def.accountLink).toBeNull();
  });

  it('a new type starts with a required Name as its title', () => {
    const d = emptyTypeDraft();
    expect(d.fields.map((f) => [f.key, f.required])).toEqual([['name', true]]);
    expect(d.titleField).toBe('name');
  });
});

describe('choices', () => {
  it('offers only relations to Account / Contact as links, and title-capable visible fields as the title', () => {
    const d = typeToDraft(contract);
    expect(linkChoices(d, 'account').map((f) => f.key)).toEqual(['account']);
    expect(linkChoices(d, 'contact').map((f) => f.key)).toEqual(['contacts']);
    expect(titleChoices(d).map((f) => f.key)).toEqual(['number', 'status', 'units']);
  });

  it('lists the saved fields a draft removed', () => {
    const d = typeToDraft(contract);
    d.fields = d.fields.filter((f) => f.key !== 'notes' && f.key !== 'site');
    d.fields.push({ ...emptyField('text'), key: 'notes', label: 'Notes again' });
    expect(removedFields(contract, d).map((f) => f.key)).toEqual(['notes', 'site']);
  });
});

describe('placeIssues', () => {
  it('puts each server issue next to its control', () => {
    const d = typeToDraft(contract);
    const placed = placeIssues(d, [
      { field: 'fields.2.options.0.value', message: 'too long' },
      { field: 'fields.2.default', message: 'not an option' },
      { field: 'fields.0.key', message: 'bad key' },
      { field: 'fields.0.key', message: 'taken' },
      { field: 'label.plural', message: 'a label is required' },
      { field: 'titleField', message: 'cannot be the title' },
      { field: 'account', message: 'links to "x"' },
      { field: 'units', message: '"ten" is not a number', recordId: 'r_1' },
      { field: 'nowhere', message: 'lost' },
      { field: '', message: 'general' },
    ]);
    const [number, , status] = d.fields;
    expect(placed.fields[status!.uid]).toEqual({ options: 'too long', default: 'not an option' });
    expect(placed.fields[number!.uid]).toEqual({ key: 'bad key; taken' });
    expect(placed.fields[d.fields[1]!.uid]).toEqual({ '': 'links to "x"' });
    expect(placed.type).toEqual({ plural: 'a label is required', titleField: 'cannot be the title' });
    expect(placed.records).toEqual([{ field: 'units', message: '"ten" is not a number', recordId: 'r_1' }]);
    expect(placed.other).toEqual(['nowhere: lost', 'general']);
  });
});
