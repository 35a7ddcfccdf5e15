// `npm run bench:data`: the query layer's budget (DESIGN.md section 8): a scoped entity list over
// 100,000 records in ≤ 10 ms p95. Builds a realistic store in a temporary SQLite file (and, with
// BENCH_PG=<postgres url>, in a fresh Postgres database): 1,000 accounts, 3,000 contacts with one or
// two accounts each, and 100,000 contracts linked to an account and a contact, a tenth created by
// portal users. Then times queryRecords — the same code the API and portals use — per access level,
// with a filter, a sort on a data field, a search and a deep page, as a viewer with one account
// (customer) and one with 40 accounts (installer), each over many different viewers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { scopeFor, type AccessLevel, type DataViewer, type EntityQueryInput } from '../../core';
import { migrateToLatest, openDatabase, type Db } from '../../server/db/database';
import { createType, ensureBuiltInTypes, requireType } from '../../server/services/entity-types';
import { queryRecords, type RecordAccess } from '../../server/services/record-query';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const ACCOUNTS = 1_000;
const CONTACTS = 3_000;
const TRIALS = Number(process.env.BENCH_TRIALS ?? 300);
const BUDGET_MS = 10;
const fmt = (n: number, d = 2) => n.toFixed(d);
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;

/** A small deterministic PRNG, so every run builds the same store. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES = ['active', 'pending', 'cancelled', 'ended'];

async function build(db: Db): Promise<{ accountIds: string[]; contacts: { id: string; accounts: string[] }[]; users: string[] }> {
  await migrateToLatest(db);
  await ensureBuiltInTypes(db);
  await createType(db, { kind: 'system', id: null }, {
    key: 'contract',
    label: { singular: 'Contract', plural: 'Contracts' },
    titleField: 'number',
    accountLink: 'account',
    contactLink: 'holder',
    fields: [
      { key: 'number', label: 'Contract number', type: 'text', required: true, identifier: true },
      { key: 'status', label: 'Status', type: 'enum', options: STATUSES.map((s) => ({ value: s, label: s })) },
      { key: 'price', label: 'Monthly price', type: 'money', currency: 'EUR' },
      { key: 'startDate', label: 'Start', type: 'date' },
      { key: 'account', label: 'Account', type: 'relation', target: 'account' },
      { key: 'holder', label: 'Holder', type: 'relation', target: 'contact' },
      { key: 'notes', label: 'Internal notes', type: 'longText', internal: true },
    ],
  });
  const rand = prng(42);
  const t0 = Date.parse('2024-01-01T00:00:00Z');
  const at = (i: number, n: number) => new Date(t0 + Math.floor((i / n) * 700 * 86_400_000)).toISOString();
  const accountIds = Array.from({ length: ACCOUNTS }, (_, i) => `acc_${String(i).padStart(5, '0')}`);
  const contacts = Array.from({ length: CONTACTS }, (_, i) => {
    const first = accountIds[i % ACCOUNTS]!;
    const accounts = rand() < 0.3 ? [first, accountIds[Math.floor(rand() * ACCOUNTS)]!] : [first];
    return { id: `con_${String(i).padStart(5, '0')}`, accounts: [...new Set(accounts)] };
  });
  const users = Array.from({ length: 500 }, (_, i) => `usr_${i}`);

  type Row = { id: string; type: string; external_id: string; data: string; title: string; created_by_user: string | null; created_by: string; created_at: string; updated_at: string; revision: number };
  type Ref = { record_id: string; field: string; target_id: string };
  const insert = async (rows: Row[], refs: Ref[]) => {
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('records').values(rows.slice(i, i + 500)).execute();
      for (let i = 0; i < refs.length; i += 500) await trx.insertInto('record_refs').values(refs.slice(i, i + 500)).execute();
    });
  };
  const row = (id: string, type: string, data: Record<string, unknown>, title: string, i: number, n: number, user: string | null = null): Row => ({
    id,
    type,
    external_id: `ext-${id}`,
    data: JSON.stringify(data),
    title,
    created_by_user: user,
    created_by: 'system',
    created_at: at(i, n),
    updated_at: at(i, n),
    revision: 1,
  });
  await insert(
    accountIds.map((id, i) => row(id, 'account', { name: `Account ${i}`, number: `K-${100000 + i}` }, `Account ${i}`, i, ACCOUNTS)),
    [],
  );
  await insert(
    contacts.map((c, i) => row(c.id, 'contact', { name: `Contact ${i}`, email: `c${i}@example.test`, accounts: c.accounts }, `Contact ${i}`, i, CONTACTS)),
    contacts.flatMap((c) => c.accounts.map((a) => ({ record_id: c.id, field: 'accounts', target_id: a }))),
  );
  for (let start = 0; start < RECORDS; start += 10_000) {
    const rows: Row[] = [];
    const refs: Ref[] = [];
    for (let i = start; i < Math.min(RECORDS, start + 10_000); i++) {
      const contact = contacts[Math.floor(rand() * CONTACTS)]!;
      const account = contact.accounts[0]!;
      const id = `ctr_${String(i).padStart(6, '0')}`;
      const number = `C-${String(1_000_000 + i)}`;
      const user = rand() < 0.1 ? users[Math.floor(rand() * users.length)]! : null;
      rows.push(
        row(
          id,
          'contract',
          {
            number,
            status: STATUSES[Math.floor(rand() * STATUSES.length)],
            price: { amount: Math.round(rand() * 20000) / 100, currency: 'EUR' },
            startDate: at(i, RECORDS).slice(0, 10),
            account,
            holder: contact.id,
            notes: 'internal',
          },
          number,
          i,
          RECORDS,
          user,
        ),
      );
      refs.push({ record_id: id, field: 'account', target_id: account }, { record_id: id, field: 'holder', target_id: contact.id });
    }
    await insert(rows, refs);
  }
  // Fresh statistics, as Postgres' autovacuum keeps them in a running system (SQLite's plan does not depend on them).
  await sql`analyze`.execute(db);
  return { accountIds, contacts, users };
}

type Case = { name: string; level: AccessLevel; viewer: (i: number) => DataViewer; query: (v: DataViewer) => Omit<EntityQueryInput, 'type'> };

async function run(label: string, db: Db): Promise<boolean> {
  const t = performance.now();
  const { accountIds, contacts, users } = await build(db);
  console.log(`${label}: built ${RECORDS.toLocaleString('en')} contracts, ${ACCOUNTS} accounts, ${CONTACTS} contacts in ${fmt((performance.now() - t) / 1000, 1)} s`);
  const type = await requireType(db, 'contract');
  const readable = new Set(type.fields.filter((f) => !f.internal).map((f) => f.key));
  const customer = (i: number): DataViewer => {
    const c = contacts[(i * 7919) % CONTACTS]!;
    return { userId: users[i % users.length]!, contactId: c.id, accountIds: c.accounts };
  };
  const installer = (i: number): DataViewer => ({
    userId: users[i % users.length]!,
    contactId: contacts[i % CONTACTS]!.id,
    accountIds: Array.from({ length: 40 }, (_, k) => accountIds[(i * 37 + k * 13) % ACCOUNTS]!),
  });
  const cases: Case[] = [
    { name: 'own, newest first', level: 'own', viewer: customer, query: () => ({}) },
    { name: 'contact, newest first', level: 'contact', viewer: customer, query: () => ({}) },
    { name: 'account, newest first', level: 'account', viewer: customer, query: () => ({}) },
    { name: 'account, status filter + price sort', level: 'account', viewer: customer, query: () => ({ filters: [{ field: 'status', op: 'eq', value: 'active' }], sort: [{ field: 'price', dir: 'desc' }] }) },
    { name: 'account, search by number', level: 'account', viewer: customer, query: () => ({ search: 'C-10' }) },
    { name: 'account (40 accounts), newest first', level: 'account', viewer: installer, query: () => ({}) },
    { name: 'account (40 accounts), filter + sort', level: 'account', viewer: installer, query: () => ({ filters: [{ field: 'startDate', op: 'gte', value: '2024-06-01' }], sort: [{ field: 'number', dir: 'asc' }] }) },
    { name: 'all, newest first', level: 'all', viewer: customer, query: () => ({}) },
  ];
  let ok = true;
  console.log('');
  console.log(`  ${'case (25 per page, many viewers)'.padEnd(44)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}  rows  verdict`);
  for (const c of cases) {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < TRIALS + 20; i++) {
      const viewer = c.viewer(i);
      const access: RecordAccess = { scope: scopeFor(c.level, type, viewer), readable };
      const s = performance.now();
      const page = await queryRecords(db, { type: 'contract', limit: 25, ...c.query(viewer) }, access);
      const ms = performance.now() - s;
      if (i >= 20) times.push(ms); // the first calls warm the JIT and the page cache
      rows += page.items.length;
    }
    const p95 = quantile(times, 0.95);
    ok &&= p95 <= BUDGET_MS;
    console.log(
      `  ${c.name.padEnd(44)} ${fmt(quantile(times, 0.5)).padStart(8)} ${fmt(p95).padStart(8)} ${fmt(Math.max(...times)).padStart(8)}  ${fmt(rows / (TRIALS + 20), 1).padStart(4)}  ${p95 <= BUDGET_MS ? 'within budget' : 'OVER BUDGET'}`,
    );
  }
  // A deep page: the 40th page of an installer's list, by cursor (keyset paging keeps it cheap).
  const viewer = installer(1);
  const access: RecordAccess = { scope: scopeFor('account', type, viewer), readable };
  let cursor: string | undefined;
  const deep: number[] = [];
  for (let page = 0; page < 40; page++) {
    const s = performance.now();
    const r = await queryRecords(db, { type: 'contract', limit: 25, ...(cursor ? { cursor } : {}) }, access);
    deep.push(performance.now() - s);
    if (!r.nextCursor) break;
    cursor = r.nextCursor;
  }
  console.log(`  ${'account (40 accounts), pages 1–40 by cursor'.padEnd(44)} ${fmt(quantile(deep, 0.5)).padStart(8)} ${fmt(quantile(deep, 0.95)).padStart(8)} ${fmt(Math.max(...deep)).padStart(8)}    25  (reference)`);
  console.log('');
  return ok;
}

const started = performance.now();
console.log(`Portico data benchmark — queryRecords with an access scope, ${TRIALS} trials per case, budget p95 ≤ ${BUDGET_MS} ms`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-bench-data-'));
let allOk = true;
try {
  const sqlite = await openDatabase({ kind: 'sqlite', file: path.join(dir, 'bench.sqlite') });
  try {
    const ok = await run('SQLite', sqlite);
    allOk = allOk && ok;
  } finally {
    await sqlite.destroy();
  }
  const pgUrl = process.env.BENCH_PG;
  if (pgUrl) {
    const { default: pg } = await import('pg');
    const name = `portico_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    const db = await openDatabase({ kind: 'postgres', url: url.toString() });
    try {
      const ok = await run('Postgres', db);
      allOk = allOk && ok;
    } finally {
      await db.destroy();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(allOk ? 'All data budgets met.' : 'Some data budgets are NOT met.');
console.log(`(${fmt((performance.now() - started) / 1000, 1)} s)`);
if (!allOk) process.exitCode = 1;
