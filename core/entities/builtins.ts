// The two types every installation has: Account (a customer or partner company) and Contact (a
// person, belonging to one or more accounts). Access levels are defined through them, so their
// built-in fields cannot be removed or retyped; admins may add fields of their own.
import { entityTypeSchema, SELF_LINK, type EntityType } from './entity-type';

export const ACCOUNT = 'account';
export const CONTACT = 'contact';
/** The Contact field that lists the contact's accounts: the viewer's accounts come from it. */
export const CONTACT_ACCOUNTS = 'accounts';

export const builtInTypes: readonly EntityType[] = [
  entityTypeSchema.parse({
    key: ACCOUNT,
    label: { singular: 'Account', plural: 'Accounts' },
    description: 'A customer or partner company.',
    titleField: 'name',
    accountLink: SELF_LINK,
    contactLink: null,
    fields: [
      { key: 'name', label: 'Name', type: 'text', required: true },
      { key: 'number', label: 'Customer number', type: 'text', identifier: true },
      { key: 'email', label: 'Email', type: 'email' },
      { key: 'phone', label: 'Phone', type: 'phone' },
      { key: 'billingAddress', label: 'Billing address', type: 'address' },
    ],
  }),
  entityTypeSchema.parse({
    key: CONTACT,
    label: { singular: 'Contact', plural: 'Contacts' },
    description: 'A person; portal users are linked to contacts.',
    titleField: 'name',
    accountLink: CONTACT_ACCOUNTS,
    contactLink: SELF_LINK,
    fields: [
      { key: 'name', label: 'Name', type: 'text', required: true },
      { key: 'email', label: 'Email', type: 'email', identifier: true },
      { key: 'phone', label: 'Phone', type: 'phone' },
      { key: CONTACT_ACCOUNTS, label: 'Accounts', type: 'relations', target: ACCOUNT },
    ],
  }),
];

export const isBuiltInType = (key: string): boolean => key === ACCOUNT || key === CONTACT;

/** The built-in fields of a built-in type (they stay as they are), or none. */
export function lockedFields(key: string): readonly string[] {
  return builtInTypes.find((t) => t.key === key)?.fields.map((f) => f.key) ?? [];
}
