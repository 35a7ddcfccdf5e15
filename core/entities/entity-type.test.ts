// entityTypeSchema and the built-in types: field definitions parse with their defaults; duplicate
// and reserved keys, identifiers, the title field, account/contact links, and field defaults are
// checked with the field named in the issue path; Account and Contact parse and stay locked.
import { describe, expect, it } from 'vitest';
import { ACCOUNT, builtInTypes, CONTACT, CONTACT_ACCOUNTS, isBuiltInType, lockedFields } from './builtins';
import {
  DEFAULT_FILE_BYTES,
  entityTypeSchema,
  FIELD_TYPES,
  fieldOf,
  fieldSchema,
  isRealDate,
  portalFields,
  relationFields,
  SELF_LINK,
  SYSTEM_FIELDS,
  type EntityTypeInput,
  type FieldDefInput,
} from './entity-type';

const type = (fields: FieldDefInput[], extra: Partial<EntityTypeInput> = {}): EntityTypeInput => ({
  key: 'invoice',
  label: { singular: 'Invoice', plural: 'Invoices' },
  titleField: 'number',
  fields: [{ key: 'number', label: 'Number', type: 'text' }, ...fields],
  ...extra,
});

/** The issues of a failed parse as `path: message`, or [] when it parses. */
function issues(input: unknown): string[] {
  const r = entityTypeSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('entityTypeSchema: valid types', () => {
  it('fills the defaults of the type and of every field', () => {
    const t = entityTypeSchema.parse(
      type([
        { key: 'notes', label: 'Notes', type: 'longText' },
        { key: 'qty', label: 'Quantity', type: 'number' },
        { key: 'scan', label: 'Scan', type: 'file' },
        { key: 'lines', label: 'Lines', type: 'relations', target: 'invoice_line' },
      ]),
    );
    expect(t.accountLink).toBeNull();
    expect(t.contactLink).toBeNull();
    expect(fieldOf(t, 'number')).toEqual({ key: 'number', label: 'Number', type: 'text', required: false, internal: false, identifier: false, maxLength: 500 });
    expect(fieldOf(t, 'notes')).toMatchObject({ maxLength: 20_000 });
    expect(fieldOf(t, 'qty')).toEqual({ key: 'qty', label: 'Quantity', type: 'number', required: false, internal: false, identifier: false, integer: false });
    expect(fieldOf(t, 'scan')).toMatchObject({ maxBytes: DEFAULT_FILE_BYTES, accept: [] });
    expect(fieldOf(t, 'lines')).toMatchObject({ target: 'invoice_line', max: 100 });
    expect(fieldOf(t, 'nope')).toBeUndefined();
  });

  it('accepts one field of every type', () => {
    const all: FieldDefInput[] = FIELD_TYPES.map((ft) => {
      const base = { key: `f_${ft}`, label: ft };
      switch (ft) {
        case 'enum':
          return { ...base, type: ft, options: [{ value: 'a', label: 'A' }] };
        case 'relation':
        case 'relations':
          return { ...base, type: ft, target: 'account' };
        default:
          return { ...base, type: ft } as FieldDefInput;
      }
    });
    const t = entityTypeSchema.parse(type(all));
    expect(t.fields.map((f) => f.type)).toEqual(['text', ...FIELD_TYPES]);
  });

  it('trims labels and rejects empty ones', () => {
    expect(entityTypeSchema.parse(type([], { label: { singular: '  Invoice ', plural: 'Invoices' } })).label.singular).toBe('Invoice');
    expect(issues(type([], { label: { singular: '   ', plural: 'Invoices' } }))).toEqual(['label.singular: a label is required']);
  });

  it('rejects unknown properties on types and fields', () => {
    expect(issues(type([], { colour: 'red' } as Partial<EntityTypeInput>))).toHaveLength(1);
    expect(fieldSchema.safeParse({ key: 'x', label: 'X', type: 'text', target: 'account' }).success).toBe(false);
  });

  it('rejects a type without fields and a bad type key', () => {
    expect(issues(type([], { fields: [] }))).toContain('fields: a type needs at least one field');
    expect(issues(type([], { key: 'Invoice' }))[0]).toMatch(/^key: use 2–40 lowercase letters/);
    expect(issues(type([], { key: 'x' }))[0]).toMatch(/^key: /);
  });
});

describe('entityTypeSchema: field keys', () => {
  it('rejects two fields with the same key, naming the second', () => {
    expect(issues(type([{ key: 'number', label: 'Again', type: 'number' }]))).toEqual(['fields.1.key: two fields are called "number"']);
  });

  it('reserves exactly the system fields', () => {
    expect([...SYSTEM_FIELDS]).toEqual(['id', 'externalId', 'createdAt', 'updatedAt', 'revision', 'type']);
  });

  it.each(['id', 'externalId', 'createdAt', 'updatedAt', 'revision', 'type'])('rejects the reserved key %s', (key) => {
    expect(issues(type([{ key, label: 'X', type: 'text' }]))).toEqual(['fields.1.key: this name is reserved for a system field']);
  });

  it('rejects keys that do not start with a lowercase letter or are too long', () => {
    expect(issues(type([{ key: 'Amount', label: 'X', type: 'text' }]))[0]).toMatch(/^fields\.1\.key: use up to 40 letters/);
    expect(issues(type([{ key: '_x', label: 'X', type: 'text' }]))[0]).toMatch(/^fields\.1\.key: /);
    expect(issues(type([{ key: `a${'b'.repeat(40)}`, label: 'X', type: 'text' }]))[0]).toMatch(/^fields\.1\.key: /);
    expect(issues(type([{ key: `a${'b'.repeat(39)}`, label: 'X', type: 'text' }]))).toEqual([]);
  });
});

describe('entityTypeSchema: identifiers', () => {
  it.each(['text', 'email', 'phone', 'number'] as const)('a %s field may be an identifier', (ft) => {
    expect(issues(type([{ key: 'ref', label: 'Ref', type: ft, identifier: true }]))).toEqual([]);
  });

  it.each(['longText', 'date', 'boolean', 'address', 'url', 'money', 'datetime', 'file'] as const)('a %s field cannot be an identifier', (ft) => {
    expect(issues(type([{ key: 'ref', label: 'Ref', type: ft, identifier: true } as FieldDefInput]))).toEqual([`fields.1.identifier: a ${ft} field cannot be an identifier`]);
  });

  it('a relation cannot be an identifier', () => {
    expect(issues(type([{ key: 'acc', label: 'Account', type: 'relation', target: 'account', identifier: true }]))).toEqual([
      'fields.1.identifier: a relation field cannot be an identifier',
    ]);
  });

  it('an internal field cannot be an identifier', () => {
    expect(issues(type([{ key: 'ref', label: 'Ref', type: 'text', identifier: true, internal: true }]))).toEqual([
      'fields.1.identifier: an internal field cannot be an identifier: end users never see it',
    ]);
  });
});

describe('entityTypeSchema: title field', () => {
  it('must be a field of the type', () => {
    expect(issues(type([], { titleField: 'name' }))).toEqual(['titleField: the title field "name" is not a field of this type']);
  });

  it('cannot be internal', () => {
    expect(issues(type([], { fields: [{ key: 'number', label: 'Number', type: 'text', internal: true }] }))).toEqual(['titleField: the title field cannot be internal']);
  });

  it.each(['longText', 'boolean', 'address', 'money', 'url', 'file', 'datetime'] as const)('cannot be a %s field', (ft) => {
    expect(issues(type([], { fields: [{ key: 'number', label: 'Number', type: ft } as FieldDefInput] }))).toEqual([`titleField: a ${ft} field cannot be the title`]);
  });

  it.each(['email', 'phone', 'number', 'date'] as const)('may be a %s field', (ft) => {
    expect(issues(type([], { fields: [{ key: 'number', label: 'Number', type: ft }] }))).toEqual([]);
  });

  it('may be an enum field', () => {
    expect(issues(type([], { fields: [{ key: 'number', label: 'Number', type: 'enum', options: [{ value: 'a', label: 'A' }] }] }))).toEqual([]);
  });
});

describe('entityTypeSchema: account and contact links', () => {
  const links: FieldDefInput[] = [
    { key: 'customer', label: 'Customer', type: 'relation', target: 'account' },
    { key: 'customers', label: 'Customers', type: 'relations', target: 'account' },
    { key: 'person', label: 'Person', type: 'relation', target: 'contact' },
    { key: 'people', label: 'People', type: 'relations', target: 'contact' },
    { key: 'order', label: 'Order', type: 'relation', target: 'order' },
    { key: 'customerName', label: 'Customer name', type: 'text' },
  ];

  it('accepts a relation or relations to Account / Contact', () => {
    expect(issues(type(links, { accountLink: 'customer', contactLink: 'person' }))).toEqual([]);
    expect(issues(type(links, { accountLink: 'customers', contactLink: 'people' }))).toEqual([]);
  });

  it('rejects a link to a field that does not exist', () => {
    expect(issues(type(links, { accountLink: 'company' }))).toEqual(['accountLink: "company" is not a field of this type']);
    expect(issues(type(links, { contactLink: 'who' }))).toEqual(['contactLink: "who" is not a field of this type']);
  });

  it('rejects a link that is not a relation, or relates to the wrong type', () => {
    expect(issues(type(links, { accountLink: 'customerName' }))).toEqual(['accountLink: "customerName" must be a relation to Account']);
    expect(issues(type(links, { accountLink: 'person' }))).toEqual(['accountLink: "person" must be a relation to Account']);
    expect(issues(type(links, { accountLink: 'order' }))).toEqual(['accountLink: "order" must be a relation to Account']);
    expect(issues(type(links, { contactLink: 'customer' }))).toEqual(['contactLink: "customer" must be a relation to Contact']);
    expect(issues(type(links, { contactLink: 'customers' }))).toEqual(['contactLink: "customers" must be a relation to Contact']);
  });

  it('allows $self only on the matching built-in type', () => {
    expect(issues(type(links, { accountLink: SELF_LINK }))).toEqual(['accountLink: only the account type links to itself']);
    expect(issues(type(links, { contactLink: SELF_LINK }))).toEqual(['contactLink: only the contact type links to itself']);
    const account = { key: 'account', label: { singular: 'Account', plural: 'Accounts' }, titleField: 'name', fields: [{ key: 'name', label: 'Name', type: 'text' }] };
    expect(issues({ ...account, accountLink: SELF_LINK })).toEqual([]);
    expect(issues({ ...account, contactLink: SELF_LINK })).toEqual(['contactLink: only the contact type links to itself']);
    expect(issues({ ...account, key: 'contact', contactLink: SELF_LINK })).toEqual([]);
    expect(issues({ ...account, key: 'contact', accountLink: SELF_LINK })).toEqual(['accountLink: only the account type links to itself']);
  });
});

describe('entityTypeSchema: field defaults and limits', () => {
  const status: FieldDefInput = {
    key: 'status',
    label: 'Status',
    type: 'enum',
    options: [
      { value: 'open', label: 'Open' },
      { value: 'paid', label: 'Paid' },
    ],
  };

  it('an enum default must be one of the options', () => {
    expect(issues(type([{ ...status, default: 'paid' } as FieldDefInput]))).toEqual([]);
    expect(issues(type([{ ...status, default: 'void' } as FieldDefInput]))).toEqual(['fields.1.default: the default "void" is not one of the options']);
  });

  it('an enum needs options with distinct values', () => {
    expect(issues(type([{ ...status, options: [] } as FieldDefInput]))).toEqual(['fields.1.options: an enum needs at least one option']);
    expect(
      issues(
        type([
          {
            ...status,
            options: [
              { value: 'open', label: 'Open' },
              { value: 'open', label: 'Also open' },
            ],
          } as FieldDefInput,
        ]),
      ),
    ).toEqual(['fields.1.options: two options have the same value']);
  });

  it('a money default must be in the fixed currency', () => {
    expect(issues(type([{ key: 'total', label: 'Total', type: 'money', currency: 'EUR', default: { amount: 0, currency: 'EUR' } }]))).toEqual([]);
    expect(issues(type([{ key: 'total', label: 'Total', type: 'money', currency: 'EUR', default: { amount: 0, currency: 'USD' } }]))).toEqual([
      'fields.1.default: the default must be in EUR',
    ]);
    expect(issues(type([{ key: 'total', label: 'Total', type: 'money', currency: 'eur' }]))).toEqual(['fields.1.currency: a three-letter currency code, e.g. EUR']);
  });

  it('a number field: min not above max, and the default within integer/min/max', () => {
    const n = (extra: object): FieldDefInput => ({ key: 'qty', label: 'Qty', type: 'number', ...extra });
    expect(issues(type([n({ min: 5, max: 1 })]))).toEqual(['fields.1.min: min is greater than max']);
    expect(issues(type([n({ min: 1, max: 5, integer: true, default: 3 })]))).toEqual([]);
    expect(issues(type([n({ integer: true, default: 1.5 })]))).toEqual(['fields.1.default: the default must be a whole number']);
    expect(issues(type([n({ min: 1, default: 0 })]))).toEqual(['fields.1.default: the default is less than the minimum 1']);
    expect(issues(type([n({ max: 10, default: 11 })]))).toEqual(['fields.1.default: the default is greater than the maximum 10']);
  });

  it('a text default fits maxLength', () => {
    expect(issues(type([{ key: 'code', label: 'Code', type: 'text', maxLength: 3, default: 'abc' }]))).toEqual([]);
    expect(issues(type([{ key: 'code', label: 'Code', type: 'text', maxLength: 3, default: 'abcd' }]))).toEqual(['fields.1.default: the default is longer than 3 characters']);
  });

  it('date, datetime, url and phone defaults are values the field accepts', () => {
    expect(issues(type([{ key: 'due', label: 'Due', type: 'date', default: '2024-02-29' }]))).toEqual([]);
    expect(issues(type([{ key: 'due', label: 'Due', type: 'date', default: '2026-02-30' }]))).toEqual(['fields.1.default: not a real date']);
    expect(issues(type([{ key: 'due', label: 'Due', type: 'date', default: '01.05.2026' }]))).toEqual(['fields.1.default: a date as YYYY-MM-DD']);
    const dt = entityTypeSchema.parse(type([{ key: 'at', label: 'At', type: 'datetime', default: '2026-05-01T11:30:00+02:00' }]));
    expect(fieldOf(dt, 'at')).toMatchObject({ default: '2026-05-01T09:30:00.000Z' });
    expect(issues(type([{ key: 'site', label: 'Site', type: 'url', default: 'ftp://example.com' }]))).toEqual(['fields.1.default: an http or https address']);
    expect(issues(type([{ key: 'site', label: 'Site', type: 'url', default: 'https://example.com' }]))).toEqual([]);
    expect(issues(type([{ key: 'tel', label: 'Tel', type: 'phone', default: 'call me' }]))).toEqual(['fields.1.default: a phone number, e.g. +49 30 1234567']);
  });

  it('file limits: at most 25 MB, media types as type/subtype', () => {
    expect(issues(type([{ key: 'scan', label: 'Scan', type: 'file', maxBytes: 26 * 1024 * 1024 }]))[0]).toMatch(/^fields\.1\.maxBytes: /);
    expect(issues(type([{ key: 'scan', label: 'Scan', type: 'file', accept: ['application/pdf', 'image/*'] }]))).toEqual([]);
    expect(issues(type([{ key: 'scan', label: 'Scan', type: 'file', accept: ['pdf'] }]))[0]).toMatch(/^fields\.1\.accept\.0: /);
  });
});

describe('isRealDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['2026-1-01', false],
  ] as const)('%s → %s', (s, ok) => {
    expect(isRealDate(s)).toBe(ok);
  });
});

describe('built-in types', () => {
  const [account, contact] = builtInTypes;

  it('Account and Contact parse again unchanged', () => {
    for (const t of builtInTypes) expect(entityTypeSchema.parse(t)).toEqual(t);
  });

  it('Account is its own account and has no contact link', () => {
    expect(account!.key).toBe(ACCOUNT);
    expect(account!.accountLink).toBe(SELF_LINK);
    expect(account!.contactLink).toBeNull();
    expect(account!.titleField).toBe('name');
    expect(fieldOf(account!, 'number')).toMatchObject({ identifier: true });
  });

  it('Contact is its own contact and its accounts are its account link', () => {
    expect(contact!.key).toBe(CONTACT);
    expect(contact!.contactLink).toBe(SELF_LINK);
    expect(contact!.accountLink).toBe(CONTACT_ACCOUNTS);
    expect(fieldOf(contact!, CONTACT_ACCOUNTS)).toMatchObject({ type: 'relations', target: ACCOUNT });
    expect(relationFields(contact!).map((f) => f.key)).toEqual([CONTACT_ACCOUNTS]);
  });

  it('isBuiltInType and lockedFields', () => {
    expect(isBuiltInType('account')).toBe(true);
    expect(isBuiltInType('contact')).toBe(true);
    expect(isBuiltInType('invoice')).toBe(false);
    expect(lockedFields('account')).toEqual(['name', 'number', 'email', 'phone', 'billingAddress']);
    expect(lockedFields('contact')).toEqual(['name', 'email', 'phone', 'accounts']);
    expect(lockedFields('invoice')).toEqual([]);
  });
});

describe('portalFields and relationFields', () => {
  it('portal fields leave out internal ones; relation fields are relation and relations', () => {
    const t = entityTypeSchema.parse(
      type([
        { key: 'cost', label: 'Cost', type: 'number', internal: true },
        { key: 'customer', label: 'Customer', type: 'relation', target: 'account' },
        { key: 'tags', label: 'Tags', type: 'relations', target: 'tag' },
      ]),
    );
    expect(portalFields(t)).toEqual(['number', 'customer', 'tags']);
    expect(relationFields(t).map((f) => `${f.key}→${f.target}`)).toEqual(['customer→account', 'tags→tag']);
  });
});
