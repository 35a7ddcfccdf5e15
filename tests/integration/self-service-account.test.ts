// The account and support self-service blocks over HTTP, as a browser uses them: a published portal
// with the cases, knowledge-base, team, payment-methods, account-settings and
// notification-preferences blocks, the demo's entity types, two companies and roles with and
// without the named actions. Every action goes through POST {base}/_api/trpc/runAction; the tests
// then read the database for what was (and was not) written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMED_ACTIONS, type ActionOutcome, type BlockNode, type ListResult, type PreferencesResult, type RecordData, type RecordResult, type TeamResult } from '../../core';
import { ENERGY_TYPES } from '../../templates/starters/energy-types';
import { createType } from '../../server/services/entity-types';
import { createRecord } from '../../server/services/records';
import type { Actor } from '../../server/services/record-store';
import { clearRoles, documentOf, emailsTo, heading, insertRole, insertUser, publishPortal, signedIn, type PortalClient } from '../helpers/portal-auth';
import { signIn, startTestServer, type TestServer } from '../helpers/server';

const SLUG = 'account';
const BASE = `/p/${SLUG}`;
const system: Actor = { kind: 'system', id: null };
const IBAN = 'DE89370400440532013000';
const EMAIL = { owner: 'olivia@sunny.example', accountant: 'adam@sunny.example', viewer: 'vera@sunny.example', lead: 'lena@sunny.example', dora: 'dora@sunny.example', other: 'otto@other.example' };

const block = (id: string, type: string, props: Record<string, unknown> = {}): BlockNode => ({ id, type, props });
const doc = documentOf([
  { id: 'p_home', path: '/', title: { en: 'Home' }, inNav: true, blocks: [heading('h_home', 'Welcome')] },
  { id: 'p_cases', path: '/cases', title: { en: 'Cases' }, inNav: true, blocks: [block('b_cases', 'cases')] },
  { id: 'p_case', path: '/cases/:id', title: { en: 'Case' }, inNav: false, blocks: [block('b_thread', 'cases', { mode: 'detail' })] },
  { id: 'p_help', path: '/help', title: { en: 'Help' }, inNav: true, blocks: [block('b_kb', 'knowledge-base')] },
  { id: 'p_article', path: '/help/:id', title: { en: 'Article' }, inNav: false, blocks: [block('b_article', 'knowledge-base', { mode: 'article' })] },
  { id: 'p_team', path: '/team', title: { en: 'Team' }, inNav: true, blocks: [heading('h_team', 'Team'), block('b_team', 'team')] },
  { id: 'p_pay', path: '/payment', title: { en: 'Payment' }, inNav: true, blocks: [block('b_pay', 'payment-methods')] },
  { id: 'p_company', path: '/company', title: { en: 'Company' }, inNav: true, blocks: [block('b_acct', 'account-settings')] },
  { id: 'p_settings', path: '/settings', title: { en: 'Settings' }, inNav: true, blocks: [block('b_prefs', 'notification-preferences')] },
]);

const READS = {
  account: { read: 'account' },
  contact: { read: 'account' },
  case: { read: 'account' },
  case_comment: { read: 'account' },
  article: { read: 'all' },
  payment_method: { read: 'account' },
} as const;

let srv: TestServer;
let portalId: string;
const c: Record<keyof typeof EMAIL, PortalClient> = {} as never;
const users: Record<string, string> = {};
const ids: Record<string, string> = {};
let keyNo = 0;
const key = () => `account-key-${String(++keyNo).padStart(8, '0')}`;

const create = async (type: string, data: Record<string, unknown>) => (await createRecord(srv.db, system, { type, data })).id;
const parse = (raw: unknown): RecordData => (typeof raw === 'string' ? (JSON.parse(raw) as RecordData) : (raw as RecordData));
const stored = async (id: string) => parse((await srv.db.selectFrom('records').select('data').where('id', '=', id).executeTakeFirstOrThrow()).data);
const recordsOf = async (type: string) => (await srv.db.selectFrom('records').select(['id', 'data']).where('type', '=', type).execute()).map((r) => ({ id: r.id, data: parse(r.data) }));
const summaries = async (target: string) =>
  (await srv.db.selectFrom('audit_log').select('details').where('target', '=', target).where('action', '=', 'portal.action').orderBy('id').execute()).map((a) => (JSON.parse(a.details) as { summary: string }).summary);

type Answer = { status: number; data?: ActionOutcome; error?: { message: string; data: { code: string; issues?: { path: string[]; message: string }[] } } };
const act = (client: PortalClient, path: string, blockId: string, action: string, input: unknown): Promise<Answer> =>
  client.call<ActionOutcome>('runAction', { path, blockId, action, input, idempotencyKey: key() }) as Promise<Answer>;
type Page = { data: Record<string, unknown>; can: Record<string, Record<string, boolean>> };
async function page(client: PortalClient, path: string): Promise<Page> {
  const r = await client.ask<Page>('page', { path });
  expect(r.status, r.error?.message).toBe(200);
  return r.data!;
}
const ok = (r: Answer) => {
  expect(r.status, r.error?.message).toBe(200);
  expect(r.data?.ok).toBe(true);
  return r.data as ActionOutcome & { ok: true };
};

beforeAll(async () => {
  srv = await startTestServer();
  const admin = await signIn(srv.url);
  for (const type of ENERGY_TYPES) await createType(srv.db, system, type);
  portalId = await publishPortal(admin, SLUG, 'Sunny Energy', doc);
  await clearRoles(srv.db, portalId);
  const role = (k: string, actions: readonly (typeof NAMED_ACTIONS)[number][], entities: Record<string, unknown> = READS) =>
    insertRole(srv.db, portalId, { key: k, name: k[0]!.toUpperCase() + k.slice(1), grants: { entities: entities as never, actions: [...actions] } });
  const roles = {
    owner: await role('owner', NAMED_ACTIONS),
    accountant: await role('accountant', ['billing.edit', 'cases.create', 'notifications.manage']),
    viewer: await role('viewer', []),
    lead: await role('lead', ['users.manage']),
    // Reads cases of every company: more than any customer role has.
    agent: await role('agent', [], { ...READS, case: { read: 'all' } }),
  };

  ids.accountA = await create('account', { name: 'Sunny Side GmbH', number: 'K-1001', email: 'office@sunny.example' });
  ids.accountB = await create('account', { name: 'Other Household', email: 'home@other.example' });
  const people: [keyof typeof EMAIL, string, string, string][] = [
    ['owner', 'Olivia Owner', ids.accountA, roles.owner],
    ['accountant', 'Adam Accountant', ids.accountA, roles.accountant],
    ['viewer', 'Vera Viewer', ids.accountA, roles.viewer],
    ['lead', 'Lena Lead', ids.accountA, roles.lead],
    ['dora', 'Dora Disabled', ids.accountA, roles.viewer],
    ['other', 'Otto Other', ids.accountB, roles.owner],
  ];
  for (const [who, name, account, roleId] of people) {
    ids[`contact_${who}`] = await create('contact', { name, email: EMAIL[who], accounts: [account] });
    users[who] = await insertUser(srv.db, portalId, { email: EMAIL[who], name, roleIds: [roleId] });
    await srv.db.updateTable('portal_users').set({ contact_id: ids[`contact_${who}`]! }).where('id', '=', users[who]!).execute();
  }

  ids.caseOther = await create('case', { subject: 'Other’s heating', number: 'CASE-OTHER', account: ids.accountB, contact: ids.contact_other });
  ids.articlePublished = await create('article', { title: 'Reading your meter', summary: 'Where the numbers are', body: 'Open the cabinet.\n\n<b>Then</b> read.', category: 'meter', published: true });
  ids.articleDraft = await create('article', { title: 'Draft: price rise', summary: 'Secret', body: 'Not yet', category: 'tariffs', published: false });
  ids.articleDefault = await create('article', { title: 'Unreviewed tariff notes', category: 'tariffs' });
  ids.pmVisa = await create('payment_method', { label: 'Visa', kind: 'card', masked: '•••• 4242', expires: '09/28', isDefault: true, account: ids.accountA });
  ids.pmOther = await create('payment_method', { label: 'Otto’s card', kind: 'card', masked: '•••• 1111', isDefault: true, account: ids.accountB });

  for (const who of Object.keys(EMAIL) as (keyof typeof EMAIL)[]) c[who] = await signedIn(srv.url, BASE, EMAIL[who]);
}, 60_000);

afterAll(async () => {
  await srv?.stop();
});

describe('cases', () => {
  it('opens a case: number, status, account and contact set by the server; audited and emailed', async () => {
    const r = ok(await act(c.owner, '/cases', 'b_cases', 'create', { subject: 'Meter reading looks wrong', category: 'billing', description: 'The bill says 4321, the meter 1234.' }));
    ids.case = r.recordId!;
    expect(r.redirect).toBe(`/cases/${ids.case}`);
    const data = await stored(ids.case);
    expect(data).toMatchObject({ subject: 'Meter reading looks wrong', category: 'billing', status: 'open', priority: 'normal', account: ids.accountA, contact: ids.contact_owner });
    expect(data.number).toMatch(/^CASE-\d{8}-[A-HJ-NP-Z2-9]{4}$/);
    expect(r.message).toContain(String(data.number));
    expect(await summaries(`case/${ids.case}`)).toEqual(['Case opened']);
    const mail = (await emailsTo(srv.db, EMAIL.owner)).filter((m) => m.template === 'action-confirmation').at(-1)!;
    expect(mail.text).toContain(String(data.number));
    expect(mail.link).toMatch(new RegExp(`^http://[^/]+${BASE}/cases/${ids.case}$`));
    const listed = (await page(c.accountant, '/cases')).data.b_cases as ListResult;
    expect(listed.items.map((i) => i.id)).toEqual([ids.case]);
  });

  it('refuses an account, contact or status sent by the browser, and creates nothing', async () => {
    const before = (await recordsOf('case')).length;
    for (const extra of [{ account: ids.accountB }, { contact: ids.contact_other }, { status: 'resolved' }]) {
      const r = await act(c.owner, '/cases', 'b_cases', 'create', { subject: 'Sneaky', description: 'x', ...extra });
      expect(r.status).toBe(400);
      expect(r.error?.message).toMatch(/Unrecognized key/);
    }
    expect((await recordsOf('case')).length).toBe(before);
  });

  it('refuses a role without cases.create', async () => {
    expect((await page(c.viewer, '/cases')).can.b_cases).toMatchObject({ create: false, comment: false });
    const r = await act(c.viewer, '/cases', 'b_cases', 'create', { subject: 'x', description: 'y' });
    expect(r.status).toBe(403);
  });

  it('adds a comment on the page’s case: author, links and audit from the server; listed oldest first', async () => {
    await create('case_comment', { body: 'We are looking into it.', authorName: 'Sam (Support)', fromCustomer: false, case: ids.case, account: ids.accountA });
    const r = ok(await act(c.owner, `/cases/${ids.case}`, 'b_thread', 'comment', { body: 'Here is a photo of the meter.' }));
    const comment = await stored(r.recordId!);
    expect(comment).toEqual({ body: 'Here is a photo of the meter.', authorName: 'Olivia Owner', fromCustomer: true, case: ids.case, account: ids.accountA, contact: ids.contact_owner });
    expect(await summaries(`case/${ids.case}`)).toEqual(['Case opened', 'Comment added']);
    const thread = (await page(c.owner, `/cases/${ids.case}`)).data.b_thread as ListResult;
    expect(thread.items.map((i) => i.data.authorName)).toEqual(['Sam (Support)', 'Olivia Owner']);
    const spoofed = await act(c.owner, `/cases/${ids.case}`, 'b_thread', 'comment', { body: 'x', fromCustomer: false });
    expect(spoofed.status).toBe(400);
  });

  it('treats another company’s case as not found, and writes nothing', async () => {
    const before = (await recordsOf('case_comment')).length;
    const r = await act(c.owner, `/cases/${ids.caseOther}`, 'b_thread', 'comment', { body: 'Hello?' });
    expect(r.status).toBe(404);
    expect(r.error?.data.code).toBe('NOT_FOUND');
    expect((await page(c.owner, `/cases/${ids.caseOther}`)).data.b_thread).toMatchObject({ items: [] });
    expect((await recordsOf('case_comment')).length).toBe(before);
    expect(await summaries(`case/${ids.caseOther}`)).toEqual([]);
  });
});

describe('knowledge base', () => {
  it('lists and searches published articles only, whatever the viewer filters by', async () => {
    const listed = (await page(c.viewer, '/help')).data.b_kb as ListResult;
    expect(listed.items.map((i) => i.id)).toEqual([ids.articlePublished]);
    const searched = await c.viewer.ask<ListResult>('blockData', { path: '/help', blockId: 'b_kb', query: { search: 'price' } });
    expect(searched.data?.items).toEqual([]);
    const byTopic = await c.viewer.ask<ListResult>('blockData', { path: '/help', blockId: 'b_kb', query: { filters: [{ field: 'category', op: 'eq', value: 'tariffs' }] } });
    expect(byTopic.data?.items).toEqual([]);
    const unpublishedAsked = await c.viewer.ask<ListResult>('blockData', { path: '/help', blockId: 'b_kb', query: { filters: [{ field: 'published', op: 'eq', value: false }] } });
    expect(unpublishedAsked.data?.items ?? []).toEqual([]);
  });

  it('shows a published article by its page; an unpublished one is not there', async () => {
    const shown = (await page(c.viewer, `/help/${ids.articlePublished}`)).data.b_article as ListResult;
    expect(shown.items[0]?.data).toMatchObject({ title: 'Reading your meter', body: 'Open the cabinet.\n\n<b>Then</b> read.' });
    for (const id of [ids.articleDraft, ids.articleDefault]) {
      expect(((await page(c.viewer, `/help/${id}`)).data.b_article as ListResult).items).toEqual([]);
      const html = (await c.viewer.page(`/help/${id}`)).html;
      expect(html).not.toContain('Draft: price rise');
      expect(html).not.toContain('Unreviewed tariff notes');
      expect(html).toContain('This article is not available');
    }
    const html = (await c.viewer.page(`/help/${ids.articlePublished}`)).html;
    expect(html).toContain('&lt;b&gt;Then&lt;/b&gt; read.');
  });
});

describe('team', () => {
  it('lists the company’s users and the roles within the viewer’s grants', async () => {
    const team = (await page(c.owner, '/team')).data.b_team as TeamResult;
    expect(team.members.map((m) => m.email).sort()).toEqual([EMAIL.accountant, EMAIL.dora, EMAIL.lead, EMAIL.owner, EMAIL.viewer].sort());
    expect(team.members.find((m) => m.self)?.email).toBe(EMAIL.owner);
    expect(team.roles.map((r) => r.key).sort()).toEqual(['accountant', 'lead', 'owner', 'viewer']);
    const leads = (await page(c.lead, '/team')).data.b_team as TeamResult;
    expect(leads.roles.map((r) => r.key).sort()).toEqual(['lead', 'viewer']);
  });

  it('invites a colleague: an invited user with a contact on the same company, the roles and the invitation email', async () => {
    ok(await act(c.owner, '/team', 'b_team', 'invite', { name: 'Nina New', email: 'Nina@Sunny.example', roles: ['viewer'] }));
    const user = await srv.db.selectFrom('portal_users').selectAll().where('portal_id', '=', portalId).where('email', '=', 'nina@sunny.example').executeTakeFirstOrThrow();
    expect(user.status).toBe('invited');
    expect(user.password_hash).toBeNull();
    expect(await stored(user.contact_id!)).toMatchObject({ name: 'Nina New', email: 'nina@sunny.example', accounts: [ids.accountA] });
    const roles = await srv.db.selectFrom('portal_user_roles as ur').innerJoin('portal_roles as r', 'r.id', 'ur.role_id').select('r.key').where('ur.user_id', '=', user.id).execute();
    expect(roles.map((r) => r.key)).toEqual(['viewer']);
    const mails = (await emailsTo(srv.db, 'nina@sunny.example')).filter((m) => m.template === 'invite');
    expect(mails).toHaveLength(1);
    expect(await summaries(`contact/${user.contact_id}`)).toEqual(['Nina New invited to the portal']);
    users.nina = user.id;
    const again = await act(c.owner, '/team', 'b_team', 'invite', { name: 'Nina Again', email: 'nina@sunny.example', roles: [] });
    expect(again.status).toBe(409);
    expect(again.error?.message).toMatch(/nina@sunny\.example has a user in this portal already/);
  });

  it('never gives a role beyond the giver’s own grants', async () => {
    const count = async () => (await srv.db.selectFrom('portal_users').select('id').where('portal_id', '=', portalId).execute()).length;
    const before = await count();
    const agent = await act(c.owner, '/team', 'b_team', 'invite', { name: 'Ann Agent', email: 'ann@sunny.example', roles: ['agent'] });
    expect(agent.status).toBe(403);
    expect(agent.error?.message).toMatch(/cannot give the role “Agent”: it allows more than your own roles do/);
    expect(agent.error?.data.issues?.[0]?.path).toEqual(['roles']);
    const lead = await act(c.lead, '/team', 'b_team', 'invite', { name: 'Ole Owner', email: 'ole@sunny.example', roles: ['owner'] });
    expect(lead.status).toBe(403);
    const promote = await act(c.lead, '/team', 'b_team', 'setRoles', { userId: users.viewer, roles: ['owner'] });
    expect(promote.status).toBe(403);
    const unknown = await act(c.owner, '/team', 'b_team', 'invite', { name: 'X', email: 'x@sunny.example', roles: ['root'] });
    expect(unknown.status).toBe(400);
    expect(await count()).toBe(before);
    // A colleague holding more than the lead is out of the lead's reach.
    expect((await act(c.lead, '/team', 'b_team', 'disable', { userId: users.owner })).status).toBe(403);
  });

  it('changes a colleague’s roles, keeping roles the giver could not give', async () => {
    ok(await act(c.owner, '/team', 'b_team', 'setRoles', { userId: users.accountant, roles: ['accountant', 'viewer'] }));
    const keys = async (userId: string) =>
      (await srv.db.selectFrom('portal_user_roles as ur').innerJoin('portal_roles as r', 'r.id', 'ur.role_id').select('r.key').where('ur.user_id', '=', userId).execute()).map((r) => r.key).sort();
    expect(await keys(users.accountant!)).toEqual(['accountant', 'viewer']);
    // The lead may hand out "viewer" and "lead" only: the accountant role stays.
    ok(await act(c.lead, '/team', 'b_team', 'setRoles', { userId: users.accountant, roles: [] }));
    expect(await keys(users.accountant!)).toEqual(['accountant']);
    expect(await summaries(`contact/${ids.contact_accountant}`)).toEqual(['Roles of Adam Accountant changed', 'Roles of Adam Accountant changed']);
  });

  it('refuses to touch oneself or someone of another company', async () => {
    const self = await act(c.owner, '/team', 'b_team', 'disable', { userId: users.owner });
    expect(self.status).toBe(403);
    expect(self.error?.message).toBe('You cannot disable your own access.');
    expect((await act(c.owner, '/team', 'b_team', 'setRoles', { userId: users.owner, roles: [] })).error?.message).toBe('You cannot change your own roles.');
    for (const action of ['disable', 'enable']) {
      const r = await act(c.owner, '/team', 'b_team', action, { userId: users.other });
      expect(r.status).toBe(404);
    }
    expect((await act(c.owner, '/team', 'b_team', 'setRoles', { userId: users.other, roles: ['viewer'] })).status).toBe(404);
    expect((await srv.db.selectFrom('portal_users').select('status').where('id', '=', users.other!).executeTakeFirstOrThrow()).status).toBe('active');
  });

  it('disables a colleague (signed out at once) and enables them again', async () => {
    expect((await c.dora.ask('auth.me')).status).toBe(200);
    ok(await act(c.owner, '/team', 'b_team', 'disable', { userId: users.dora }));
    expect((await c.dora.ask('auth.me')).status).toBe(401);
    expect((await srv.db.selectFrom('portal_sessions').select('id_hash').where('user_id', '=', users.dora!).execute()).length).toBe(0);
    ok(await act(c.owner, '/team', 'b_team', 'enable', { userId: users.dora }));
    expect((await srv.db.selectFrom('portal_users').select('status').where('id', '=', users.dora!).executeTakeFirstOrThrow()).status).toBe('active');
    expect(await summaries(`contact/${ids.contact_dora}`)).toEqual(['Access disabled for Dora Disabled', 'Access enabled for Dora Disabled']);
  });

  it('hides the block from a user without users.manage: no data, and the action is not found', async () => {
    const p = await page(c.viewer, '/team');
    expect(p.data.b_team).toBeUndefined();
    const r = await act(c.viewer, '/team', 'b_team', 'invite', { name: 'Eve', email: 'eve@sunny.example', roles: [] });
    expect(r.status).toBe(404);
    expect(await srv.db.selectFrom('portal_users').select('id').where('email', '=', 'eve@sunny.example').executeTakeFirst()).toBeUndefined();
  });
});

describe('payment methods', () => {
  const methodsOfA = async () => (await recordsOf('payment_method')).filter((m) => m.data.account === ids.accountA);

  it('refuses a bad IBAN with a field error', async () => {
    const r = await act(c.owner, '/payment', 'b_pay', 'add', { holder: 'Olivia Owner', iban: 'DE89 3704 0044 0532 0130 01', mandate: true });
    expect(r.status).toBe(400);
    expect(r.error?.data.issues).toEqual([{ path: ['iban'], message: expect.stringMatching(/check digits/) }]);
    const noMandate = await act(c.owner, '/payment', 'b_pay', 'add', { holder: 'Olivia Owner', iban: IBAN, mandate: false });
    expect(noMandate.error?.data.issues?.[0]?.path).toEqual(['mandate']);
    expect(await methodsOfA()).toHaveLength(1);
  });

  it('adds a SEPA direct debit storing only the masked IBAN', async () => {
    const r = ok(await act(c.owner, '/payment', 'b_pay', 'add', { holder: 'Sunny Side GmbH', iban: 'de89 3704 0044 0532 0130 00', label: 'Business account', mandate: true }));
    ids.pmSepa = r.recordId!;
    expect(await stored(ids.pmSepa)).toEqual({ label: 'Business account', kind: 'sepa', holder: 'Sunny Side GmbH', masked: 'DE89 •••• •••• 3000', isDefault: false, account: ids.accountA });
    const everywhere = JSON.stringify([
      await srv.db.selectFrom('records').selectAll().execute(),
      await srv.db.selectFrom('audit_log').selectAll().execute(),
      await srv.db.selectFrom('action_runs').select(['outcome']).execute(),
      await srv.db.selectFrom('outbox').select(['payload']).execute(),
    ]);
    expect(everywhere).not.toContain(IBAN);
    expect(everywhere).not.toContain('370400440532013000');
    expect(await summaries(`payment_method/${ids.pmSepa}`)).toEqual(['Bank account added for SEPA direct debit']);
  });

  it('keeps exactly one default per account', async () => {
    ok(await act(c.owner, '/payment', 'b_pay', 'setDefault', { id: ids.pmSepa }));
    expect((await methodsOfA()).filter((m) => m.data.isDefault === true).map((m) => m.id)).toEqual([ids.pmSepa]);
    ok(await act(c.owner, '/payment', 'b_pay', 'remove', { id: ids.pmSepa }));
    const left = await methodsOfA();
    expect(left.map((m) => m.id)).toEqual([ids.pmVisa]);
    expect(left[0]!.data.isDefault).toBe(true);
    expect((await stored(ids.pmOther!)).isDefault).toBe(true);
  });

  it('treats another company’s method as not found; refuses a role without paymentMethods.manage', async () => {
    for (const action of ['setDefault', 'remove']) expect((await act(c.owner, '/payment', 'b_pay', action, { id: ids.pmOther })).status).toBe(404);
    expect(await stored(ids.pmOther!)).toMatchObject({ isDefault: true, account: ids.accountB });
    expect((await page(c.viewer, '/payment')).can.b_pay).toEqual({ add: false, remove: false, setDefault: false });
    expect((await act(c.viewer, '/payment', 'b_pay', 'add', { holder: 'V', iban: IBAN, mandate: true })).status).toBe(403);
    const mine = (await page(c.owner, '/payment')).data.b_pay as ListResult;
    expect(mine.items.map((i) => i.id)).toEqual([ids.pmVisa]);
  });
});

describe('account settings', () => {
  it('lets the accountant change the billing address but not the email', async () => {
    const p = await page(c.accountant, '/company');
    expect(p.can.b_acct).toEqual({ saveContact: false, saveBilling: true });
    expect((p.data.b_acct as RecordResult).record?.data.name).toBe('Sunny Side GmbH');
    ok(await act(c.accountant, '/company', 'b_acct', 'saveBilling', { billingAddress: { street: 'Sonnenallee 1', postalCode: '12045', city: 'Berlin', country: 'de' } }));
    expect((await stored(ids.accountA!)).billingAddress).toEqual({ street: 'Sonnenallee 1', postalCode: '12045', city: 'Berlin', country: 'DE' });
    const email = await act(c.accountant, '/company', 'b_acct', 'saveContact', { email: 'mine@evil.example' });
    expect(email.status).toBe(403);
    expect((await stored(ids.accountA!)).email).toBe('office@sunny.example');
    expect(await summaries(`account/${ids.accountA}`)).toEqual(['Billing address changed']);
  });

  it('lets the owner change email and phone, checked by the record layer, on their own company only', async () => {
    const bad = await act(c.owner, '/company', 'b_acct', 'saveContact', { email: 'not-an-email' });
    expect(bad.status).toBe(400);
    expect(bad.error?.data.issues?.[0]?.path).toEqual(['email']);
    ok(await act(c.owner, '/company', 'b_acct', 'saveContact', { email: 'billing@sunny.example', phone: '+49 30 1234567' }));
    expect(await stored(ids.accountA!)).toMatchObject({ email: 'billing@sunny.example', phone: '+49 30 1234567', billingAddress: { city: 'Berlin' } });
    expect((await stored(ids.accountB!)).email).toBe('home@other.example');
    expect((await act(c.owner, '/company', 'b_acct', 'saveContact', { email: 'x@y.example', id: ids.accountB })).status).toBe(400);
  });
});

describe('notification preferences', () => {
  it('saves the signed-in user’s preferences and reads them back', async () => {
    const before = (await page(c.owner, '/settings')).data.b_prefs as PreferencesResult;
    expect(Object.values(before.values).every(Boolean)).toBe(true);
    ok(await act(c.owner, '/settings', 'b_prefs', 'save', { values: { news: false, offers: false } }));
    const after = (await page(c.owner, '/settings')).data.b_prefs as PreferencesResult;
    expect(after.values).toEqual({ invoices: true, offers: false, cases: true, services: true, news: false });
    const others = await srv.db.selectFrom('portal_users').select(['id', 'preferences']).where('portal_id', '=', portalId).where('id', '!=', users.owner!).execute();
    expect(others.every((u) => u.preferences === '{}')).toBe(true);
    expect(await summaries(`contact/${ids.contact_owner}`)).toEqual(['Notification preferences changed']);
  });

  it('refuses unknown topics and users without notifications.manage', async () => {
    const unknown = await act(c.owner, '/settings', 'b_prefs', 'save', { values: { news: true, telemarketing: true } });
    expect(unknown.status).toBe(400);
    expect(unknown.error?.message).toMatch(/telemarketing/);
    expect((await act(c.owner, '/settings', 'b_prefs', 'save', { values: {}, userId: users.viewer })).status).toBe(400);
    expect((await page(c.viewer, '/settings')).can.b_prefs).toEqual({ save: false });
    expect((await act(c.viewer, '/settings', 'b_prefs', 'save', { values: { news: false } })).status).toBe(403);
    expect(((await page(c.owner, '/settings')).data.b_prefs as PreferencesResult).values.news).toBe(false);
  });
});
