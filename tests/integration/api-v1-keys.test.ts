// Integration API keys and the OpenAPI document: keys are created, listed (never with their secret)
// and revoked through the admin API; the REST API refuses missing, malformed, unknown, revoked and
// expired keys (401) and keys without the scope (403, naming it); use is recorded at most once a
// minute; and the OpenAPI document describes exactly the routes the router registers.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiV1 } from '../../server/api/v1';
import { loadConfig } from '../../server/config';
import { adminWithRole, signIn, startTestServer, type Client, type TestServer } from '../helpers/server';

type Json = Record<string, unknown>;
type Reply = { status: number; headers: Headers; body: Json };
type KeySummary = { id: string; name: string; prefix: string; scopes: string[]; createdBy: string | null; lastUsedAt: string | null; expiresAt: string | null; revokedAt: string | null; status: string };

let srv: TestServer;
let owner: Client;

beforeAll(async () => {
  srv = await startTestServer();
  owner = await signIn(srv.url);
});
afterAll(() => srv.stop());

async function createKey(scopes: string[], extra: Json = {}): Promise<{ secret: string; key: KeySummary }> {
  const r = await owner.mutate<{ secret: string; key: KeySummary }>('apiKeys.create', { name: `key ${scopes.join(' ')}`, scopes, ...extra });
  if (r.status !== 200) throw new Error(`apiKeys.create: ${r.status} ${r.error?.message}`);
  return r.data!;
}

async function call(method: string, path: string, opts: { secret?: string; auth?: string; body?: unknown } = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (opts.auth !== undefined) headers.authorization = opts.auth;
  else if (opts.secret) headers.authorization = `Bearer ${opts.secret}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${srv.url}/api/v1${path}`, { method, headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Json) : {} };
}

const listKeys = async () => (await owner.query<KeySummary[]>('apiKeys.list')).data!;

function expectProblem(r: Reply, status: number, detail: string | RegExp): void {
  expect(r.status).toBe(status);
  expect(r.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  expect(r.headers.get('cache-control')).toBe('no-store');
  expect(r.body.status).toBe(status);
  expect(typeof r.body.type).toBe('string');
  expect(typeof r.body.title).toBe('string');
  if (typeof detail === 'string') expect(r.body.detail).toBe(detail);
  else expect(r.body.detail).toMatch(detail);
}

describe('API keys (admin API)', () => {
  it('returns the secret once, stores only its SHA-256, and never lists it', async () => {
    const { secret, key } = await createKey(['records:read', 'types:read', 'records:read']);
    expect(secret).toMatch(/^pk_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(`pk_${key.prefix}_`)).toBe(true);
    expect(key.scopes).toEqual(['records:read', 'types:read']);
    expect(key.createdBy).toBe('owner@portico.test');
    expect(key.status).toBe('active');

    const row = await srv.db.selectFrom('api_keys').selectAll().where('id', '=', key.id).executeTakeFirstOrThrow();
    expect(row.secret_hash).toBe(createHash('sha256').update(secret).digest('base64url'));
    expect(JSON.stringify(row)).not.toContain(secret.slice(12));

    const listed = (await listKeys()).find((k) => k.id === key.id)!;
    expect(Object.keys(listed).sort()).toEqual(['createdAt', 'createdBy', 'expiresAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'scopes', 'status']);
    const everything = JSON.stringify(await listKeys());
    expect(everything).not.toContain(secret.slice(12));
    expect(everything).not.toContain(row.secret_hash);
  });

  it('refuses unknown scopes, no scopes and a past expiry', async () => {
    const unknown = await owner.mutate('apiKeys.create', { name: 'x', scopes: ['records:admin'] });
    expect(unknown.status).toBe(400);
    expect(unknown.error?.data.issues?.[0]?.path).toEqual(['scopes', '0']);
    expect((await owner.mutate('apiKeys.create', { name: 'x', scopes: [] })).status).toBe(400);
    const past = await owner.mutate('apiKeys.create', { name: 'x', scopes: ['records:read'], expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.error?.message).toBe('expiresAt: the expiry must be in the future.');
    expect((await owner.mutate('apiKeys.create', { name: 'x', scopes: ['records:read'], evil: 1 })).status).toBe(400);
  });

  it('is for owners and admins only', async () => {
    const designer = await adminWithRole(srv.url, owner, 'designer');
    expect((await designer.query('apiKeys.list')).status).toBe(403);
    expect((await designer.mutate('apiKeys.create', { name: 'd', scopes: ['records:read'] })).status).toBe(403);
    const admin = await adminWithRole(srv.url, owner, 'admin');
    expect((await admin.mutate('apiKeys.create', { name: 'a', scopes: ['records:read'] })).status).toBe(200);
  });

  it('audits creating and revoking a key, with the admin as actor', async () => {
    const { key } = await createKey(['records:read']);
    expect((await owner.mutate('apiKeys.revoke', { id: key.id })).status).toBe(200);
    const entries = await srv.db.selectFrom('audit_log').select(['action', 'actor_type', 'target', 'details']).where('target', '=', key.id).orderBy('id').execute();
    expect(entries.map((e) => [e.action, e.actor_type])).toEqual([
      ['api-key.create', 'admin'],
      ['api-key.revoke', 'admin'],
    ]);
    expect(JSON.parse(entries[0]!.details)).toMatchObject({ scopes: ['records:read'], prefix: key.prefix });
    expect((await owner.mutate('apiKeys.revoke', { id: 'key_nope' })).status).toBe(404);
  });
});

describe('authentication', () => {
  it('refuses a request without a key with 401, a problem and WWW-Authenticate', async () => {
    const r = await call('GET', '/records/account');
    expectProblem(r, 401, 'Send an API key: Authorization: Bearer pk_…');
    expect(r.body.type).toBe('urn:portico:problem:unauthorized');
    expect(r.headers.get('www-authenticate')).toBe('Bearer realm="portico-api"');
  });

  it('refuses other schemes, malformed and unknown keys', async () => {
    const basic = await call('GET', '/records/account', { auth: 'Basic dXNlcjpwYXNz' });
    expectProblem(basic, 401, 'The Authorization header must be "Bearer <API key>".');
    const malformed = await call('GET', '/records/account', { auth: 'Bearer not-a-key' });
    expectProblem(malformed, 401, /^The API key is malformed/);
    expect(malformed.headers.get('www-authenticate')).toMatch(/^Bearer realm="portico-api", error="invalid_token"/);
    const unknown = await call('GET', '/records/account', { secret: `pk_AbCd1234_${'A'.repeat(43)}` });
    expectProblem(unknown, 401, 'The API key is not valid.');
    // A real key's prefix with another secret is just as unknown.
    const { key } = await createKey(['records:read']);
    expectProblem(await call('GET', '/records/account', { secret: `pk_${key.prefix}_${'B'.repeat(43)}` }), 401, 'The API key is not valid.');
  });

  it('refuses a revoked key at once', async () => {
    const { secret, key } = await createKey(['records:read']);
    expect((await call('GET', '/records/account', { secret })).status).toBe(200);
    await owner.mutate('apiKeys.revoke', { id: key.id });
    expectProblem(await call('GET', '/records/account', { secret }), 401, 'The API key has been revoked.');
    expect((await listKeys()).find((k) => k.id === key.id)!.status).toBe('revoked');
  });

  it('refuses an expired key', async () => {
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const { secret, key } = await createKey(['records:read'], { expiresAt });
    expect(key.expiresAt).toBe(expiresAt);
    expect((await call('GET', '/records/account', { secret })).status).toBe(200);
    await new Promise((r) => setTimeout(r, Date.parse(expiresAt) - Date.now() + 50));
    expectProblem(await call('GET', '/records/account', { secret }), 401, 'The API key has expired.');
    expect((await listKeys()).find((k) => k.id === key.id)!.status).toBe('expired');
  });

  it('never reads cookies: a signed-in admin without a key is refused', async () => {
    const res = await owner.fetch('/api/v1/records/account');
    expect(owner.cookies.size).toBe(1);
    expect(res.status).toBe(401);
  });

  it('checks the key before reading a body: an anonymous 3 MB body gets 401, not 413', async () => {
    const res = await fetch(`${srv.url}/api/v1/records/account`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"data":{"name":"${'x'.repeat(3 * 1024 * 1024)}"}}` });
    expect(res.status).toBe(401);
  });

  it('refuses a key without the scope with 403 naming it', async () => {
    const { secret } = await createKey(['records:read']);
    const write = await call('POST', '/records/account', { secret, body: { data: { name: 'Acme' } } });
    expectProblem(write, 403, 'This API key lacks the scope records:write; an owner or admin can create a key that has it.');
    expect(write.body.scope).toBe('records:write');
    expect(write.body.type).toBe('urn:portico:problem:forbidden');
    expect(write.headers.get('www-authenticate')).toBe('Bearer realm="portico-api", error="insufficient_scope", scope="records:write"');
    expect((await call('PUT', '/records/account/by-external-id/A-1', { secret, body: { data: { name: 'Acme' } } })).body.scope).toBe('records:write');
    expect((await call('DELETE', '/records/account/r_x', { secret })).body.scope).toBe('records:delete');
    expect((await call('GET', '/types', { secret })).body.scope).toBe('types:read');
    expect((await call('PUT', '/contacts/c/accounts/a', { secret })).body.scope).toBe('records:write');
    // Nothing was written by the refused requests.
    expect(((await call('GET', '/records/account', { secret })).body.items as unknown[]).length).toBe(0);
    const { secret: writer } = await createKey(['records:write']);
    expect((await call('GET', '/records/account', { secret: writer })).body.scope).toBe('records:read');
  });

  it('records when a key was last used, at most once a minute', async () => {
    const { secret, key } = await createKey(['records:read']);
    expect(key.lastUsedAt).toBeNull();
    const before = Date.now();
    expect((await call('GET', '/records/account', { secret })).status).toBe(200);
    const first = (await listKeys()).find((k) => k.id === key.id)!.lastUsedAt;
    expect(first).not.toBeNull();
    expect(Date.parse(first!)).toBeGreaterThanOrEqual(before - 5);
    expect(Date.parse(first!)).toBeLessThanOrEqual(Date.now());
    await new Promise((r) => setTimeout(r, 20));
    expect((await call('GET', '/records/account', { secret })).status).toBe(200);
    expect((await listKeys()).find((k) => k.id === key.id)!.lastUsedAt).toBe(first);
    // A minute later (moved back in the database rather than waited for), the next use is recorded.
    const old = new Date(Date.now() - 61_000).toISOString();
    await srv.db.updateTable('api_keys').set({ last_used_at: old }).where('id', '=', key.id).execute();
    expect((await call('GET', '/records/account', { secret })).status).toBe(200);
    const third = (await listKeys()).find((k) => k.id === key.id)!.lastUsedAt!;
    expect(Date.parse(third)).toBeGreaterThan(Date.parse(old) + 60_000);
  });
});

describe('the OpenAPI document', () => {
  type Doc = { openapi: string; paths: Record<string, Record<string, { operationId: string; parameters: { name: string; in: string; required: boolean }[]; security: unknown[]; responses: Record<string, unknown> }>>; components: { schemas: Record<string, Json>; securitySchemes: Json } };
  const fetchDoc = async (secret?: string) => {
    const r = await call('GET', '/openapi.json', secret ? { secret } : {});
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    return r.body as unknown as Doc;
  };

  /** "METHOD /path/{param}" of every route the express router has, found by walking it. */
  function registeredRoutes(): string[] {
    const router = createApiV1({ db: srv.db, config: loadConfig({ SEED: 'none' }), log: () => {} });
    const out: string[] = [];
    for (const layer of router.stack) {
      if (!layer.route) continue;
      for (const l of layer.route.stack) if (l.method) out.push(`${l.method.toUpperCase()} ${layer.route.path.replace(/:(\w+)/g, '{$1}')}`);
    }
    return out.sort();
  }

  it('is public, OpenAPI 3.1, and documents every route the router registers, and nothing else', async () => {
    const doc = await fetchDoc();
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    const registered = registeredRoutes();
    expect(registered.length).toBeGreaterThanOrEqual(15);
    expect(documented).toEqual(registered);
    for (const route of [
      'GET /types', 'GET /types/{type}', 'GET /records/{type}', 'POST /records/{type}', 'GET /records/{type}/{id}', 'PATCH /records/{type}/{id}',
      'DELETE /records/{type}/{id}', 'GET /records/{type}/by-external-id/{externalId}', 'PUT /records/{type}/by-external-id/{externalId}',
      'DELETE /records/{type}/by-external-id/{externalId}', 'PUT /contacts/{id}/accounts/{accountId}', 'DELETE /contacts/{id}/accounts/{accountId}',
      'GET /openapi.json',
    ]) expect(documented).toContain(route);
  });

  it('is consistent: unique operation ids, declared path parameters, resolvable references, problems', async () => {
    const doc = await fetchDoc();
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    for (const [path, ops] of Object.entries(doc.paths)) {
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const [method, op] of Object.entries(ops)) {
        const declared = op.parameters.filter((p) => p.in === 'path');
        expect(declared.map((p) => p.name).sort(), `${method} ${path}`).toEqual(templated);
        expect(declared.every((p) => p.required)).toBe(true);
        expect(op.responses['500'], `${method} ${path}`).toBeDefined();
        if (path !== '/openapi.json') expect(op.responses['401'], `${method} ${path}`).toBeDefined();
      }
    }
    expect(doc.paths['/openapi.json']!.get!.security).toEqual([]);
    expect(doc.paths['/records/{type}']!.post!.security).toEqual([{ apiKey: ['records:write'] }]);
    expect(doc.components.securitySchemes).toMatchObject({ apiKey: { type: 'http', scheme: 'bearer' } });
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
    }
    expect(doc.components.schemas.Problem).toMatchObject({ type: 'object', required: ['type', 'title', 'status', 'detail'] });
    // The list's filters are documented as deepObject, from the schema the route validates with.
    const filter = doc.paths['/records/{type}']!.get!.parameters.find((p) => p.name === 'filter') as unknown as Json;
    expect(filter).toMatchObject({ in: 'query', style: 'deepObject', explode: true });
  });

  it('lists per-type record schemas only for a key with types:read', async () => {
    const created = await owner.mutate('entityTypes.create', {
      definition: {
        key: 'ticket',
        label: { singular: 'Ticket', plural: 'Tickets' },
        titleField: 'subject',
        fields: [
          { key: 'subject', label: 'Subject', type: 'text', required: true },
          { key: 'status', label: 'Status', type: 'enum', options: [{ value: 'open', label: 'Open' }, { value: 'closed', label: 'Closed' }] },
          { key: 'account', label: 'Account', type: 'relation', target: 'account' },
        ],
      },
    });
    expect(created.status).toBe(200);

    const anonymous = await fetchDoc();
    expect(Object.keys(anonymous.components.schemas).filter((k) => k.includes('_'))).toEqual([]);
    expect(anonymous.components.schemas.Record).toMatchObject({ type: 'object' });

    const { secret: noTypes } = await createKey(['records:read']);
    expect(Object.keys((await fetchDoc(noTypes)).components.schemas).filter((k) => k.includes('_'))).toEqual([]);
    expect(Object.keys((await fetchDoc(`pk_AbCd1234_${'A'.repeat(43)}`)).components.schemas).filter((k) => k.includes('_'))).toEqual([]);

    const { secret } = await createKey(['types:read']);
    const typed = await fetchDoc(secret);
    const perType = Object.keys(typed.components.schemas).filter((k) => k.includes('_')).sort();
    expect(perType).toEqual(['RecordData_account', 'RecordData_contact', 'RecordData_ticket', 'Record_account', 'Record_contact', 'Record_ticket']);
    expect(typed.components.schemas.Record).toMatchObject({ discriminator: { propertyName: 'type', mapping: { ticket: '#/components/schemas/Record_ticket' } } });
    const data = typed.components.schemas.RecordData_ticket as { properties: Record<string, Json>; required: string[]; additionalProperties: boolean };
    expect(data.required).toEqual(['subject']);
    expect(data.additionalProperties).toBe(false);
    expect(data.properties.status).toMatchObject({ type: 'string', enum: ['open', 'closed'], title: 'Status' });
    expect(data.properties.account!.anyOf).toHaveLength(2);
    const read = (typed.components.schemas.Record_ticket as { properties: { type: Json; data: { properties: Record<string, Json> } } }).properties;
    expect(read.type).toEqual({ type: 'string', const: 'ticket' });
    expect(read.data.properties.account).toMatchObject({ type: 'string' });
  });
});
