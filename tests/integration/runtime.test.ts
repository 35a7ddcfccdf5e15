// Published portals over HTTP: resolution (domain, /p/:slug, /portal), pages and 404s, the
// visibility filter (hidden blocks appear neither in HTML, nor in the hydration data, nor in
// portal.page), publish and rollback taking effect at the next request, and safe output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, defaultTheme, type BlockNode, type PagePayload, type PortalDocument } from '../../core';
import { Client, getWithHost, signIn, startTestServer, type TestServer } from '../helpers/server';

const SECRET_AUDIENCE = 'SECRET-FOR-SIGNED-IN-7f3a';
const SECRET_ROLE = 'SECRET-FOR-OWNERS-91bc';
const SECRET_NESTED = 'SECRET-NESTED-22de';
const SECRET_PAGE = 'SECRET-PAGE-TITLE-5e1f';

const heading = (id: string, text: string, extra: Partial<BlockNode> = {}): BlockNode => ({ id, type: 'heading', props: { text }, ...extra });

function documentWith(homeText: string): PortalDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    pages: [
      {
        id: 'home',
        path: '/',
        title: { en: 'Home' },
        inNav: true,
        blocks: [
          heading('h1', homeText, { props: { text: homeText, level: 'h1' } }),
          heading('hidden-audience', SECRET_AUDIENCE, { visibility: { audience: 'signed-in' } }),
          heading('hidden-role', SECRET_ROLE, { visibility: { roles: ['customer-owner'] } }),
          {
            id: 'hidden-section',
            type: 'section',
            props: {},
            visibility: { audience: 'signed-in' },
            slots: { body: [heading('nested', SECRET_NESTED)] },
          },
          { id: 'tabs1', type: 'tabs', props: { tabs: [{ id: 'one', label: 'One' }, { id: 'two', label: 'Two' }] }, slots: { one: [heading('t1', 'Tab one body')], two: [heading('t2', 'Tab two body')] } },
          { id: 'rt', type: 'rich-text', props: { html: '<p>Hello <strong>there</strong><script>alert(1)</script><img src=x onerror=alert(2)></p>' } },
          heading('tricky', '</script><script>alert("xss")</script>'),
        ],
      },
      { id: 'contract', path: '/contracts/:id', title: { en: 'Contract' }, inNav: false, blocks: [heading('ch', 'A contract')] },
      { id: 'private', path: '/private', title: { en: SECRET_PAGE }, inNav: true, visibility: { audience: 'signed-in' }, blocks: [heading('ph', 'private')] },
      { id: 'help', path: '/help', title: { en: 'Help' }, inNav: true, blocks: [heading('hh', 'Help page')] },
    ],
    navigation: ['home', 'private', 'help'],
    theme: { ...defaultTheme, colors: { ...defaultTheme.colors, primary: '#aa3300' } },
    texts: {},
  };
}

let srv: TestServer;
let owner: Client;
let id: string;
let visitor: Client;

async function publishDocument(doc: PortalDocument, note: string) {
  const draft = (await owner.query<{ revision: number }>('portals.getDraft', { id })).data!;
  const saved = await owner.mutate('portals.saveDraft', { id, baseRevision: draft.revision, document: doc });
  expect(saved.status, saved.error?.message).toBe(200);
  expect((await owner.mutate('portals.publish', { id, note })).status).toBe(200);
}

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await visitor.fetch(path, { headers });
  return { res, html: await res.text() };
};
const payloadOf = (html: string) => JSON.parse(/<script type="application\/json" id="portico-data">(.*?)<\/script>/s.exec(html)![1]!) as PagePayload;

beforeAll(async () => {
  srv = await startTestServer();
  owner = await signIn(srv.url);
  visitor = new Client(srv.url);
  id = (await owner.mutate<{ id: string }>('portals.create', { slug: 'acme', name: 'Acme Energy' })).data!.id;
  await publishDocument(documentWith('Version one'), 'v1');
});
afterAll(() => srv.stop());

describe('serving a published portal', () => {
  it('renders the home page at /p/:slug/ with head, landmarks and the theme', async () => {
    const { res, html } = await get('/p/acme/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<title>Home · Acme Energy</title>');
    expect(html).toMatch(/<link rel="icon" href="data:image\/svg\+xml,/);
    expect(html).toContain('--pt-primary:#aa3300');
    expect(html).toMatch(/<script type="module" src="\/_assets\/assets\/runtime-[\w-]+\.js"><\/script>/);
    expect(html).toMatch(/<link rel="stylesheet" href="\/_assets\/assets\/runtime-[\w-]+\.css">/);
    expect(html).toContain('<header class="pt-header">');
    expect(html).toContain('<nav class="pt-nav" aria-label="Main">');
    expect(html).toContain('<main id="main"');
    expect(html).toContain('<h1 class="pb-heading__text">Version one</h1>');
    expect(html).toContain('Tab one body');
  });

  it('redirects /p/:slug to /p/:slug/', async () => {
    const { res } = await get('/p/acme');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/p/acme/');
  });

  it('serves the default portal at /portal and on its custom domain at /', async () => {
    expect((await get('/portal/help')).html).toContain('Help page');
    await owner.mutate('portals.update', { id, domains: ['portal.acme.example'] });
    const onDomain = await getWithHost(srv.url, '/help', 'portal.acme.example');
    expect(onDomain.status).toBe(200);
    expect(onDomain.body).toContain('Help page');
    // Links on the custom domain have no /p/ prefix.
    expect(payloadOf(onDomain.body).nav.map((n) => n.href)).toEqual(['/', '/help']);
    // Portico's own paths stay Portico's, whatever the host.
    expect((await getWithHost(srv.url, '/healthz', 'portal.acme.example')).body).toBe('{"ok":true}');
    expect((await getWithHost(srv.url, '/help', 'other.example')).status).toBe(404);
  });

  it('matches pages with parameters', async () => {
    const { res, html } = await get('/p/acme/contracts/C-1042');
    expect(res.status).toBe(200);
    expect(payloadOf(html).page.params).toEqual({ id: 'C-1042' });
  });

  it('answers an unknown path with the portal\'s own 404 page', async () => {
    const { res, html } = await get('/p/acme/nope');
    expect(res.status).toBe(404);
    expect(html).toContain('Page not found');
    expect(html).toContain('pt-nav');
  });

  it('answers an unknown portal with a 404 page', async () => {
    const { res, html } = await get('/p/nobody/');
    expect(res.status).toBe(404);
    expect(html).toContain('Portal not found');
  });

  it('answers an inactive portal with a 404 page, at once', async () => {
    await owner.mutate('portals.activate', { id, active: false });
    const { res, html } = await get('/p/acme/');
    expect(res.status).toBe(404);
    expect(html).toContain('not available');
    await owner.mutate('portals.activate', { id, active: true });
    expect((await get('/p/acme/')).res.status).toBe(200);
  });

  it('answers a portal that was never published with a 404 page', async () => {
    await owner.mutate('portals.create', { slug: 'fresh', name: 'Fresh' });
    const { res, html } = await get('/p/fresh/');
    expect(res.status).toBe(404);
    expect(html).toContain('not been published');
  });

  it('refuses other methods on pages', async () => {
    const res = await visitor.fetch('/p/acme/', { method: 'POST', headers: { 'content-type': 'application/json', origin: visitor.origin }, body: '{}' });
    expect(res.status).toBe(405);
  });
});

describe('the visibility filter', () => {
  const secrets = [SECRET_AUDIENCE, SECRET_ROLE, SECRET_NESTED, SECRET_PAGE, 'hidden-audience', 'hidden-role', 'hidden-section', 'customer-owner'];

  it('keeps hidden blocks, their props and hidden pages out of the HTML and the hydration data', async () => {
    const { html } = await get('/p/acme/');
    for (const s of secrets) expect(html, s).not.toContain(s);
    const payload = payloadOf(html);
    expect(JSON.stringify(payload)).not.toContain('visibility');
    expect(payload.nav.map((n) => n.title)).toEqual(['Home', 'Help']);
  });

  it('keeps them out of portal.page too', async () => {
    const res = await visitor.fetch(`/p/acme/_api/trpc/page?input=${encodeURIComponent(JSON.stringify({ path: '/' }))}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const s of secrets) expect(text, s).not.toContain(s);
    expect((JSON.parse(text) as { result: { data: PagePayload } }).result.data.page.blocks.map((b) => b.id)).toEqual(['h1', 'tabs1', 'rt', 'tricky']);
  });

  it('does not serve a signed-in page to an anonymous visitor, in HTML or JSON: it sends them to sign in', async () => {
    const { res, html } = await get('/p/acme/private');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/p/acme/login?next=%2Fprivate');
    expect(html).not.toContain(SECRET_PAGE);
    const api = await visitor.fetch(`/p/acme/_api/trpc/page?input=${encodeURIComponent(JSON.stringify({ path: '/private' }))}`);
    expect(api.status).toBe(401);
    expect(await api.text()).not.toContain(SECRET_PAGE);
  });
});

describe('safe output', () => {
  it('sanitizes rich text', async () => {
    const { html } = await get('/p/acme/');
    expect(html).toContain('Hello <strong>there</strong>');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('onerror');
  });

  it('cannot be broken out of by text that looks like markup, in HTML or in the embedded JSON', async () => {
    const { html } = await get('/p/acme/');
    expect(html).not.toContain('<script>alert("xss")</script>');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;');
    expect(payloadOf(html).page.blocks.find((b) => b.id === 'tricky')!.props.text).toBe('</script><script>alert("xss")</script>');
  });

  it('rejects bad input to portal.page with a clear 400', async () => {
    const res = await visitor.fetch(`/p/acme/_api/trpc/page?input=${encodeURIComponent(JSON.stringify({ path: '/', extra: 1 }))}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('extra');
  });
});

describe('publishing', () => {
  it('takes effect at the next request, and so does a rollback', async () => {
    await publishDocument(documentWith('Version two'), 'v2');
    expect((await get('/p/acme/')).html).toContain('Version two');
    await owner.mutate('portals.rollback', { id, version: 1 });
    const { html } = await get('/p/acme/');
    expect(html).toContain('Version one');
    expect(html).not.toContain('Version two');
  });
});
