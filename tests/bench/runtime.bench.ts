// `npm run bench:runtime`: the runtime's budgets (DESIGN.md section 8), measured side by side.
// Both (a) and (b) are for a signed-in user (a Customer Owner), as the budget says:
// (a) in-process: session + roles and grants + resolve + filter + render + HTML document of a
//     published 100-block page, against plain renderToString of the same tree; (b) HTTP throughput
//     of that page with autocannon, 50 connections sending the session cookie, beside a bare express
//     route serving the same HTML; (c) first-load JS, gzip. The page holds the budget's 3 data
//     blocks (a table and a key figure over the owner's colleagues, cards of their company), whose
//     queries run through the access layer on every request; the reference renders the same tree
//     with the same data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import type { Request } from 'express';
import type { Kysely } from 'kysely';
import type { PagePayload } from '../../core';
import { createPortalSession, PORTAL_COOKIE, readPortalSession } from '../../server/auth/portal-sessions';
import { hashToken, newToken } from '../../server/auth/tokens';
import type { DB } from '../../server/db/schema';
import { principalForUser } from '../../server/services/portal-grants';
import { migrateToLatest, openDatabase } from '../../server/db/database';
import { renderDocument } from '../../server/published/html';
import { buildPagePayload, payloadUser } from '../../server/published/page-payload';
import { loadRenderer } from '../../server/published/renderer';
import { portalBySlug } from '../../server/published/resolve-portal';
import { loadPublishedVersion } from '../../server/published/version-cache';
import { bootstrapAdmin } from '../../server/services/admins';
import { createPortal, publish } from '../../server/services/portals';
import { acceptDocument } from '../../server/services/documents';
import { createRecord } from '../../server/services/records';
import { ensureBuiltInTypes } from '../../server/services/entity-types';
import { loadPageData } from '../../server/published/block-data';
import { benchDocument } from './fixtures';
import { startProcess } from './process';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BLOCKS = 100;
const HTTP_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const fmt = (n: number, d = 1) => n.toFixed(d);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const verdict = (ok: boolean) => (ok ? 'within budget' : 'OVER BUDGET');

const COLLEAGUES = 30;

/** A portal user holding the starter role Customer Owner (seeded with every new portal), a contact of a company with colleagues. */
async function addCustomerOwner(trx: Kysely<DB>, portalId: string, contactId: string): Promise<string> {
  const at = new Date().toISOString();
  const id = `pu_bench_${Math.random().toString(36).slice(2, 8)}`;
  await trx
    .insertInto('portal_users')
    .values({ id, portal_id: portalId, email: `${id}@bench.test`, name: 'Bench Owner', status: 'active', contact_id: contactId, password_hash: null, email_confirmed_at: at, created_at: at, updated_at: at, last_login_at: null })
    .execute();
  const role = await trx.selectFrom('portal_roles').select('id').where('portal_id', '=', portalId).where('key', '=', 'customer-owner').executeTakeFirstOrThrow();
  await trx.insertInto('portal_user_roles').values({ user_id: id, role_id: role.id }).execute();
  return id;
}

async function inProcess(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-bench-'));
  const db = await openDatabase({ kind: 'sqlite', file: path.join(dataDir, 'bench.sqlite') });
  try {
    await migrateToLatest(db);
    await ensureBuiltInTypes(db);
    await bootstrapAdmin(db, 'bench@portico.test', 'bench-password-1');
    const owner = await db.selectFrom('admins').select('id').executeTakeFirstOrThrow();
    const portal = await createPortal(db, owner, { slug: 'bench', name: 'Bench Energy', document: acceptDocument(benchDocument(BLOCKS, { dataBlocks: true })) });
    await publish(db, owner, { id: portal.id, note: 'bench' });
    const system = { kind: 'system', id: null } as const;
    const account = await createRecord(db, system, { type: 'account', data: { name: 'Bench Household', number: 'K-1', email: 'home@bench.test' } });
    const contacts: string[] = [];
    for (let i = 0; i < COLLEAGUES; i++) contacts.push((await createRecord(db, system, { type: 'contact', data: { name: `Colleague ${i}`, email: `c${i}@bench.test`, accounts: [account.id] } })).id);
    const renderer = await loadRenderer(undefined);
    const signedIn = (await portalBySlug(db, 'bench'))!;
    const token = await db.transaction().execute(async (trx) => {
      const userId = await addCustomerOwner(trx, portal.id, contacts[0]!);
      return createPortalSession(trx, signedIn, userId, { ip: '127.0.0.1', get: () => undefined } as unknown as Request);
    });
    const req = { headers: { cookie: `${PORTAL_COOKIE}=${token}` } } as unknown as Request;

    // Ours: everything a request of a signed-in user does after routing: the session, the user's
    // roles and grants, the filtered page, its render and the HTML document.
    const ours = async (): Promise<string> => {
      const resolved = (await portalBySlug(db, 'bench'))!;
      const session = (await readPortalSession(db, req, resolved))!;
      const principal = await principalForUser(db, resolved.id, { id: session.userId, contactId: session.contactId });
      const version = await loadPublishedVersion(db, resolved.publishedVersionId!);
      const { payload } = buildPagePayload(version, resolved, '/', principal.viewer, payloadUser(session));
      const withData = { ...payload, ...(await loadPageData({ db, principal, portalId: resolved.id, params: payload.page.params }, payload.page.blocks)) };
      return renderDocument(withData, renderer.renderPage(withData), renderer.assets);
    };
    const resolved = (await portalBySlug(db, 'bench'))!;
    const session = (await readPortalSession(db, req, resolved))!;
    const principal = await principalForUser(db, resolved.id, { id: session.userId, contactId: session.contactId });
    const built: PagePayload = buildPagePayload(await loadPublishedVersion(db, resolved.publishedVersionId!), resolved, '/', principal.viewer, payloadUser(session)).payload;
    const payload: PagePayload = { ...built, ...(await loadPageData({ db, principal, portalId: resolved.id, params: built.page.params }, built.page.blocks)) };
    if ((payload.data.data_table as { items: unknown[] }).items.length !== 10) throw new Error('the table did not get the owner’s colleagues');
    // Reference: plain renderToString of the same React tree with the same data (what renderPage is).
    const plain = () => renderer.renderPage(payload);

    for (let i = 0; i < 300; i++) {
      await ours();
      plain();
    }
    const oursTimes: number[] = [];
    const plainTimes: number[] = [];
    const BATCH = 50;
    for (let round = 0; round < 30; round++) {
      let t = performance.now();
      for (let i = 0; i < BATCH; i++) await ours();
      oursTimes.push((performance.now() - t) / BATCH);
      t = performance.now();
      for (let i = 0; i < BATCH; i++) plain();
      plainTimes.push((performance.now() - t) / BATCH);
    }
    const o = median(oursTimes);
    const p = median(plainTimes);
    const ratio = o / p;
    console.log(`(a) in-process, ${BLOCKS}-block page for a signed-in Customer Owner, median of 30 batches of ${BATCH}:`);
    console.log(`    session + grants + resolve + filter + render + document: ${fmt(o * 1000, 0)} µs   plain renderToString: ${fmt(p * 1000, 0)} µs   ratio ${fmt(ratio, 2)}× (budget ≤ 1.5×: ${verdict(ratio <= 1.5)})`);
  } finally {
    await db.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}


async function load(url: string, seconds = HTTP_SECONDS, headers: Record<string, string> = {}): Promise<{ rps: number; p99: number; errors: number; non2xx: number }> {
  const r = await autocannon({ url, connections: 50, duration: seconds, pipelining: 1, headers });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

type Load = Awaited<ReturnType<typeof load>>;

/** Starts Portico with the given worker count, publishes the 100-block page, loads it. */
async function http(workers: string): Promise<{ ours: Load; reference: Load; bytes: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-bench-http-'));
  const env = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SEED: 'none', ADMIN_EMAIL: 'bench@portico.test', ADMIN_PASSWORD: 'bench-password-1', NODE_ENV: 'production', WORKERS: workers };
  const { proc, match } = await startProcess(['--import', 'tsx', 'server/main.ts'], env, /Portico is running on (http:\/\/\S+)/);
  const base = match[1]!;
  try {
    const origin = new URL(base).origin;
    const login = await fetch(`${base}/admin/api/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }) });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const call = async (proc: string, input: unknown) => {
      const res = await fetch(`${base}/admin/api/trpc/${proc}`, { method: 'POST', headers: { 'content-type': 'application/json', origin, cookie }, body: JSON.stringify(input) });
      return ((await res.json()) as { result: { data: { id: string; revision: number } } }).result.data;
    };
    const created = await call('portals.create', { slug: 'bench', name: 'Bench Energy' });
    const draft = (await (await fetch(`${base}/admin/api/trpc/portals.getDraft?input=${encodeURIComponent(JSON.stringify({ id: created.id }))}`, { headers: { cookie } })).json()) as { result: { data: { revision: number } } };
    await call('portals.saveDraft', { id: created.id, baseRevision: draft.result.data.revision, document: benchDocument(BLOCKS, { dataBlocks: true }) });
    const account = await call('records.create', { type: 'account', data: { name: 'Bench Household', number: 'K-1', email: 'home@bench.test' } });
    const contacts: string[] = [];
    for (let i = 0; i < COLLEAGUES; i++) contacts.push((await call('records.create', { type: 'contact', data: { name: `Colleague ${i}`, email: `c${i}@bench.test`, accounts: [account.id] } })).id);
    await call('portals.publish', { id: created.id, note: 'bench' });
    const pageUrl = `${base}/p/bench/`;
    // A signed-in Customer Owner: a user and a session written straight into the server's SQLite
    // file (WAL: the server sees them at its next read), the session cookie sent with every request.
    const file = new Database(path.join(dataDir, 'portico.sqlite'));
    file.pragma('busy_timeout = 5000');
    const token = newToken();
    const at = new Date().toISOString();
    file.transaction(() => {
      const role = file.prepare("select id from portal_roles where portal_id = ? and key = 'customer-owner'").get(created.id) as { id: string };
      file.prepare("insert into portal_users (id, portal_id, email, name, status, contact_id, email_confirmed_at, created_at, updated_at) values ('pu_bench', ?, 'owner@bench.test', 'Bench Owner', 'active', ?, ?, ?, ?)").run(created.id, contacts[0], at, at, at);
      file.prepare("insert into portal_user_roles (user_id, role_id) values ('pu_bench', ?)").run(role.id);
      file.prepare("insert into portal_sessions (id_hash, portal_id, user_id, created_at, last_seen_at, expires_at) values (?, ?, 'pu_bench', ?, ?, ?)").run(hashToken(token), created.id, at, at, new Date(Date.now() + 86_400_000).toISOString());
    })();
    file.close();
    const headers = { cookie: `${PORTAL_COOKIE}=${token}` };
    const html = await (await fetch(pageUrl, { headers })).text();
    if (!html.includes('Bench Owner')) throw new Error('the page was not rendered for the signed-in user');
    if (!html.includes('Colleague 1')) throw new Error('the data blocks did not get the owner’s colleagues');
    const htmlFile = path.join(dataDir, 'page.html');
    fs.writeFileSync(htmlFile, html);

    // Reference: a bare express route that sends the same HTML.
    const bareSrc = `const express=require('express');const fs=require('fs');const html=fs.readFileSync(${JSON.stringify(htmlFile)},'utf8');const app=express();app.get('/',(q,s)=>s.type('html').send(html));const srv=app.listen(0,'127.0.0.1',()=>console.log('bare on http://127.0.0.1:'+srv.address().port+'/'));`;
    const bare = await startProcess(['-e', bareSrc], {}, /bare on (http:\/\/\S+)/);
    try {
      await load(pageUrl, 3, headers); // warm-up: JIT and caches in every worker
      const ours = await load(pageUrl, HTTP_SECONDS, headers);
      const reference = await load(bare.match[1]!);
      return { ours, reference, bytes: Buffer.byteLength(html) };
    } finally {
      bare.proc.kill('SIGTERM');
    }
  } finally {
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function firstLoadJs(): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist/client/.vite/manifest.json'), 'utf8')) as Record<string, { file: string; imports?: string[]; css?: string[] }>;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imp of manifest[key]?.imports ?? []) visit(imp);
  };
  visit('runtime/entry-client.tsx');
  let js = 0;
  let css = 0;
  const cssFiles = new Set<string>();
  for (const key of seen) {
    js += gzipSync(fs.readFileSync(path.join(ROOT, 'dist/client', manifest[key]!.file)), { level: 9 }).length;
    for (const c of manifest[key]!.css ?? []) cssFiles.add(c);
  }
  for (const c of cssFiles) css += gzipSync(fs.readFileSync(path.join(ROOT, 'dist/client', c)), { level: 9 }).length;
  console.log(`(c) runtime first-load JavaScript, gzip, React included: ${fmt(js / 1024)} KB in ${seen.size} files (budget ≤ 150 KB: ${verdict(js / 1024 <= 150)}); CSS ${fmt(css / 1024)} KB`);
}

function reportHttp(label: string, r: { ours: Load; reference: Load }, budgeted: boolean): void {
  const { ours, reference } = r;
  const ok = ours.rps >= 1000 && ours.p99 <= 100 && ours.errors === 0 && ours.non2xx === 0;
  console.log(
    `    ${label.padEnd(22)} ${fmt(ours.rps, 0).padStart(5)} req/s, p99 ${String(ours.p99).padStart(3)} ms, ${ours.errors} errors, ${ours.non2xx} non-2xx` +
      `   | bare express ${fmt(reference.rps, 0)} req/s, p99 ${reference.p99} ms (Portico at ${fmt((ours.rps / reference.rps) * 100, 0)}%)` +
      (budgeted ? `   budget ≥ 1,000 req/s, p99 ≤ 100 ms: ${verdict(ok)}` : ''),
  );
}

console.log(`Portico runtime benchmark — ${os.cpus().length} cores, Node ${process.version}`);
await inProcess();
const single = await http('1');
const all = await http('auto');
console.log(`(b) HTTP, ${BLOCKS}-block page (${single.bytes} bytes of HTML), 50 connections, ${HTTP_SECONDS} s, loopback, load generator on the same machine:`);
reportHttp('WORKERS=1', single, false);
reportHttp(`WORKERS=auto (${os.availableParallelism()})`, all, true);
firstLoadJs();
