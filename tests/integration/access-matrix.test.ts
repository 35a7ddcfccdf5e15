// The access matrix over HTTP: each starter role × read / edit / create / delete × a record that is
// the user's own, their contact, their account's, or another account's — through the published
// portal's data blocks and actions, as a browser would. The expectations are written out by hand
// from the starter roles' descriptions (templates/starters/roles.ts), not computed by the code
// under test. Guessing another customer's record id reads as not found and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlockNode, ListResult, RecordResult } from '../../core';
import { ADMIN_WRITE, createRecord } from '../../server/services/records';
import type { Actor } from '../../server/services/record-store';
import type { PortalClient} from '../helpers/portal-auth';
import { documentOf, insertRole, insertUser, publishPortal, signedIn } from '../helpers/portal-auth';
import { signIn, startTestServer, type TestServer } from '../helpers/server';

const SLUG = 'matrix';
const BASE = `/p/${SLUG}`;
const system: Actor = { kind: 'system', id: null };
const ROLES = ['customer-owner', 'accountant', 'operations-manager', 'viewer', 'installer'] as const;
type Role = (typeof ROLES)[number];
const RELATIONS = ['own', 'contact', 'account', 'other'] as const;
type Relation = (typeof RELATIONS)[number];

// Contacts: read / edit levels of each starter role, merged with Viewer (every user's default role).
const CAN_READ: Record<Role, Record<Relation, boolean>> = {
  'customer-owner': { own: true, contact: true, account: true, other: false },
  accountant: { own: true, contact: true, account: false, other: false },
  'operations-manager': { own: true, contact: true, account: true, other: false },
  viewer: { own: true, contact: true, account: false, other: false },
  installer: { own: true, contact: true, account: true, other: false },
};
const CAN_EDIT: Record<Role, Record<Relation, boolean>> = {
  'customer-owner': { own: true, contact: true, account: true, other: false },
  accountant: { own: true, contact: true, account: false, other: false },
  'operations-manager': { own: true, contact: true, account: false, other: false },
  viewer: { own: false, contact: false, account: false, other: false },
  installer: { own: false, contact: false, account: false, other: false },
};
const CAN_CREATE: Record<Role, boolean> = { 'customer-owner': true, accountant: false, 'operations-manager': false, viewer: false, installer: false };
// No starter role deletes contacts.

const block = (id: string, type: string, props: Record<string, unknown>): BlockNode => ({ id, type, props });
const doc = documentOf([
  { id: 'p_home', path: '/', title: { en: 'Home' }, inNav: true, blocks: [] },
  { id: 'p_list', path: '/contacts', title: { en: 'Contacts' }, inNav: true, blocks: [block('b_table', 'entity-table', { entityType: 'contact', columns: [{ field: 'name' }, { field: 'phone' }], pageSize: 100, detailPath: '/contacts/:id' })] },
  {
    id: 'p_detail',
    path: '/contacts/:id',
    title: { en: 'Contact' },
    inNav: false,
    blocks: [
      block('b_detail', 'entity-detail', { entityType: 'contact', param: 'id', sections: [{ title: 'Contact', fields: ['name', 'phone'] }], allowDelete: true }),
      block('b_edit', 'entity-form', { entityType: 'contact', mode: 'edit', param: 'id', fields: ['name', 'phone'] }),
    ],
  },
  { id: 'p_new', path: '/new-contact', title: { en: 'New contact' }, inNav: false, blocks: [block('b_create', 'entity-form', { entityType: 'contact', mode: 'create', fields: ['name', 'phone'] })] },
]);

let srv: TestServer;
let portalId: string;
const users: Record<Role, { id: string; client: PortalClient; records: Record<Relation, string> }> = {} as never;
let accountA: string;
let key = 0;
const idem = () => `matrix-key-${String(++key).padStart(8, '0')}`;

const phoneOf = async (id: string) => {
  const row = await srv.db.selectFrom('records').select('data').where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const data = typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, unknown>) : (row.data as Record<string, unknown>);
  return data.phone;
};

beforeAll(async () => {
  srv = await startTestServer();
  const owner = await signIn(srv.url);
  // A new portal gets the starter roles: the matrix is about them, unchanged.
  portalId = await publishPortal(owner, SLUG, 'Matrix', doc);
  accountA = (await createRecord(srv.db, system, { type: 'account', data: { name: 'Customer A' } })).id;
  const accountB = (await createRecord(srv.db, system, { type: 'account', data: { name: 'Customer B' } })).id;
  const roles = await srv.db.selectFrom('portal_roles').select(['id', 'key']).where('portal_id', '=', portalId).execute();
  expect(roles.map((r) => r.key).sort()).toEqual([...ROLES].sort());
  for (const role of ROLES) {
    const email = `${role}@matrix.example`;
    const roleId = roles.find((r) => r.key === role)!.id;
    const userId = await insertUser(srv.db, portalId, { email, name: role, roleIds: role === 'viewer' ? [] : [roleId] });
    const self = (await createRecord(srv.db, system, { type: 'contact', data: { name: `${role} self`, email, accounts: [accountA] } })).id;
    await srv.db.updateTable('portal_users').set({ contact_id: self }).where('id', '=', userId).execute();
    const own = (await createRecord(srv.db, system, { type: 'contact', data: { name: `${role} own` } }, { ...ADMIN_WRITE, createdByUser: userId })).id;
    const colleague = (await createRecord(srv.db, system, { type: 'contact', data: { name: `${role} colleague`, accounts: [accountA] } })).id;
    const other = (await createRecord(srv.db, system, { type: 'contact', data: { name: `${role} other`, accounts: [accountB] } })).id;
    users[role] = { id: userId, client: await signedIn(srv.url, BASE, email), records: { own, contact: self, account: colleague, other } };
  }
}, 60_000);

afterAll(async () => {
  await srv?.stop();
});

describe.each(ROLES)('starter role %s', (role) => {
  it('reads exactly its own, contact or account records, in the list and on the detail page', async () => {
    const { client, records } = users[role];
    const list = await client.ask<{ data: Record<string, ListResult> }>('page', { path: '/contacts' });
    expect(list.status).toBe(200);
    const listed = new Set(list.data!.data.b_table!.items.map((i) => i.id));
    for (const rel of RELATIONS) {
      expect(listed.has(records[rel]), `${role} lists ${rel}`).toBe(CAN_READ[role][rel]);
      const detail = await client.ask<{ data: Record<string, RecordResult> }>('page', { path: `/contacts/${records[rel]}` });
      expect(detail.status).toBe(200);
      const record = detail.data!.data.b_detail!.record;
      expect(record?.id ?? null, `${role} opens ${rel}`).toBe(CAN_READ[role][rel] ? records[rel] : null);
      if (!CAN_READ[role][rel]) expect(JSON.stringify(detail.data)).not.toContain(`${role} ${rel === 'account' ? 'colleague' : rel}`);
    }
  });

  it('edits exactly what its edit level reaches; anything else is not found and unchanged', async () => {
    const { client, records } = users[role];
    for (const rel of RELATIONS) {
      const phone = `+49 30 ${1000 + RELATIONS.indexOf(rel)}${ROLES.indexOf(role)}`;
      const before = await phoneOf(records[rel]);
      const r = await client.call<{ ok: boolean }>('runAction', { path: `/contacts/${records[rel]}`, blockId: 'b_edit', action: 'submit', input: { data: { phone } }, idempotencyKey: idem() });
      if (CAN_EDIT[role][rel]) {
        expect(r.status, `${role} edits ${rel}: ${r.error?.message}`).toBe(200);
        expect(await phoneOf(records[rel])).toBe(phone);
      } else {
        expect(r.status, `${role} edits ${rel}`).toBe(404);
        expect(await phoneOf(records[rel])).toBe(before);
      }
    }
  });

  it('creates only where the role has the create grant', async () => {
    const { client } = users[role];
    const name = `${role} created contact`;
    const r = await client.call<{ ok: boolean; recordId?: string }>('runAction', { path: '/new-contact', blockId: 'b_create', action: 'submit', input: { data: { name } }, idempotencyKey: idem() });
    const stored = await srv.db.selectFrom('records').select(['id', 'created_by_user']).where('type', '=', 'contact').where('title', '=', name).execute();
    if (CAN_CREATE[role]) {
      expect(r.status, r.error?.message).toBe(200);
      expect(stored).toHaveLength(1);
      expect(stored[0]!.created_by_user).toBe(users[role].id);
      // The new contact belongs to the creator's company: linked by the server, not by the form.
      const link = await srv.db.selectFrom('record_refs').select('target_id').where('record_id', '=', stored[0]!.id).where('field', '=', 'accounts').execute();
      expect(link.map((l) => l.target_id)).toEqual([accountA]);
    } else {
      expect(r.status).toBe(404);
      expect(stored).toHaveLength(0);
    }
  });

  it('deletes nothing: no starter role grants delete on contacts', async () => {
    const { client, records } = users[role];
    for (const rel of RELATIONS) {
      const r = await client.call('runAction', { path: `/contacts/${records[rel]}`, blockId: 'b_detail', action: 'delete', input: { confirm: true }, idempotencyKey: idem() });
      // Refused for the role's lack of the grant, before any record is looked up: the answer is
      // the same for every id, so it tells nothing about records out of scope.
      expect(r.status, `${role} deletes ${rel}`).toBe(403);
      expect(await srv.db.selectFrom('records').select('id').where('id', '=', records[rel]).executeTakeFirst()).toBeDefined();
    }
  });
});

describe('a role that deletes at the contact level', () => {
  it('deletes its own and its contact’s records; a colleague’s or another account’s are not found and stay', async () => {
    const roleId = await insertRole(srv.db, portalId, { key: 'tidier', grants: { entities: { contact: { read: 'account', delete: 'contact' } } } });
    const email = 'tidier@matrix.example';
    const userId = await insertUser(srv.db, portalId, { email, name: 'Tidier', roleIds: [roleId] });
    const self = (await createRecord(srv.db, system, { type: 'contact', data: { name: 'tidier self', email, accounts: [accountA] } })).id;
    await srv.db.updateTable('portal_users').set({ contact_id: self }).where('id', '=', userId).execute();
    const own = (await createRecord(srv.db, system, { type: 'contact', data: { name: 'tidier own' } }, { ...ADMIN_WRITE, createdByUser: userId })).id;
    const colleague = users.viewer.records.account;
    const other = users.viewer.records.other;
    const client = await signedIn(srv.url, BASE, email);
    const del = (id: string) => client.call('runAction', { path: `/contacts/${id}`, blockId: 'b_detail', action: 'delete', input: { confirm: true }, idempotencyKey: idem() });
    const exists = async (id: string) => (await srv.db.selectFrom('records').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
    expect((await del(own)).status).toBe(200);
    expect(await exists(own)).toBe(false);
    expect((await del(colleague)).status).toBe(404);
    expect((await del(other)).status).toBe(404);
    expect(await exists(colleague)).toBe(true);
    expect(await exists(other)).toBe(true);
    // Its own contact is within "contact" too: the grant allows it (the user is then unlinked from it).
    expect((await del(self)).status).toBe(200);
    expect(await exists(self)).toBe(false);
    expect((await srv.db.selectFrom('portal_users').select('contact_id').where('id', '=', userId).executeTakeFirstOrThrow()).contact_id).toBeNull();
  });
});

describe('guessing another customer’s record id', () => {
  it('reads as not found through every door and changes nothing', async () => {
    const { client } = users['customer-owner'];
    const victim = users.viewer.records.other;
    const before = await phoneOf(victim);
    const html = await client.page(`/contacts/${victim}`);
    expect(html.status).toBe(200);
    expect(html.html).not.toContain('viewer other');
    expect(html.html).toContain('not available');
    const data = await client.ask('blockData', { path: `/contacts/${victim}`, blockId: 'b_detail', query: {} });
    expect(JSON.stringify(data.data ?? null)).not.toContain('viewer other');
    const edit = await client.call('runAction', { path: `/contacts/${victim}`, blockId: 'b_edit', action: 'submit', input: { data: { phone: '+1 555 0199' } }, idempotencyKey: idem() });
    expect(edit.status).toBe(404);
    expect(await phoneOf(victim)).toBe(before);
    // A made-up id looks exactly like another customer's.
    const madeUp = await client.call('runAction', { path: '/contacts/r_doesnotexist', blockId: 'b_edit', action: 'submit', input: { data: { phone: '+1 555 0199' } }, idempotencyKey: idem() });
    expect(madeUp.status).toBe(404);
    expect(madeUp.error?.message).toBe(edit.error?.message);
  });
});
