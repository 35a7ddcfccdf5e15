// What each signed-in portal user receives, over real HTTP: a Viewer and a Customer Owner see
// different blocks on the same page. Blocks hidden by audience, roles or their own `requires`, their
// props, and hidden pages are absent from the HTML, the hydration JSON and `portal.page`; a change of
// a role's grants or of a user's roles applies at the next request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlockDefinition } from '../../blocks';
import { registry } from '../../blocks/registry';
import type { PagePayload } from '../../core';
import { signIn, startTestServer, type TestServer } from '../helpers/server';
import { clearRoles, documentOf, heading, insertRole, insertUser, payloadOf, PortalClient, publishPortal, setRoleGrants, signedIn } from '../helpers/portal-auth';

// The library's blocks declare no `requires` yet (data blocks will). In this test process, callouts
// need the `invoices.pay` action, so the third kind of rule is exercised through the real filter.
(registry.alert as unknown as BlockDefinition).requires = () => [{ action: 'invoices.pay' }];

const S = {
  members: 'SECRET-MEMBERS-1a2b',
  owner: 'SECRET-OWNER-3c4d',
  ownerNested: 'SECRET-OWNER-NESTED-5e6f',
  viewer: 'ONLY-FOR-VIEWERS-7a8b',
  pay: 'SECRET-PAY-CALLOUT-9c0d',
  billingPage: 'SECRET-BILLING-PAGE-1f2e',
  billingBody: 'SECRET-BILLING-BODY-3a4b',
};

const doc = documentOf([
  {
    id: 'home',
    path: '/',
    title: { en: 'Home' },
    inNav: true,
    blocks: [
      heading('h-public', 'Welcome to Acme'),
      heading('h-members', S.members, { visibility: { audience: 'signed-in' } }),
      heading('h-owner', S.owner, { visibility: { roles: ['customer-owner'] } }),
      heading('h-viewer', S.viewer, { visibility: { roles: ['viewer'] } }),
      { id: 'pay-callout', type: 'alert', props: { tone: 'info', title: S.pay, text: 'Pay your invoices online.', showIcon: true } },
      { id: 'owner-section', type: 'section', props: {}, visibility: { roles: ['customer-owner'] }, slots: { body: [heading('h-owner-nested', S.ownerNested)] } },
    ],
  },
  { id: 'billing', path: '/billing', title: { en: S.billingPage }, inNav: true, visibility: { roles: ['customer-owner'] }, blocks: [heading('b1', S.billingBody)] },
  { id: 'help', path: '/help', title: { en: 'Help' }, inNav: true, blocks: [heading('h2', 'Help page')] },
]);

let srv: TestServer;
let portalId: string;
let viewerRole: string;
let ownerRole: string;
let viewerUser: string;
const BASE = '/p/acme';

beforeAll(async () => {
  srv = await startTestServer();
  const owner = await signIn(srv.url);
  portalId = await publishPortal(owner, 'acme', 'Acme Energy', doc);
  // The starter roles are replaced by the test's own, so every grant here is the test's.
  await clearRoles(srv.db, portalId);
  viewerRole = await insertRole(srv.db, portalId, { key: 'viewer', name: 'Viewer', grants: { entities: { invoice: { read: 'account' } } } });
  ownerRole = await insertRole(srv.db, portalId, {
    key: 'customer-owner',
    name: 'Customer Owner',
    grants: { entities: { invoice: { read: 'account', edit: 'account' } }, actions: ['invoices.pay', 'offers.accept', 'users.manage'] },
  });
  // A default role reaches every user; it grants nothing that changes this page.
  await insertRole(srv.db, portalId, { key: 'everyone', isDefault: true, grants: { actions: ['cases.create'] } });
  viewerUser = await insertUser(srv.db, portalId, { email: 'viewer@acme.test', name: 'Vera Viewer', roleIds: [viewerRole] });
  await insertUser(srv.db, portalId, { email: 'owner@acme.test', name: 'Otto Owner', roleIds: [ownerRole] });
});
afterAll(() => srv.stop());

/** Everything a browser receives for a path: the HTML (with its hydration JSON) and `portal.page`. */
async function receive(c: PortalClient, path: string): Promise<{ status: number; html: string; payload: PagePayload | null; api: string; apiStatus: number }> {
  const page = await c.page(path);
  const res = await c.fetch(`${BASE}/_api/trpc/page?input=${encodeURIComponent(JSON.stringify({ path }))}`);
  const html = page.html;
  return { status: page.status, html, payload: page.status === 200 ? payloadOf(html) : null, api: await res.text(), apiStatus: res.status };
}

const ids = (p: PagePayload | null) => {
  const out: string[] = [];
  const walk = (nodes: PagePayload['page']['blocks']) => {
    for (const n of nodes) {
      out.push(n.id);
      for (const kids of Object.values(n.slots ?? {})) walk(kids);
    }
  };
  walk(p?.page.blocks ?? []);
  return out;
};

function expectAbsent(r: { html: string; api: string }, secrets: string[]) {
  for (const s of secrets) {
    expect(r.html, `${s} in the HTML`).not.toContain(s);
    expect(r.api, `${s} in portal.page`).not.toContain(s);
  }
}

describe('a Viewer and a Customer Owner on the same page', () => {
  it('anonymous visitors see only public blocks and pages', async () => {
    const r = await receive(new PortalClient(srv.url, BASE), '/');
    expectAbsent(r, Object.values(S));
    expect(ids(r.payload)).toEqual(['h-public']);
    expect(r.payload!.nav.map((n) => n.title)).toEqual(['Home', 'Help']);
  });

  it('a Viewer sees the blocks for viewers and signed-in users, not the owner\'s, not what needs invoices.pay', async () => {
    const c = await signedIn(srv.url, BASE, 'viewer@acme.test');
    const r = await receive(c, '/');
    expect(r.status).toBe(200);
    expect(ids(r.payload)).toEqual(['h-public', 'h-members', 'h-viewer']);
    expect(r.html).toContain(S.members);
    expect(r.html).toContain(S.viewer);
    expect(r.api).toContain(S.viewer);
    expectAbsent(r, [S.owner, S.ownerNested, S.pay, S.billingPage, S.billingBody, 'customer-owner', 'owner-section', 'pay-callout']);
    // Visibility rules never reach the browser.
    expect(r.html).not.toContain('"visibility"');
    expect(r.payload!.nav.map((n) => n.title)).toEqual(['Home', 'Help']);
    // The owner's page is not there for a Viewer: 404, in HTML and JSON, with nothing of it.
    const billing = await receive(c, '/billing');
    expect(billing.status).toBe(404);
    expect(billing.apiStatus).toBe(404);
    expectAbsent(billing, [S.billingPage, S.billingBody]);
  });

  it('a Customer Owner sees the owner\'s blocks, the nested ones, the callout and the billing page, not the viewer\'s', async () => {
    const c = await signedIn(srv.url, BASE, 'owner@acme.test');
    const r = await receive(c, '/');
    expect(ids(r.payload)).toEqual(['h-public', 'h-members', 'h-owner', 'pay-callout', 'owner-section', 'h-owner-nested']);
    for (const s of [S.members, S.owner, S.ownerNested, S.pay]) {
      expect(r.html).toContain(s);
      expect(r.api).toContain(s);
    }
    expectAbsent(r, [S.viewer]);
    expect(r.payload!.nav.map((n) => n.title)).toEqual(['Home', S.billingPage, 'Help']);
    const billing = await receive(c, '/billing');
    expect(billing.status).toBe(200);
    expect(billing.html).toContain(S.billingBody);
  });

  it('applies a change of a role\'s grants at the next request', async () => {
    const c = await signedIn(srv.url, BASE, 'viewer@acme.test');
    expectAbsent(await receive(c, '/'), [S.pay]);
    await setRoleGrants(srv.db, viewerRole, { entities: { invoice: { read: 'account' } }, actions: ['invoices.pay'] });
    try {
      const r = await receive(c, '/');
      expect(ids(r.payload)).toContain('pay-callout');
      expect(r.api).toContain(S.pay);
    } finally {
      await setRoleGrants(srv.db, viewerRole, { entities: { invoice: { read: 'account' } } });
    }
    expectAbsent(await receive(c, '/'), [S.pay]);
  });

  it('applies a change of a user\'s roles at the next request, and a deleted role at once', async () => {
    const c = await signedIn(srv.url, BASE, 'viewer@acme.test');
    await srv.db.insertInto('portal_user_roles').values({ user_id: viewerUser, role_id: ownerRole }).execute();
    let r = await receive(c, '/');
    expect(r.html).toContain(S.owner);
    expect(r.html).toContain(S.viewer);
    expect((await c.page('/billing')).status).toBe(200);
    await srv.db.deleteFrom('portal_user_roles').where('user_id', '=', viewerUser).where('role_id', '=', ownerRole).execute();
    r = await receive(c, '/');
    expectAbsent(r, [S.owner, S.ownerNested, S.pay]);
    expect((await c.page('/billing')).status).toBe(404);
    // A role that is no longer there grants nothing.
    const temp = await insertRole(srv.db, portalId, { key: 'customer-owner-2', grants: { actions: ['invoices.pay'] } });
    await srv.db.insertInto('portal_user_roles').values({ user_id: viewerUser, role_id: temp }).execute();
    expect((await receive(c, '/')).html).toContain(S.pay);
    await srv.db.deleteFrom('portal_roles').where('id', '=', temp).execute();
    expectAbsent(await receive(c, '/'), [S.pay]);
  });

  it('makes the default roles part of every user\'s grants, and the role keys part of `me`', async () => {
    const c = await signedIn(srv.url, BASE, 'viewer@acme.test');
    const me = await c.ask<{ roles: string[] }>('auth.me');
    expect(me.data!.roles.sort()).toEqual(['everyone', 'viewer']);
  });

  it('sends an anonymous visitor of the owner\'s page to sign in, with nothing of the page', async () => {
    const anon = new PortalClient(srv.url, BASE);
    const res = await anon.fetch(`${BASE}/billing`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${BASE}/login?next=%2Fbilling`);
    expect(await res.text()).not.toContain(S.billingBody);
  });

  it('does not let another portal\'s roles or users reach this one', async () => {
    const owner = await signIn(srv.url);
    const otherId = await publishPortal(owner, 'other', 'Other', doc);
    await clearRoles(srv.db, otherId);
    const foreignRole = await insertRole(srv.db, otherId, { key: 'customer-owner', grants: { actions: ['invoices.pay'] } });
    // A user of this portal holding a role row of another portal (which the roles service never
    // allows) still gets nothing from it: grants are read within the portal.
    await srv.db.insertInto('portal_user_roles').values({ user_id: viewerUser, role_id: foreignRole }).execute();
    const c = await signedIn(srv.url, BASE, 'viewer@acme.test');
    expectAbsent(await receive(c, '/'), [S.owner, S.pay]);
    await srv.db.deleteFrom('portal_user_roles').where('role_id', '=', foreignRole).execute();
  });
});
