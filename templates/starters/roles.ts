// The roles every new portal starts with (DESIGN.md section 5): four customer roles and one partner
// role, expressed over the built-in Account and Contact types and the named actions. Types an
// organisation adds later (contracts, invoices, offers…) are granted by editing these roles in the
// Roles section; until then no role reaches them (deny by default). Viewer is the default role: every
// user of the portal holds it, so it is kept a strict baseline that every other starter includes.
import { ACCOUNT, CONTACT, CONTACT_ACCOUNTS, NAMED_ACTIONS, type NamedAction, type RoleGrantsInput } from '../../core';

export type StarterRole = { key: string; name: string; description: string; isDefault: boolean; grants: RoleGrantsInput };

/** A customer's owner may take every named action; the other customer roles get a part of them. */
const CUSTOMER_ACTIONS: NamedAction[] = [...NAMED_ACTIONS];

export const STARTER_ROLES: readonly StarterRole[] = [
  {
    key: 'customer-owner',
    name: 'Customer Owner',
    description: 'Runs the customer’s account: sees and changes everything of their company, and manages their colleagues’ access.',
    isDefault: false,
    grants: {
      entities: {
        // The customer number and the company's name are ours to assign.
        [ACCOUNT]: { read: 'account', edit: 'account', fields: { name: 'read', number: 'read' } },
        // Colleagues: adds and updates contacts of the company, but cannot move them to another account.
        [CONTACT]: { create: true, read: 'account', edit: 'account', fields: { [CONTACT_ACCOUNTS]: 'read' } },
      },
      actions: CUSTOMER_ACTIONS,
    },
  },
  {
    key: 'accountant',
    name: 'Accountant',
    description: 'Looks after invoices and payments: pays invoices, manages payment methods and the billing address.',
    isDefault: false,
    grants: {
      entities: {
        [ACCOUNT]: { read: 'account', edit: 'account', fields: { name: 'read', number: 'read', email: 'read', phone: 'read', billingAddress: 'edit' } },
        [CONTACT]: { read: 'contact', edit: 'contact', fields: { [CONTACT_ACCOUNTS]: 'read' } },
      },
      actions: ['invoices.pay', 'paymentMethods.manage', 'billing.edit', 'cases.create', 'cases.comment', 'notifications.manage'],
    },
  },
  {
    key: 'operations-manager',
    name: 'Operations Manager',
    description: 'Runs the day-to-day: requests and cancels services, decides on offers and opens cases.',
    isDefault: false,
    grants: {
      entities: {
        [ACCOUNT]: { read: 'account', fields: { billingAddress: 'hidden' } },
        [CONTACT]: { read: 'account', edit: 'contact', fields: { [CONTACT_ACCOUNTS]: 'read' } },
      },
      actions: ['offers.accept', 'offers.reject', 'services.request', 'services.cancel', 'cases.create', 'cases.comment', 'notifications.manage'],
    },
  },
  {
    key: 'viewer',
    name: 'Viewer',
    description: 'Sees their company’s account and their own contact details, and changes nothing. The default role: every user holds it.',
    isDefault: true,
    grants: {
      entities: {
        // Hidden here so that merging Viewer into a role that hides billing data does not reveal it.
        [ACCOUNT]: { read: 'account', fields: { billingAddress: 'hidden' } },
        [CONTACT]: { read: 'contact' },
      },
      actions: ['notifications.manage'],
    },
  },
  {
    key: 'installer',
    name: 'Installer / Partner',
    description: 'A partner’s installer: works across the many customer accounts linked to their contact, requests services and opens cases; sees no billing data.',
    isDefault: false,
    grants: {
      entities: {
        [ACCOUNT]: { read: 'account', fields: { billingAddress: 'hidden' } },
        [CONTACT]: { read: 'account' },
      },
      actions: ['services.request', 'cases.create', 'cases.comment', 'notifications.manage'],
    },
  },
];
