// Portal users through the admin API (real HTTP, SQLite and Postgres): create with or without a
// contact, email lower-cased and unique per portal, invite and re-invite (a token and an email in
// the outbox each time), disable (every session row gone: signed out at the next request) and
// enable, roles and the contact link, list with search, filters and cursor paging, a CSV import
// that is all or nothing with a row/field/message report, ids of another portal reading as not
// found, and an audit entry for every change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../server/auth/tokens';
import { signIn, startTestServer, type Client, type TestServer } from '../helpers/server';

type User = {
  id: string;
  email: string;
  name: string;
  status: 'invited' | 'active' | 'disabled';
  contact: { id: string; title: string } | null;
  roles: { id: string; key: string; name: string }[];
  invitation: { sentAt: string; expiresAt: string; pending: boolean } | null;
  activeSessions: number;
};
type Page = { items: User[]; nextCursor: string | null };
type Issue = { row?: number; field: string; message: string };

let srv: TestServer;
let owner: Client;
let portalA: string;
let portalB: string;
let roleIds: Record<string, string>;
let contacts: Record<string, string>;

const issuesOf = (r: { error?: { data: unknown } }) => ((r.error?.data as { issues?: Issue[] } | undefined)?.issues ?? []) as Issue[];
const outboxTo = async (email: string) => srv.db.selectFrom('outbox').select(['payload', 'portal_id']).where('payload', 'like', `%${email}%`).execute();
const inviteTokens = (userId: string) => srv.db.selectFrom('portal_tokens').selectAll().where('user_id', '=', userId).where('purpose', '=', 'invite').orderBy('created_at').execute();

/** A signed-in session as the runtime would store it: only the hash of the cookie's token. */
async function addSession(portalId: string, userId: string): Promise<void> {
  const at = new Date();
  await srv.db
    .insertInto('portal_sessions')
    .values({
      id_hash: hashToken(newToken()),
      portal_id: portalId,
      user_id: userId,
      created_at: at.toISOString(),
      last_seen_at: at.toISOString(),
      expires_at: new Date(at.getTime() + 3600_000).toISOString(),
      ip: null,
      user_agent: null,
    })
    .execute();
}

beforeAll(async () => {
  srv = await startTestServer();
  owner = await signIn(srv.url);
  portalA = (await owner.mutate<{ id: string }>('portals.create', { slug: 'users-a', name: 'Users A' })).data!.id;
  portalB = (await owner.mutate<{ id: string }>('portals.create', { slug: 'users-b', name: 'Users B' })).data!.id;
  const list = (await owner.query<{ id: string; key: string }[]>('roles.list', { id: portalA })).data!;
  roleIds = Object.fromEntries(list.map((r) => [r.key, r.id]));
  contacts = {};
  for (const [ext, name] of [
    ['C-1', 'Carla Contact'],
    ['C-2', 'Dan Contact'],
    ['C-3', 'Eve Contact'],
  ] as const) {
    const r = await owner.mutate<{ id: string }>('records.create', { type: 'contact', externalId: ext, data: { name, email: `${ext.toLowerCase()}@example.com` } });
    expect(r.status, r.error?.message).toBe(200);
    contacts[ext] = r.data!.id;
  }
});
afterAll(() => srv.stop());

describe('creating and inviting users', () => {
  it('creates a user from a contact with roles, lower-cases the email and sends the invitation', async () => {
    const r = await owner.mutate<User>('portalUsers.create', {
      id: portalA,
      email: '  Carla.Contact@Example.COM ',
      name: 'Carla Contact',
      contactId: contacts['C-1'],
      roleIds: [roleIds['accountant']],
    });
    expect(r.status, r.error?.message).toBe(200);
    expect(r.data).toMatchObject({ email: 'carla.contact@example.com', status: 'invited', contact: { id: contacts['C-1'], title: 'Carla Contact' }, roles: [{ key: 'accountant' }] });
    expect(r.data!.invitation).toMatchObject({ pending: true });
    expect(await inviteTokens(r.data!.id)).toHaveLength(1);
    const mails = await outboxTo('carla.contact@example.com');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.portal_id).toBe(portalA);
    // The link points at the portal's own address.
    expect(mails[0]!.payload).toContain('/p/users-a/invite/');
  });

  it('creates a user without a contact and without sending anything yet', async () => {
    const r = await owner.mutate<User>('portalUsers.create', { id: portalA, email: 'quiet@example.com', name: 'Quiet', invite: false });
    expect(r.data).toMatchObject({ status: 'invited', contact: null, roles: [], invitation: null });
    expect(await outboxTo('quiet@example.com')).toHaveLength(0);
    const invited = await owner.mutate<User>('portalUsers.invite', { id: portalA, userId: r.data!.id });
    expect(invited.data!.invitation).toMatchObject({ pending: true });
    expect(await outboxTo('quiet@example.com')).toHaveLength(1);
  });

  it('refuses an email the portal has already, in any case; another portal may have it', async () => {
    const dup = await owner.mutate('portalUsers.create', { id: portalA, email: 'CARLA.contact@example.com', name: 'Again', invite: false });
    expect(dup.error?.data.code).toBe('CONFLICT');
    expect(dup.error?.message).toContain('carla.contact@example.com');
    const other = await owner.mutate('portalUsers.create', { id: portalB, email: 'carla.contact@example.com', name: 'Carla in B', invite: false });
    expect(other.status).toBe(200);
  });

  it('refuses bad input with the field named', async () => {
    const email = await owner.mutate('portalUsers.create', { id: portalA, email: 'not-an-email', name: 'X' });
    expect(email.status).toBe(400);
    expect(issuesOf(email)[0]).toMatchObject({ path: ['email'] });
    const name = await owner.mutate('portalUsers.create', { id: portalA, email: 'x@example.com', name: '  ' });
    expect(issuesOf(name)[0]).toMatchObject({ path: ['name'], message: 'a name is required' });
    const extra = await owner.mutate('portalUsers.create', { id: portalA, email: 'x@example.com', name: 'X', status: 'active' });
    expect(extra.status).toBe(400);
    const role = await owner.mutate('portalUsers.create', { id: portalA, email: 'x@example.com', name: 'X', roleIds: ['nope'] });
    expect(role.error?.data.code).toBe('NOT_FOUND');
    const contact = await owner.mutate('portalUsers.create', { id: portalA, email: 'x@example.com', name: 'X', contactId: 'nope' });
    expect(contact.error?.data.code).toBe('NOT_FOUND');
    // Nothing was created by any of them.
    expect((await owner.query<Page>('portalUsers.list', { id: portalA, search: 'x@example.com' })).data!.items).toEqual([]);
  });

  it('a contact is linked to at most one user per portal', async () => {
    const r = await owner.mutate('portalUsers.create', { id: portalA, email: 'dup-contact@example.com', name: 'Dup', contactId: contacts['C-1'], invite: false });
    expect(r.error?.data.code).toBe('CONFLICT');
    expect(r.error?.message).toContain('Carla Contact');
  });

  it('resends an invitation: a new token, the earlier link stops working', async () => {
    const user = (await owner.query<Page>('portalUsers.list', { id: portalA, search: 'carla' })).data!.items[0]!;
    const re = await owner.mutate<User>('portalUsers.resendInvite', { id: portalA, userId: user.id });
    expect(re.status, re.error?.message).toBe(200);
    const tokens = await inviteTokens(user.id);
    expect(tokens).toHaveLength(2);
    expect(tokens[0]!.used_at).not.toBeNull();
    expect(tokens[1]!.used_at).toBeNull();
    expect(await outboxTo('carla.contact@example.com')).toHaveLength(2);
  });
});

describe('disabling, enabling, roles and contacts', () => {
  let user: User;
  beforeAll(async () => {
    user = (await owner.mutate<User>('portalUsers.create', { id: portalA, email: 'dora@example.com', name: 'Dora', roleIds: [roleIds['viewer']], invite: false })).data!;
    // As if Dora had accepted the invitation and signed in on two devices.
    await srv.db.updateTable('portal_users').set({ status: 'active', password_hash: 'x' }).where('id', '=', user.id).execute();
    await addSession(portalA, user.id);
    await addSession(portalA, user.id);
  });

  it('an active user cannot be invited or re-invited', async () => {
    expect((await owner.mutate('portalUsers.invite', { id: portalA, userId: user.id })).error?.data.code).toBe('PRECONDITION_FAILED');
    expect((await owner.mutate('portalUsers.resendInvite', { id: portalA, userId: user.id })).error?.data.code).toBe('PRECONDITION_FAILED');
  });

  it('disabling removes every session row (signed out at the next request); enabling restores the status', async () => {
    expect((await owner.query<User>('portalUsers.get', { id: portalA, userId: user.id })).data!.activeSessions).toBe(2);
    const off = await owner.mutate<User>('portalUsers.setStatus', { id: portalA, userId: user.id, status: 'disabled' });
    expect(off.data).toMatchObject({ status: 'disabled', activeSessions: 0 });
    expect(await srv.db.selectFrom('portal_sessions').select('id_hash').where('user_id', '=', user.id).execute()).toEqual([]);
    const on = await owner.mutate<User>('portalUsers.setStatus', { id: portalA, userId: user.id, status: 'active' });
    expect(on.data!.status).toBe('active');
  });

  it('disabling an invited user voids their open invitation; enabling makes them invited again', async () => {
    const u = (await owner.mutate<User>('portalUsers.create', { id: portalA, email: 'ivan@example.com', name: 'Ivan' })).data!;
    await owner.mutate('portalUsers.setStatus', { id: portalA, userId: u.id, status: 'disabled' });
    expect((await inviteTokens(u.id)).every((t) => t.used_at !== null)).toBe(true);
    expect((await owner.mutate<User>('portalUsers.setStatus', { id: portalA, userId: u.id, status: 'active' })).data!.status).toBe('invited');
  });

  it('replaces roles and links and unlinks a contact', async () => {
    const roles = await owner.mutate<User>('portalUsers.setRoles', { id: portalA, userId: user.id, roleIds: [roleIds['customer-owner'], roleIds['installer']] });
    expect(roles.data!.roles.map((r) => r.key)).toEqual(['customer-owner', 'installer']);
    const linked = await owner.mutate<User>('portalUsers.linkContact', { id: portalA, userId: user.id, contactId: contacts['C-2'] });
    expect(linked.data!.contact).toEqual({ id: contacts['C-2'], title: 'Dan Contact' });
    const unlinked = await owner.mutate<User>('portalUsers.linkContact', { id: portalA, userId: user.id, contactId: null });
    expect(unlinked.data!.contact).toBeNull();
    // A record that is not a contact is not a contact.
    const account = (await owner.mutate<{ id: string }>('records.create', { type: 'account', data: { name: 'Acme' } })).data!;
    expect((await owner.mutate('portalUsers.linkContact', { id: portalA, userId: user.id, contactId: account.id })).error?.data.code).toBe('NOT_FOUND');
  });
});

describe('listing', () => {
  beforeAll(async () => {
    for (let i = 0; i < 7; i++) await owner.mutate('portalUsers.create', { id: portalA, email: `page${i}@list.example`, name: `Pager ${i}`, invite: false, roleIds: i % 2 ? [roleIds['installer']] : [] });
    const page6 = (await owner.query<Page>('portalUsers.list', { id: portalA, search: 'page6@' })).data!.items[0]!;
    await owner.mutate('portalUsers.setStatus', { id: portalA, userId: page6.id, status: 'disabled' });
  });

  it('pages by email with a cursor, every user once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = (await owner.query<Page>('portalUsers.list', { id: portalA, limit: 3, ...(cursor ? { cursor } : {}) })).data!;
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((u) => u.email));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain('page6@list.example');
    const bad = await owner.query('portalUsers.list', { id: portalA, cursor: 'garbage' });
    expect(bad.error?.data.code).toBe('BAD_REQUEST');
  });

  it('searches email and name (any case, wildcards literal) and filters by status and role', async () => {
    expect((await owner.query<Page>('portalUsers.list', { id: portalA, search: 'PAGER 3' })).data!.items.map((u) => u.email)).toEqual(['page3@list.example']);
    expect((await owner.query<Page>('portalUsers.list', { id: portalA, search: '@LIST.' })).data!.items).toHaveLength(7);
    expect((await owner.query<Page>('portalUsers.list', { id: portalA, search: '%' })).data!.items).toEqual([]);
    const installers = (await owner.query<Page>('portalUsers.list', { id: portalA, roleId: roleIds['installer'], search: 'list.example' })).data!.items;
    expect(installers.map((u) => u.email)).toEqual(['page1@list.example', 'page3@list.example', 'page5@list.example']);
    const disabled = (await owner.query<Page>('portalUsers.list', { id: portalA, status: 'disabled' })).data!.items;
    expect(disabled.map((u) => u.email)).toEqual(['page6@list.example']);
  });
});

describe('users are scoped to their portal', () => {
  it('a user id of another portal reads as not found for every procedure, and nothing changes', async () => {
    const inA = (await owner.query<Page>('portalUsers.list', { id: portalA, search: 'carla' })).data!.items[0]!;
    const calls = [
      owner.query('portalUsers.get', { id: portalB, userId: inA.id }),
      owner.mutate('portalUsers.invite', { id: portalB, userId: inA.id }),
      owner.mutate('portalUsers.resendInvite', { id: portalB, userId: inA.id }),
      owner.mutate('portalUsers.setStatus', { id: portalB, userId: inA.id, status: 'disabled' }),
      owner.mutate('portalUsers.setRoles', { id: portalB, userId: inA.id, roleIds: [] }),
      owner.mutate('portalUsers.linkContact', { id: portalB, userId: inA.id, contactId: null }),
    ];
    for (const r of await Promise.all(calls)) expect(r.error?.data.code).toBe('NOT_FOUND');
    const after = (await owner.query<User>('portalUsers.get', { id: portalA, userId: inA.id })).data!;
    expect(after).toMatchObject({ status: 'invited', roles: [{ key: 'accountant' }], contact: { id: contacts['C-1'] } });
  });

  it('a role of another portal cannot be given to a user', async () => {
    const inB = (await owner.query<Page>('portalUsers.list', { id: portalB })).data!.items[0]!;
    const r = await owner.mutate('portalUsers.setRoles', { id: portalB, userId: inB.id, roleIds: [roleIds['accountant']] });
    expect(r.error?.data.code).toBe('NOT_FOUND');
  });
});

describe('inviting from a CSV file', () => {
  it('imports nothing when any row has a problem, and reports row, column and message for each', async () => {
    const csv = [
      'email,name,roles,contactExternalId',
      'new1@csv.example,New One,accountant,C-3',
      'not-an-email,Bad Email,,',
      'new1@csv.example,Twice,,',
      'carla.contact@example.com,Exists,,',
      'new2@csv.example,Role Typo,acountant,',
      'new3@csv.example,Ghost Contact,,C-404',
      'new4@csv.example,Taken Contact,,C-1',
      '',
      'new5@csv.example,,,',
    ].join('\n');
    const r = await owner.mutate('portalUsers.importCsv', { id: portalA, content: csv });
    expect(r.status).toBe(400);
    expect(r.error?.message).toMatch(/^7 problems in 7 rows; nobody was invited\./);
    expect(issuesOf(r)).toEqual([
      { row: 3, field: 'email', message: '"not-an-email" is not an email address' },
      { row: 4, field: 'email', message: 'new1@csv.example is also in row 2' },
      { row: 5, field: 'email', message: 'a user with the email carla.contact@example.com exists in this portal already' },
      { row: 6, field: 'roles', message: expect.stringContaining('there is no role "acountant" in this portal') },
      { row: 7, field: 'contactExternalId', message: 'there is no contact with the external id "C-404"' },
      { row: 8, field: 'contactExternalId', message: 'the contact "Carla Contact" is already linked to the user carla.contact@example.com' },
      { row: 10, field: 'name', message: 'a name is required (or a contact, whose name is then used)' },
    ]);
    expect((await owner.query<Page>('portalUsers.list', { id: portalA, search: 'csv.example' })).data!.items).toEqual([]);
    expect(await outboxTo('new1@csv.example')).toHaveLength(0);
  });

  it('reports problems with the header on row 1', async () => {
    const r = await owner.mutate('portalUsers.importCsv', { id: portalA, content: 'mail,name,colour\nx@y.example,X,red' });
    expect(issuesOf(r)).toEqual([
      { row: 1, field: 'mail', message: expect.stringContaining('"mail" is not a column') },
      { row: 1, field: 'colour', message: expect.stringContaining('"colour" is not a column') },
      { row: 1, field: 'email', message: 'an email column is required' },
    ]);
  });

  it('imports and invites every row of a good file (semicolons too), names from contacts', async () => {
    const csv = ['email;name;roles;contactExternalId', 'New1@CSV.example;New One;"accountant;viewer";', 'new2@csv.example;;installer;C-3'].join('\r\n');
    const r = await owner.mutate<{ total: number; created: number; invited: number }>('portalUsers.importCsv', { id: portalA, content: `\uFEFF${csv}` });
    expect(r.status, r.error?.message).toBe(200);
    expect(r.data).toEqual({ total: 2, created: 2, invited: 2 });
    const users = (await owner.query<Page>('portalUsers.list', { id: portalA, search: 'csv.example' })).data!.items;
    expect(users.map((u) => ({ email: u.email, name: u.name, roles: u.roles.map((x) => x.key), contact: u.contact?.title ?? null, invited: u.invitation?.pending }))).toEqual([
      { email: 'new1@csv.example', name: 'New One', roles: ['accountant', 'viewer'], contact: null, invited: true },
      { email: 'new2@csv.example', name: 'Eve Contact', roles: ['installer'], contact: 'Eve Contact', invited: true },
    ]);
    expect(await outboxTo('new2@csv.example')).toHaveLength(1);
  });

  it('refuses a file that is not CSV or is empty with a message', async () => {
    expect((await owner.mutate('portalUsers.importCsv', { id: portalA, content: 'email\n"unclosed' })).status).toBe(400);
    const empty = await owner.mutate('portalUsers.importCsv', { id: portalA, content: 'email,name\n' });
    expect(empty.error?.message).toContain('no rows');
  });
});

describe('audit', () => {
  it('writes an entry for every kind of change', async () => {
    const rows = await srv.db.selectFrom('audit_log').select('action').where('portal_id', '=', portalA).where('action', 'like', 'portal-user.%').execute();
    expect(new Set(rows.map((r) => r.action))).toEqual(
      new Set([
        'portal-user.create',
        'portal-user.invite',
        'portal-user.resendInvite',
        'portal-user.disable',
        'portal-user.enable',
        'portal-user.setRoles',
        'portal-user.linkContact',
        'portal-user.unlinkContact',
        'portal-user.import',
      ]),
    );
  });
});
