// Portal access: roles with their grants, portal users (optionally linked to a contact) and their
// roles, sessions and single-use tokens (invitations, email confirmation, password reset, magic
// links), and the outbox that emails and webhooks leave through after their transaction commits.
// Everything here is live (not versioned with the document): access must be revocable at once.
// Portals that exist already get the starter roles, as new portals do.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('portal_roles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('portal_id', 'text', (c) => c.notNull().references('portals.id').onDelete('cascade'))
    // What page and block visibility rules name (`visibility.roles`).
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    /** RoleGrants (core/access/roles.ts) as JSON. */
    .addColumn('grants', 'text', (c) => c.notNull())
    // Every user of the portal receives the default roles.
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('portal_roles_key', ['portal_id', 'key'])
    .execute();

  await db.schema
    .createTable('portal_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('portal_id', 'text', (c) => c.notNull().references('portals.id').onDelete('cascade'))
    // Stored lower-cased: one account per address and portal.
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('invited', 'active', 'disabled')`))
    .addColumn('contact_id', 'text', (c) => c.references('records.id').onDelete('set null'))
    .addColumn('password_hash', 'text')
    .addColumn('email_confirmed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('last_login_at', 'text')
    .addUniqueConstraint('portal_users_email', ['portal_id', 'email'])
    .execute();
  await db.schema.createIndex('portal_users_contact').on('portal_users').column('contact_id').execute();

  await db.schema
    .createTable('portal_user_roles')
    .addColumn('user_id', 'text', (c) => c.notNull().references('portal_users.id').onDelete('cascade'))
    .addColumn('role_id', 'text', (c) => c.notNull().references('portal_roles.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('portal_user_roles_pk', ['user_id', 'role_id'])
    .execute();
  await db.schema.createIndex('portal_user_roles_role').on('portal_user_roles').column('role_id').execute();

  await db.schema
    .createTable('portal_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('portal_id', 'text', (c) => c.notNull().references('portals.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('portal_users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('portal_sessions_user').on('portal_sessions').column('user_id').execute();

  await db.schema
    .createTable('portal_tokens')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('portal_id', 'text', (c) => c.notNull().references('portals.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('portal_users.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('invite', 'confirm-email', 'reset-password', 'magic-link')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    // Redeemed once, atomically: `update … set used_at … where used_at is null`.
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('portal_tokens_user').on('portal_tokens').columns(['user_id', 'purpose']).execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('portal_id', 'text', (c) => c.references('portals.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('email', 'webhook')`))
    /** For emails: { to, subject, text, html, template }. */
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'sent', 'failed', 'kept')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('outbox_portal_created').on('outbox').columns(['portal_id', 'created_at']).execute();

  // Portals created before this migration get the starter roles new portals get (createPortal).
  await insertStarterRoles(db);
}

/**
 * The starter roles as they were when this migration was written (templates/starters/roles.ts),
 * copied rather than imported: a migration must do the same thing forever, whatever the template
 * becomes later. Grants are stored in their parsed form (every default filled in).
 */
const STARTER_ROLES_0004: readonly { key: string; name: string; description: string; isDefault: boolean; grants: string }[] = [
  {
    key: 'customer-owner',
    name: 'Customer Owner',
    description: 'Runs the customer’s account: sees and changes everything of their company, and manages their colleagues’ access.',
    isDefault: false,
    grants:
      '{"entities":{"account":{"create":false,"read":"account","edit":"account","delete":"none","fields":{"name":"read","number":"read"}},"contact":{"create":true,"read":"account","edit":"account","delete":"none","fields":{"accounts":"read"}}},"actions":["offers.accept","offers.reject","invoices.pay","services.request","services.cancel","cases.create","cases.comment","users.manage","paymentMethods.manage","account.edit","billing.edit","notifications.manage"]}',
  },
  {
    key: 'accountant',
    name: 'Accountant',
    description: 'Looks after invoices and payments: pays invoices, manages payment methods and the billing address.',
    isDefault: false,
    grants:
      '{"entities":{"account":{"create":false,"read":"account","edit":"account","delete":"none","fields":{"name":"read","number":"read","email":"read","phone":"read","billingAddress":"edit"}},"contact":{"create":false,"read":"contact","edit":"contact","delete":"none","fields":{"accounts":"read"}}},"actions":["invoices.pay","paymentMethods.manage","billing.edit","cases.create","cases.comment","notifications.manage"]}',
  },
  {
    key: 'operations-manager',
    name: 'Operations Manager',
    description: 'Runs the day-to-day: requests and cancels services, decides on offers and opens cases.',
    isDefault: false,
    grants:
      '{"entities":{"account":{"create":false,"read":"account","edit":"none","delete":"none","fields":{"billingAddress":"hidden"}},"contact":{"create":false,"read":"account","edit":"contact","delete":"none","fields":{"accounts":"read"}}},"actions":["offers.accept","offers.reject","services.request","services.cancel","cases.create","cases.comment","notifications.manage"]}',
  },
  {
    key: 'viewer',
    name: 'Viewer',
    description: 'Sees their company’s account and their own contact details, and changes nothing. The default role: every user holds it.',
    isDefault: true,
    grants:
      '{"entities":{"account":{"create":false,"read":"account","edit":"none","delete":"none","fields":{"billingAddress":"hidden"}},"contact":{"create":false,"read":"contact","edit":"none","delete":"none","fields":{}}},"actions":["notifications.manage"]}',
  },
  {
    key: 'installer',
    name: 'Installer / Partner',
    description: 'A partner’s installer: works across the many customer accounts linked to their contact, requests services and opens cases; sees no billing data.',
    isDefault: false,
    grants:
      '{"entities":{"account":{"create":false,"read":"account","edit":"none","delete":"none","fields":{"billingAddress":"hidden"}},"contact":{"create":false,"read":"account","edit":"none","delete":"none","fields":{}}},"actions":["services.request","cases.create","cases.comment","notifications.manage"]}',
  },
];

async function insertStarterRoles(db: Kysely<unknown>): Promise<void> {
  const trx = db as Kysely<{ portals: { id: string }; portal_roles: Record<string, string | number> }>;
  const portals = await trx.selectFrom('portals').select('id').execute();
  const base = Date.now();
  for (const portal of portals) {
    await trx
      .insertInto('portal_roles')
      .values(
        STARTER_ROLES_0004.map((r, i) => {
          // One millisecond apart, so that listing by creation time keeps the starters' order.
          const at = new Date(base + i).toISOString();
          return {
            id: randomBytes(12).toString('base64url'),
            portal_id: portal.id,
            key: r.key,
            name: r.name,
            description: r.description,
            grants: r.grants,
            is_default: r.isDefault ? 1 : 0,
            revision: 1,
            created_at: at,
            updated_at: at,
          };
        }),
      )
      .execute();
  }
}
