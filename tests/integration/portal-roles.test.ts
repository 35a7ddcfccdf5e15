// Portal roles through the admin API (real HTTP, SQLite and Postgres): the starter roles of a new
// portal and of portals that existed before the migration, create / update / delete with grants
// checked against the schema and the current entity types (each type and field at fault named),
// CONFLICT on a stale revision, keys unique per portal, ids of another portal reading as not found,
// a change applying at the next request, and "Preview as" filtering one page differently for two
// roles, a user and a visitor, with the reason for each hidden block and page.
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, defaultTheme, roleGrantsSchema, type BlockNode, type PortalDocument, type RoleGrantsInput } from '../../core';
import * as m0001 from '../../server/db/migrations/0001-foundation';
import * as m0002 from '../../server/db/migrations/0002-assets';
import * as m0003 from '../../server/db/migrations/0003-entities';
import * as m0004 from '../../server/db/migrations/0004-portal-access';
import { principalForUser } from '../../server/services/portal-grants';
import { STARTER_ROLES } from '../../templates/starters/roles';
import { signIn, startTestServer, type Client, type TestServer } from '../helpers/server';

type Role = { id: string; key: string; name: string; description: string; grants: RoleGrantsInput; isDefault: boolean; revision: number; userCount: number };
type Issue = { field: string; message: string };

let srv: TestServer;
let owner: Client;
let portalA: string;
let portalB: string;

const roles = async (portal: string) => (await owner.query<Role[]>('roles.list', { id: portal })).data!;
const issuesOf = (r: { error?: { data: unknown } }) => ((r.error?.data as { issues?: Issue[] } | undefined)?.issues ?? []) as Issue[];

beforeAll(async () => {
  srv = await startTestServer();
  owner = await signIn(srv.url);
  portalA = (await owner.mutate<{ id: string }>('portals.create', { slug: 'roles-a', name: 'Roles A' })).data!.id;
  portalB = (await owner.mutate<{ id: string }>('portals.create', { slug: 'roles-b', name: 'Roles B' })).data!.id;
  // A type of the organisation's own, with an internal field, to grant over.
  const type = await owner.mutate('entityTypes.create', {
    definition: {
      key: 'invoice',
      label: { singular: 'Invoice', plural: 'Invoices' },
      titleField: 'number',
      accountLink: 'account',
      fields: [
        { key: 'number', label: 'Number', type: 'text', required: true },
        { key: 'amount', label: 'Amount', type: 'number' },
        { key: 'dunningNote', label: 'Dunning note', type: 'text', internal: true },
        { key: 'account', label: 'Account', type: 'relation', target: 'account' },
      ],
    },
  });
  expect(type.status, type.error?.message).toBe(200);
});
afterAll(() => srv.stop());

describe('starter roles', () => {
  it('a new portal has the five starters in order, Viewer as the default, with valid grants', async () => {
    const list = await roles(portalA);
    expect(list.map((r) => r.key)).toEqual(['customer-owner', 'accountant', 'operations-manager', 'viewer', 'installer']);
    expect(list.map((r) => r.name)).toEqual(['Customer Owner', 'Accountant', 'Operations Manager', 'Viewer', 'Installer / Partner']);
    expect(list.filter((r) => r.isDefault).map((r) => r.key)).toEqual(['viewer']);
    for (const r of list) {
      expect(roleGrantsSchema.safeParse(r.grants).success, r.key).toBe(true);
      expect(Object.keys(r.grants.entities ?? {}).sort(), r.key).toEqual(['account', 'contact']);
      expect(r.revision).toBe(1);
    }
    expect(list.find((r) => r.key === 'customer-owner')!.grants.actions).toContain('users.manage');
    expect(list.find((r) => r.key === 'accountant')!.grants.actions).toContain('invoices.pay');
  });

  it('portals created before the migration get the same starters (a static snapshot in 0004)', async () => {
    const sqlite = new Database(':memory:');
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    const all: Record<string, Migration> = { '0001-foundation': m0001, '0002-assets': m0002, '0003-entities': m0003, '0004-portal-access': m0004 };
    const migrator = (names: string[]) => new Migrator({ db, provider: { getMigrations: async () => Object.fromEntries(names.map((n) => [n, all[n]!])) } });
    expect((await migrator(['0001-foundation', '0002-assets', '0003-entities']).migrateToLatest()).error).toBeUndefined();
    sqlite.prepare(`insert into portals (id, slug, name, created_at, updated_at) values ('old', 'old', 'Old', '2025-01-01', '2025-01-01')`).run();
    expect((await migrator(Object.keys(all)).migrateToLatest()).error).toBeUndefined();
    const rows = sqlite.prepare(`select key, name, description, grants, is_default from portal_roles where portal_id = 'old' order by created_at, id`).all() as {
      key: string;
      name: string;
      description: string;
      grants: string;
      is_default: number;
    }[];
    // When 0004 was written the snapshot equalled the template; the template may evolve, the snapshot never.
    expect(rows.map((r) => ({ key: r.key, name: r.name, description: r.description, isDefault: r.is_default === 1, grants: JSON.parse(r.grants) }))).toEqual(
      STARTER_ROLES.map((s) => ({ key: s.key, name: s.name, description: s.description, isDefault: s.isDefault, grants: roleGrantsSchema.parse(s.grants) })),
    );
    await db.destroy();
  });
});

describe('role CRUD', () => {
  it('creates a role with grants over a custom type, lists it and reads it', async () => {
    const created = await owner.mutate<Role>('roles.create', {
      id: portalA,
      key: 'billing-clerk',
      name: 'Billing clerk',
      description: 'Reads invoices',
      grants: { entities: { invoice: { read: 'account', fields: { amount: 'read' } } }, actions: ['invoices.pay'] },
    });
    expect(created.status, created.error?.message).toBe(200);
    expect(created.data).toMatchObject({ key: 'billing-clerk', name: 'Billing clerk', isDefault: false, revision: 1, userCount: 0 });
    expect(created.data!.grants.entities!.invoice).toEqual({ create: false, read: 'account', edit: 'none', delete: 'none', fields: { amount: 'read' } });
    const got = await owner.query<Role>('roles.get', { id: portalA, roleId: created.data!.id });
    expect(got.data).toMatchObject({ key: 'billing-clerk', description: 'Reads invoices' });
    expect((await roles(portalA)).map((r) => r.key).at(-1)).toBe('billing-clerk');
  });

  it('refuses a key the portal has already (CONFLICT), but another portal may use it', async () => {
    const dup = await owner.mutate('roles.create', { id: portalA, key: 'viewer', name: 'Another viewer', grants: {} });
    expect(dup.error?.data.code).toBe('CONFLICT');
    expect(dup.error?.message).toContain('"viewer"');
    const other = await owner.mutate('roles.create', { id: portalB, key: 'billing-clerk', name: 'Billing clerk', grants: {} });
    expect(other.status).toBe(200);
  });

  it('names every type and field at fault, and writes nothing', async () => {
    const before = await roles(portalA);
    const bad = await owner.mutate('roles.create', {
      id: portalA,
      key: 'broken',
      name: 'Broken',
      grants: { entities: { contract: { read: 'all' }, invoice: { read: 'all', fields: { nope: 'read', dunningNote: 'read' } } } },
    });
    expect(bad.status).toBe(400);
    const issues = issuesOf(bad);
    expect(issues).toEqual(
      expect.arrayContaining([
        { field: 'grants.entities.contract', message: 'there is no entity type "contract"' },
        { field: 'grants.entities.invoice.fields.nope', message: 'the type "Invoice" has no field "nope"' },
        expect.objectContaining({ field: 'grants.entities.invoice.fields.dunningNote', message: expect.stringContaining('internal') }),
      ]),
    );
    expect(bad.error?.message).toContain('"contract"');
    expect(await roles(portalA)).toEqual(before);
  });

  it('refuses grants the core schema refuses: a bad level, an unknown action, an unknown key', async () => {
    const level = await owner.mutate('roles.create', { id: portalA, key: 'x1', name: 'X', grants: { entities: { account: { read: 'everything' } } } });
    expect(level.status).toBe(400);
    expect(issuesOf(level)[0]!.field).toBe('grants.entities.account.read');
    const action = await owner.mutate('roles.create', { id: portalA, key: 'x2', name: 'X', grants: { actions: ['rockets.launch'] } });
    expect(issuesOf(action)[0]!.field).toBe('grants.actions.0');
    const extra = await owner.mutate('roles.create', { id: portalA, key: 'x3', name: 'X', grants: { entities: {}, evil: true } });
    expect(extra.status).toBe(400);
    expect(extra.error?.message).toContain('evil');
    const key = await owner.mutate('roles.create', { id: portalA, key: 'Not A Slug', name: 'X', grants: {} });
    expect(key.status).toBe(400);
    expect(key.error?.message).toMatch(/key/);
  });

  it('updates with the revision it saw; a stale revision is CONFLICT and changes nothing', async () => {
    const viewer = (await roles(portalA)).find((r) => r.key === 'viewer')!;
    const grants = { ...viewer.grants, entities: { ...viewer.grants.entities, invoice: { read: 'account' } } };
    const first = await owner.mutate<Role>('roles.update', { id: portalA, roleId: viewer.id, baseRevision: viewer.revision, name: 'Viewer (all)', grants });
    expect(first.status, first.error?.message).toBe(200);
    expect(first.data).toMatchObject({ name: 'Viewer (all)', revision: viewer.revision + 1, key: 'viewer' });
    const stale = await owner.mutate('roles.update', { id: portalA, roleId: viewer.id, baseRevision: viewer.revision, name: 'Lost edit' });
    expect(stale.error?.data.code).toBe('CONFLICT');
    expect(stale.error?.message).toContain('revision');
    expect((await owner.query<Role>('roles.get', { id: portalA, roleId: viewer.id })).data!.name).toBe('Viewer (all)');
    // The key is not part of an update: pages and blocks name it.
    const rekey = await owner.mutate('roles.update', { id: portalA, roleId: viewer.id, baseRevision: viewer.revision + 1, key: 'renamed' });
    expect(rekey.status).toBe(400);
  });

  it('sets which roles are default', async () => {
    const acc = (await roles(portalA)).find((r) => r.key === 'accountant')!;
    const on = await owner.mutate<Role>('roles.setDefault', { id: portalA, roleId: acc.id, isDefault: true });
    expect(on.data).toMatchObject({ isDefault: true, revision: acc.revision + 1 });
    expect((await roles(portalA)).filter((r) => r.isDefault).map((r) => r.key)).toEqual(['accountant', 'viewer']);
    const off = await owner.mutate<Role>('roles.setDefault', { id: portalA, roleId: acc.id, isDefault: false });
    expect(off.data!.isDefault).toBe(false);
  });

  it('deletes a role, saying how many users held it; they lose it', async () => {
    const role = (await owner.mutate<Role>('roles.create', { id: portalA, key: 'temp', name: 'Temporary', grants: {} })).data!;
    const user = (await owner.mutate<{ id: string }>('portalUsers.create', { id: portalA, email: 'temp@example.com', name: 'Temp', roleIds: [role.id], invite: false })).data!;
    expect((await owner.query<Role>('roles.get', { id: portalA, roleId: role.id })).data!.userCount).toBe(1);
    const del = await owner.mutate<{ usersAffected: number }>('roles.delete', { id: portalA, roleId: role.id });
    expect(del.data).toEqual({ ok: true, usersAffected: 1 });
    expect((await owner.query('roles.get', { id: portalA, roleId: role.id })).error?.data.code).toBe('NOT_FOUND');
    expect((await owner.query<{ roles: unknown[] }>('portalUsers.get', { id: portalA, userId: user.id })).data!.roles).toEqual([]);
  });

  it('writes an audit entry for each change', async () => {
    const actions = (await srv.db.selectFrom('audit_log').select('action').where('portal_id', '=', portalA).where('action', 'like', 'portal-role.%').execute()).map((r) => r.action);
    expect(new Set(actions)).toEqual(new Set(['portal-role.create', 'portal-role.update', 'portal-role.setDefault', 'portal-role.delete']));
  });
});

describe('roles are scoped to their portal', () => {
  it('a role id of another portal reads as not found for every procedure, and nothing changes', async () => {
    const roleOfA = (await roles(portalA)).find((r) => r.key === 'accountant')!;
    const calls = [
      owner.query('roles.get', { id: portalB, roleId: roleOfA.id }),
      owner.mutate('roles.update', { id: portalB, roleId: roleOfA.id, baseRevision: roleOfA.revision, name: 'Hijacked' }),
      owner.mutate('roles.setDefault', { id: portalB, roleId: roleOfA.id, isDefault: true }),
      owner.mutate('roles.delete', { id: portalB, roleId: roleOfA.id }),
      owner.query('preview.page', { id: portalB, path: '/', as: { role: roleOfA.id } }),
    ];
    for (const r of await Promise.all(calls)) expect(r.error?.data.code).toBe('NOT_FOUND');
    expect((await owner.query<Role>('roles.get', { id: portalA, roleId: roleOfA.id })).data).toMatchObject({ name: 'Accountant', isDefault: false, revision: roleOfA.revision });
  });

  it('an unknown portal is not found', async () => {
    expect((await owner.query('roles.list', { id: 'nope' })).error?.data.code).toBe('NOT_FOUND');
  });
});

describe('a change to a role applies at the next request', () => {
  it('the grants a request computes follow the role as it is now, with nothing to invalidate', async () => {
    const ops = (await roles(portalA)).find((r) => r.key === 'operations-manager')!;
    const user = (await owner.mutate<{ id: string }>('portalUsers.create', { id: portalA, email: 'ops@example.com', name: 'Olga Ops', roleIds: [ops.id], invite: false })).data!;
    // What the runtime calls for every signed-in request (server/services/portal-grants.ts).
    const before = await principalForUser(srv.db, portalA, { id: user.id, contactId: null });
    expect(before.roles).toContain('operations-manager');
    expect(before.grants.entities.get('invoice')?.read ?? 'none').toBe('account'); // from the default Viewer, changed above
    expect(before.grants.actions.has('services.request')).toBe(true);
    expect(before.grants.actions.has('invoices.pay')).toBe(false);

    const next = { ...ops.grants, actions: [...(ops.grants.actions ?? []), 'invoices.pay'] };
    expect((await owner.mutate('roles.update', { id: portalA, roleId: ops.id, baseRevision: ops.revision, grants: next })).status).toBe(200);
    const after = await principalForUser(srv.db, portalA, { id: user.id, contactId: null });
    expect(after.grants.actions.has('invoices.pay')).toBe(true);
    // The viewer key (what filtered pages are cached by) changes with the revision.
    expect(after.viewer.key).not.toBe(before.viewer.key);

    // Taking the role away applies just as fast.
    expect((await owner.mutate('portalUsers.setRoles', { id: portalA, userId: user.id, roleIds: [] })).status).toBe(200);
    const without = await principalForUser(srv.db, portalA, { id: user.id, contactId: null });
    expect(without.roles).toEqual(['viewer']);
    expect(without.grants.actions.has('services.request')).toBe(false);
  });
});

describe('preview as', () => {
  const SECRET_OWNER = 'ONLY-FOR-OWNERS-31';
  const SECRET_ACC = 'ONLY-FOR-ACCOUNTANTS-77';
  const heading = (id: string, text: string, extra: Partial<BlockNode> = {}): BlockNode => ({ id, type: 'heading', props: { text }, ...extra });
  const doc = (): PortalDocument => ({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    pages: [
      {
        id: 'home',
        path: '/',
        title: { en: 'Home' },
        inNav: true,
        blocks: [
          heading('welcome', 'Welcome'),
          heading('owners', SECRET_OWNER, { visibility: { roles: ['customer-owner'] } }),
          heading('accountants', SECRET_ACC, { visibility: { roles: ['accountant'] } }),
          heading('members', 'Members area', { visibility: { audience: 'signed-in' } }),
        ],
      },
      { id: 'billing', path: '/billing', title: { en: 'Billing' }, inNav: true, visibility: { roles: ['accountant', 'customer-owner'] }, blocks: [heading('bh', 'Bills')] },
    ],
    navigation: ['home', 'billing'],
    theme: defaultTheme,
    texts: {},
  });
  type Preview = {
    payload: { status: number; page: { blocks: BlockNode[] }; nav: { title: string }[] };
    hiddenBlocks: { id: string; label: string; title: string | null; message: string }[];
    hiddenPages: { path: string; message: string }[];
    viewer: { kind: string; roles: { key: string }[] };
  };
  const ids = (p: Preview) => p.payload.page.blocks.map((b) => b.id);

  beforeAll(async () => {
    const draft = (await owner.query<{ revision: number }>('portals.getDraft', { id: portalB })).data!;
    expect((await owner.mutate('portals.saveDraft', { id: portalB, baseRevision: draft.revision, document: doc() })).status).toBe(200);
  });

  it('shows different blocks to two roles, each hidden block with the reason', async () => {
    const list = await roles(portalB);
    const owners = list.find((r) => r.key === 'customer-owner')!;
    const accountants = list.find((r) => r.key === 'accountant')!;
    const asOwner = (await owner.query<Preview>('preview.page', { id: portalB, path: '/', as: { role: owners.id } })).data!;
    const asAcc = (await owner.query<Preview>('preview.page', { id: portalB, path: '/', as: { role: accountants.id } })).data!;
    expect(ids(asOwner)).toEqual(['welcome', 'owners', 'members']);
    expect(ids(asAcc)).toEqual(['welcome', 'accountants', 'members']);
    expect(asOwner.hiddenBlocks).toEqual([{ id: 'accountants', type: 'heading', label: 'Heading', title: SECRET_ACC, reason: { kind: 'roles', roles: ['accountant'] }, message: 'needs the role Accountant' }]);
    expect(asAcc.hiddenBlocks.map((b) => b.message)).toEqual(['needs the role Customer Owner']);
    // The default role comes with every role: Viewer is in both.
    expect(asOwner.viewer.roles.map((r) => r.key).sort()).toEqual(['customer-owner', 'viewer']);
    // Visibility rules never reach the page payload, not even in a preview.
    expect(JSON.stringify(asOwner.payload)).not.toContain('visibility');
    expect(JSON.stringify(asOwner.payload)).not.toContain(SECRET_ACC);
  });

  it('a visitor sees only public blocks; the reasons say signed-in only and which roles', async () => {
    const asVisitor = (await owner.query<Preview>('preview.page', { id: portalB, path: '/', as: { visitor: true } })).data!;
    expect(ids(asVisitor)).toEqual(['welcome']);
    expect(Object.fromEntries(asVisitor.hiddenBlocks.map((b) => [b.id, b.message]))).toEqual({
      owners: 'needs the role Customer Owner',
      accountants: 'needs the role Accountant',
      members: 'signed-in only',
    });
    expect(asVisitor.hiddenPages).toEqual([expect.objectContaining({ path: '/billing', message: 'needs the role Accountant or Customer Owner' })]);
    expect(asVisitor.payload.nav.map((n) => n.title)).toEqual(['Home']);
    const billing = (await owner.query<Preview>('preview.page', { id: portalB, path: '/billing', as: { visitor: true } })).data!;
    expect(billing.payload.status).toBe(404);
  });

  it('previews as a user, with their own roles and the default roles', async () => {
    const acc = (await roles(portalB)).find((r) => r.key === 'accountant')!;
    const user = (await owner.mutate<{ id: string }>('portalUsers.create', { id: portalB, email: 'anna@example.com', name: 'Anna Accountant', roleIds: [acc.id], invite: false })).data!;
    const asUser = (await owner.query<Preview & { payload: { user: { firstName: string } } }>('preview.page', { id: portalB, path: '/billing', as: { user: user.id } })).data!;
    expect(asUser.payload.status).toBe(200);
    expect(asUser.viewer.kind).toBe('user');
    expect(asUser.payload.user.firstName).toBe('Anna');
    // A user of another portal is not found here.
    const other = (await owner.mutate<{ id: string }>('portalUsers.create', { id: portalA, email: 'anna@example.com', name: 'Anna in A', invite: false })).data!;
    expect((await owner.query('preview.page', { id: portalB, path: '/', as: { user: other.id } })).error?.data.code).toBe('NOT_FOUND');
  });

  it('previews the live version when asked, and says when there is none', async () => {
    const role = (await roles(portalB)).find((r) => r.key === 'viewer')!;
    const none = await owner.query('preview.page', { id: portalB, path: '/', as: { role: role.id }, source: 'published' });
    expect(none.error?.data.code).toBe('PRECONDITION_FAILED');
    expect((await owner.mutate('portals.publish', { id: portalB, note: 'preview test' })).status).toBe(200);
    const live = (await owner.query<Preview>('preview.page', { id: portalB, path: '/', as: { role: role.id }, source: 'published' })).data!;
    expect(ids(live)).toEqual(['welcome', 'members']);
  });

  it('refuses input that is not one of the three kinds of viewer', async () => {
    const r = await owner.query('preview.page', { id: portalB, path: '/', as: { role: 'x', user: 'y' } });
    expect(r.status).toBe(400);
  });
});
