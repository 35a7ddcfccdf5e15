// A portal user's grants applied to records through the query layer: the roles in the database
// (portal defaults + the user's own, merged) decide the scope per operation and the readable and
// editable fields; out of scope reads, updates and deletes are NOT_FOUND; hidden and internal fields
// never come back; writing a field the role does not make editable (a link, say) is FORBIDDEN and
// changes nothing; a role change applies to the next request.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleGrantsSchema, type RoleGrantsInput } from '../../core';
import { createType, requireType } from '../../server/services/entity-types';
import { principalForUser, recordAccessFor, writeAccessFor } from '../../server/services/portal-grants';
import { findRecord, queryRecords } from '../../server/services/record-query';
import { ADMIN_WRITE, createRecord, deleteRecord, updateRecord } from '../../server/services/records';
import type { Actor } from '../../server/services/record-store';
import { signIn, startTestServer, type TestServer } from '../helpers/server';

let srv: TestServer;
let portalId: string;
let userId: string;
const system: Actor = { kind: 'system', id: null };
const ids: Record<string, string> = {};
const now = new Date().toISOString();

async function setRole(key: string, grants: RoleGrantsInput, isDefault = false): Promise<string> {
  const existing = await srv.db.selectFrom('portal_roles').select(['id', 'revision']).where('portal_id', '=', portalId).where('key', '=', key).executeTakeFirst();
  const json = JSON.stringify(roleGrantsSchema.parse(grants));
  if (existing) {
    await srv.db.updateTable('portal_roles').set({ grants: json, revision: existing.revision + 1 }).where('id', '=', existing.id).execute();
    return existing.id;
  }
  const id = `role_${key}`;
  await srv.db
    .insertInto('portal_roles')
    .values({ id, portal_id: portalId, key, name: key, description: '', grants: json, is_default: isDefault ? 1 : 0, revision: 1, created_at: now, updated_at: now })
    .execute();
  return id;
}

const create = async (type: string, data: Record<string, unknown>, createdByUser: string | null = null) =>
  (await createRecord(srv.db, system, { type, data }, { ...ADMIN_WRITE, createdByUser })).id;
const principal = () => principalForUser(srv.db, portalId, { id: userId, contactId: ids.contact! });
const code = (c: string) => (e: unknown) => e instanceof TRPCError && e.code === c;

beforeAll(async () => {
  srv = await startTestServer();
  const owner = await signIn(srv.url);
  portalId = (await owner.mutate<{ id: string }>('portals.create', { slug: 'grants', name: 'Grants' })).data!.id;
  // This test's roles only: none of the starter roles.
  await srv.db.deleteFrom('portal_roles').where('portal_id', '=', portalId).execute();
  await createType(srv.db, system, {
    key: 'contract',
    label: { singular: 'Contract', plural: 'Contracts' },
    titleField: 'number',
    accountLink: 'account',
    contactLink: 'holder',
    fields: [
      { key: 'number', label: 'Number', type: 'text', required: true },
      { key: 'price', label: 'Price', type: 'number' },
      { key: 'address', label: 'Delivery address', type: 'text' },
      { key: 'margin', label: 'Margin', type: 'number', internal: true },
      { key: 'account', label: 'Account', type: 'relation', target: 'account' },
      { key: 'holder', label: 'Holder', type: 'relation', target: 'contact' },
    ],
  });
  ids.mine = await create('account', { name: 'Mine' });
  ids.other = await create('account', { name: 'Other' });
  ids.contact = await create('contact', { name: 'Me', accounts: [ids.mine] });
  ids.colleague = await create('contact', { name: 'Colleague', accounts: [ids.mine] });
  userId = 'pu_test';
  await srv.db
    .insertInto('portal_users')
    .values({ id: userId, portal_id: portalId, email: 'me@example.test', name: 'Me', status: 'active', contact_id: ids.contact!, password_hash: null, email_confirmed_at: now, created_at: now, updated_at: now, last_login_at: null })
    .execute();
  ids.c_contact = await create('contract', { number: 'C-contact', price: 1, address: 'a', margin: 9, account: ids.mine, holder: ids.contact });
  ids.c_account = await create('contract', { number: 'C-account', price: 2, address: 'b', margin: 9, account: ids.mine, holder: ids.colleague });
  ids.c_other = await create('contract', { number: 'C-other', price: 3, address: 'c', margin: 9, account: ids.other });
});
afterAll(() => srv.stop());

describe('grants → query layer', () => {
  it('a default role alone: read at contact level, price hidden, margin (internal) never', async () => {
    await setRole('viewer', { entities: { contract: { read: 'contact', fields: { price: 'hidden' } } } }, true);
    const p = await principal();
    const type = await requireType(srv.db, 'contract');
    const page = await queryRecords(srv.db, { type: 'contract' }, recordAccessFor(p, type));
    expect(page.items.map((r) => r.data.number)).toEqual(['C-contact']);
    expect(Object.keys(page.items[0]!.data).sort()).toEqual(['account', 'address', 'holder', 'number']);
    expect(await findRecord(srv.db, 'contract', ids.c_account!, recordAccessFor(p, type))).toBeNull();
    await expect(queryRecords(srv.db, { type: 'contract', sort: [{ field: 'price', dir: 'asc' }] }, recordAccessFor(p, type))).rejects.toSatisfy(code('FORBIDDEN'));
    // No edit level: nothing is editable, every record is out of scope for updates.
    await expect(updateRecord(srv.db, system, { type: 'contract', id: ids.c_contact!, data: { address: 'x' } }, writeAccessFor(p, type))).rejects.toSatisfy(code('FORBIDDEN'));
  });

  it("the user's own role merges in, most permissive wins, at the next request", async () => {
    const roleId = await setRole('owner', { entities: { contract: { read: 'account', edit: 'account', delete: 'own', fields: { account: 'read', holder: 'read', price: 'read' } } } });
    await srv.db.insertInto('portal_user_roles').values({ user_id: userId, role_id: roleId }).execute();
    const p = await principal();
    const type = await requireType(srv.db, 'contract');
    const page = await queryRecords(srv.db, { type: 'contract', sort: [{ field: 'price', dir: 'asc' }] }, recordAccessFor(p, type));
    expect(page.items.map((r) => r.data.number)).toEqual(['C-contact', 'C-account']);
    expect(page.items[0]!.data).toEqual({ number: 'C-contact', price: 1, address: 'a', account: ids.mine, holder: ids.contact });
  });

  it('edits only editable fields within the edit scope; links cannot be reassigned; others read as not found', async () => {
    const p = await principal();
    const type = await requireType(srv.db, 'contract');
    const w = writeAccessFor(p, type);
    const updated = await updateRecord(srv.db, system, { type: 'contract', id: ids.c_account!, data: { address: 'New street 1' } }, w);
    expect(updated.data.address).toBe('New street 1');
    // Mass assignment: moving the contract to another account is refused, and nothing changes.
    await expect(updateRecord(srv.db, system, { type: 'contract', id: ids.c_account!, data: { address: 'y', account: ids.other } }, w)).rejects.toSatisfy(code('FORBIDDEN'));
    await expect(updateRecord(srv.db, system, { type: 'contract', id: ids.c_account!, data: { margin: 0 } }, w)).rejects.toSatisfy(code('FORBIDDEN'));
    const after = await findRecord(srv.db, 'contract', ids.c_account!, { scope: { kind: 'all' }, readable: 'all' });
    expect(after!.data).toMatchObject({ address: 'New street 1', account: ids.mine, margin: 9 });
    // Another account's contract: not found for reads, updates and deletes alike.
    expect(await findRecord(srv.db, 'contract', ids.c_other!, recordAccessFor(p, type))).toBeNull();
    await expect(updateRecord(srv.db, system, { type: 'contract', id: ids.c_other!, data: { address: 'z' } }, w)).rejects.toSatisfy(code('NOT_FOUND'));
    // Delete is granted at "own" only: a contract the user did not create is not found.
    await expect(deleteRecord(srv.db, system, { type: 'contract', id: ids.c_contact! }, writeAccessFor(p, type, 'delete'))).rejects.toSatisfy(code('NOT_FOUND'));
    expect(await findRecord(srv.db, 'contract', ids.c_contact!, { scope: { kind: 'all' }, readable: 'all' })).not.toBeNull();
  });

  it('a role taken away applies at the next request', async () => {
    await srv.db.deleteFrom('portal_user_roles').where('user_id', '=', userId).execute();
    const p = await principal();
    const type = await requireType(srv.db, 'contract');
    expect((await queryRecords(srv.db, { type: 'contract' }, recordAccessFor(p, type))).items.map((r) => r.data.number)).toEqual(['C-contact']);
  });
});
