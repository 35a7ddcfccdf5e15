// Seeds a small demo on an empty database: the default portal "customer", published as version 1,
// with a customer account, its contacts and four demo users holding the starter customer roles
// (DESIGN.md section 6), all with DEMO_PASSWORD (or a generated password, printed once).
// (The full energy-utility demo with contracts, invoices and offers comes with the data blocks.)
import { hashPassword, generatePassword } from '../auth/password';
import { newRowId } from '../auth/tokens';
import type { Db } from '../db/database';
import { writeTx } from '../db/database';
import { demoDocument } from '../../templates/starters/demo';
import { createPortal, publish } from '../services/portals';
import { createRecord } from '../services/records';

/** The demo users of the customer portal and the starter role each holds. */
export const DEMO_USERS = [
  { email: 'owner@customer.example', name: 'Olivia Owner', role: 'customer-owner' },
  { email: 'accountant@customer.example', name: 'Arne Accountant', role: 'accountant' },
  { email: 'operations@customer.example', name: 'Oskar Operations', role: 'operations-manager' },
  { email: 'viewer@customer.example', name: 'Vera Viewer', role: 'viewer' },
] as const;

export type SeededDemo = { users: readonly { email: string; role: string }[]; generatedPassword?: string };

export async function seedDemo(db: Db, demoPassword?: string): Promise<SeededDemo | null> {
  const any = await db.selectFrom('portals').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const owner = await db.selectFrom('admins').select('id').where('role', '=', 'owner').orderBy('created_at').limit(1).executeTakeFirstOrThrow();
  const portal = await createPortal(db, owner, { slug: 'customer', name: 'Customer Portal', document: demoDocument(), makeDefault: true });
  await publish(db, owner, { id: portal.id, note: 'Demo portal' });

  const system = { kind: 'system', id: null } as const;
  const account = await createRecord(db, system, { type: 'account', externalId: 'DEMO-ACC-1', data: { name: 'Sunny Side Household', number: 'K-100001', email: 'home@customer.example' } });
  const generated = demoPassword ? undefined : generatePassword();
  const hash = await hashPassword(demoPassword ?? generated!);
  const contacts: string[] = [];
  for (const u of DEMO_USERS) {
    contacts.push((await createRecord(db, system, { type: 'contact', data: { name: u.name, email: u.email, accounts: [account.id] } })).id);
  }
  await writeTx(db, async (trx) => {
    const roles = await trx.selectFrom('portal_roles').select(['id', 'key']).where('portal_id', '=', portal.id).execute();
    const at = new Date().toISOString();
    for (const [i, u] of DEMO_USERS.entries()) {
      const id = newRowId();
      await trx
        .insertInto('portal_users')
        .values({ id, portal_id: portal.id, email: u.email, name: u.name, status: 'active', contact_id: contacts[i]!, password_hash: hash, email_confirmed_at: at, created_at: at, updated_at: at, last_login_at: null })
        .execute();
      const role = roles.find((r) => r.key === u.role);
      // The default role (Viewer) reaches every user anyway; the others are assigned.
      if (role) await trx.insertInto('portal_user_roles').values({ user_id: id, role_id: role.id }).onConflict((oc) => oc.doNothing()).execute();
    }
  });
  return { users: DEMO_USERS.map((u) => ({ email: u.email, role: u.role })), ...(generated ? { generatedPassword: generated } : {}) };
}
