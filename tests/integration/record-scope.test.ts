// The query layer's access scope in SQL (DESIGN.md section 5), on a real store (SQLite file, or
// Postgres in the integration-pg project): for each level, which records a viewer reaches when a
// record is the viewer's own, linked to the viewer's contact, to one of the viewer's accounts, to
// another account, or to nothing — for lists, reads, updates and deletes alike (out of scope reads
// as not found). Plus field filtering in SQL: unreadable fields never come back, and filtering,
// sorting or selecting by them is FORBIDDEN.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordInScope, scopeFor, type AccessLevel, type DataViewer, type EntityType } from '../../core';
import { createType, requireType } from '../../server/services/entity-types';
import { findRecord, queryRecords, type RecordAccess } from '../../server/services/record-query';
import { ADMIN_WRITE, createRecord, deleteRecord, updateRecord, type WriteAccess } from '../../server/services/records';
import type { Actor } from '../../server/services/record-store';
import { startTestServer, type TestServer } from '../helpers/server';

let srv: TestServer;
const system: Actor = { kind: 'system', id: null };
const ids: Record<string, string> = {};
let viewer: DataViewer;

type Relation = 'own' | 'contact' | 'account' | 'other' | 'none';
const RELATIONS: Relation[] = ['own', 'contact', 'account', 'other', 'none'];

/** Expected visibility, written out by hand (not computed): level → relation → visible. */
const CONTRACT_TABLE: Record<AccessLevel, Record<Relation, boolean>> = {
  none: { own: false, contact: false, account: false, other: false, none: false },
  own: { own: true, contact: false, account: false, other: false, none: false },
  contact: { own: true, contact: true, account: false, other: false, none: false },
  account: { own: true, contact: true, account: true, other: false, none: false },
  all: { own: true, contact: true, account: true, other: true, none: true },
};

const create = async (type: string, data: Record<string, unknown>, createdByUser: string | null = null) =>
  (await createRecord(srv.db, system, { type, data }, { ...ADMIN_WRITE, createdByUser })).id;

beforeAll(async () => {
  srv = await startTestServer();
  await createType(srv.db, system, {
    key: 'contract',
    label: { singular: 'Contract', plural: 'Contracts' },
    titleField: 'number',
    accountLink: 'account',
    contactLink: 'holder',
    fields: [
      { key: 'number', label: 'Number', type: 'text', required: true },
      { key: 'price', label: 'Price', type: 'number' },
      { key: 'notes', label: 'Notes', type: 'text', internal: true },
      { key: 'account', label: 'Account', type: 'relation', target: 'account' },
      { key: 'holder', label: 'Holder', type: 'relation', target: 'contact' },
    ],
  });
  await createType(srv.db, system, {
    key: 'memo',
    label: { singular: 'Memo', plural: 'Memos' },
    titleField: 'subject',
    fields: [{ key: 'subject', label: 'Subject', type: 'text', required: true }],
  });
  ids.accA = await create('account', { name: 'A (viewer)' });
  ids.accB = await create('account', { name: 'B (viewer)' });
  ids.accC = await create('account', { name: 'C (other)' });
  ids.conV = await create('contact', { name: 'V (viewer)', accounts: [ids.accA, ids.accB] });
  ids.conW = await create('contact', { name: 'W (colleague in B)', accounts: [ids.accB] });
  ids.conX = await create('contact', { name: 'X (other)', accounts: [ids.accC] });
  viewer = { userId: 'u_viewer', contactId: ids.conV!, accountIds: [ids.accA!, ids.accB!] };
  // One contract per relation to the viewer; each also carries links that do NOT reach the viewer.
  ids['contract:own'] = await create('contract', { number: 'own', price: 1, account: ids.accC, holder: ids.conX }, 'u_viewer');
  ids['contract:contact'] = await create('contract', { number: 'contact', price: 2, account: ids.accC, holder: ids.conV });
  ids['contract:account'] = await create('contract', { number: 'account', price: 3, account: ids.accB, holder: ids.conW });
  ids['contract:other'] = await create('contract', { number: 'other', price: 4, account: ids.accC, holder: ids.conX }, 'u_someone');
  ids['contract:none'] = await create('contract', { number: 'none', price: 5 });
  ids['memo:own'] = await create('memo', { subject: 'own' }, 'u_viewer');
  ids['memo:other'] = await create('memo', { subject: 'other' }, 'u_someone');
});
afterAll(() => srv.stop());

const access = (type: EntityType, level: AccessLevel, readable = ['number', 'price', 'account', 'holder']): RecordAccess => ({
  scope: scopeFor(level, type, viewer),
  readable: new Set(readable),
});
const listed = async (typeKey: string, a: RecordAccess) => (await queryRecords(srv.db, { type: typeKey, limit: 200 }, a)).items.map((r) => r.id);
const writeAccess = (a: RecordAccess): WriteAccess => ({ scope: a.scope, editable: 'all', internal: false, read: a });
const notFound = (p: Promise<unknown>) => expect(p).rejects.toSatisfy((e: unknown) => e instanceof TRPCError && e.code === 'NOT_FOUND');

describe('record scope compiled to SQL', () => {
  for (const level of Object.keys(CONTRACT_TABLE) as AccessLevel[]) {
    it(`contracts at level "${level}": list, read, update and delete reach exactly the expected records`, async () => {
      const type = await requireType(srv.db, 'contract');
      const a = access(type, level);
      const expected = RELATIONS.filter((r) => CONTRACT_TABLE[level][r]).map((r) => ids[`contract:${r}`]);
      expect((await listed('contract', a)).sort()).toEqual(expected.sort());
      for (const rel of RELATIONS) {
        const id = ids[`contract:${rel}`]!;
        const visible = CONTRACT_TABLE[level][rel];
        expect(await findRecord(srv.db, 'contract', id, a), `${level}/${rel} read`).toSatisfy((r) => (r !== null) === visible);
        const patch = updateRecord(srv.db, system, { type: 'contract', id, data: { price: 10 } }, writeAccess(a));
        if (visible) await expect(patch).resolves.toMatchObject({ id });
        else await notFound(patch);
        if (!visible) await notFound(deleteRecord(srv.db, system, { type: 'contract', id }, writeAccess(a)));
      }
    });
  }

  it('agrees record by record with the reference meaning in core (recordInScope)', async () => {
    const type = await requireType(srv.db, 'contract');
    const all = await queryRecords(srv.db, { type: 'contract', limit: 200 }, { scope: { kind: 'all' }, readable: 'all' });
    for (const level of Object.keys(CONTRACT_TABLE) as AccessLevel[]) {
      const scope = scopeFor(level, type, viewer);
      const inSql = new Set(await listed('contract', { scope, readable: new Set(['number']) }));
      for (const r of all.items) {
        const createdByUser = r.data.number === 'own' ? 'u_viewer' : r.data.number === 'other' ? 'u_someone' : null;
        const links = { account: r.data.account ? [r.data.account as string] : [], holder: r.data.holder ? [r.data.holder as string] : [] };
        expect(inSql.has(r.id), `${level}/${String(r.data.number)}`).toBe(recordInScope(scope, { id: r.id, createdByUser, links }));
      }
    }
  });

  it('built-in Account: "account" reaches the viewer\'s accounts (the record itself), nothing else', async () => {
    const type = await requireType(srv.db, 'account');
    expect((await listed('account', access(type, 'contact', ['name']))).sort()).toEqual([]);
    expect((await listed('account', access(type, 'account', ['name']))).sort()).toEqual([ids.accA, ids.accB].sort());
    expect(await listed('account', access(type, 'all', ['name']))).toHaveLength(3);
  });

  it('built-in Contact: "contact" is the viewer\'s own contact; "account" adds colleagues sharing an account', async () => {
    const type = await requireType(srv.db, 'contact');
    expect(await listed('contact', access(type, 'contact', ['name']))).toEqual([ids.conV]);
    expect((await listed('contact', access(type, 'account', ['name']))).sort()).toEqual([ids.conV, ids.conW].sort());
  });

  it('a type without links: contact and account levels reach own records only', async () => {
    const type = await requireType(srv.db, 'memo');
    for (const level of ['own', 'contact', 'account'] as const) expect(await listed('memo', access(type, level, ['subject']))).toEqual([ids['memo:own']]);
    expect(await listed('memo', access(type, 'none', ['subject']))).toEqual([]);
  });

  it('a viewer without a user or contact reaches nothing below "all"', async () => {
    const type = await requireType(srv.db, 'contract');
    const nobody: DataViewer = { userId: null, contactId: null, accountIds: [] };
    for (const level of ['own', 'contact', 'account'] as const) {
      expect(await listed('contract', { scope: scopeFor(level, type, nobody), readable: new Set(['number']) })).toEqual([]);
    }
  });
});

describe('field filtering in SQL', () => {
  it('returns only readable fields, never internal ones, and no externalId unless readable', async () => {
    const type = await requireType(srv.db, 'contract');
    await updateRecord(srv.db, system, { type: 'contract', id: ids['contract:account']!, data: { notes: 'secret note' } });
    const page = await queryRecords(srv.db, { type: 'contract', limit: 200 }, access(type, 'account', ['number']));
    const row = page.items.find((r) => r.id === ids['contract:account'])!;
    expect(row.data).toEqual({ number: 'account' });
    expect(row).not.toHaveProperty('externalId');
    expect(JSON.stringify(page)).not.toContain('secret note');
    const one = await findRecord(srv.db, 'contract', ids['contract:account']!, access(type, 'account', ['number', 'price']));
    expect(Object.keys(one!.data).sort()).toEqual(['number', 'price']);
  });

  it('filtering, sorting or selecting by an unreadable field is FORBIDDEN, naming the field', async () => {
    const type = await requireType(srv.db, 'contract');
    const a = access(type, 'all', ['number']);
    const forbidden = (p: Promise<unknown>, field: string) =>
      expect(p).rejects.toSatisfy((e: unknown) => e instanceof TRPCError && e.code === 'FORBIDDEN' && e.message.includes(`"${field}"`));
    await forbidden(queryRecords(srv.db, { type: 'contract', filters: [{ field: 'price', op: 'gt', value: 1 }] }, a), 'price');
    await forbidden(queryRecords(srv.db, { type: 'contract', sort: [{ field: 'price', dir: 'asc' }] }, a), 'price');
    await forbidden(queryRecords(srv.db, { type: 'contract', fields: ['notes'] }, a), 'notes');
    await forbidden(queryRecords(srv.db, { type: 'contract', filters: [{ field: 'externalId', op: 'eq', value: 'x' }] }, a), 'externalId');
  });

  it('search only looks at fields the viewer may read', async () => {
    const type = await requireType(srv.db, 'contract');
    expect(await listed('contract', { scope: { kind: 'all' }, readable: new Set(['price']) })).toHaveLength(5);
    const page = await queryRecords(srv.db, { type: 'contract', search: 'acc' }, { scope: scopeFor('all', type, viewer), readable: new Set(['price']) });
    expect(page.items).toEqual([]); // the title (number) is not readable, so it is not searched
  });
});

describe('filters, sort and keyset paging', () => {
  it('pages through a sort with ties and absent values without losing or repeating a record', async () => {
    const key = 'pagingtest';
    await createType(srv.db, system, {
      key,
      label: { singular: 'Row', plural: 'Rows' },
      titleField: 'name',
      fields: [
        { key: 'name', label: 'Name', type: 'text', required: true },
        { key: 'score', label: 'Score', type: 'number' },
        { key: 'tag', label: 'Tag', type: 'enum', options: ['a', 'b', 'c'].map((v) => ({ value: v, label: v })) },
      ],
    });
    const made: { id: string; name: string; score?: number; tag: string }[] = [];
    for (let i = 0; i < 37; i++) {
      const data = { name: `Row ${String(i).padStart(2, '0')}`, ...(i % 5 === 0 ? {} : { score: i % 4 }), tag: 'abc'[i % 3]! };
      made.push({ id: await create(key, data), ...data });
    }
    for (const dir of ['asc', 'desc'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await queryRecords(srv.db, { type: key, sort: [{ field: 'score', dir }], limit: 4, ...(cursor ? { cursor } : {}) }, { scope: { kind: 'all' }, readable: 'all' });
        seen.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(new Set(seen).size).toBe(37);
      const scores = seen.map((id) => made.find((m) => m.id === id)!.score);
      const present = scores.filter((s) => s !== undefined);
      expect(present).toEqual([...present].sort((x, y) => (dir === 'asc' ? x! - y! : y! - x!)));
      // Records without a score come last, in either direction.
      expect(scores.slice(present.length).every((s) => s === undefined)).toBe(true);
    }
    const b = await queryRecords(srv.db, { type: key, filters: [{ field: 'tag', op: 'eq', value: 'b' }, { field: 'score', op: 'gte', value: 2 }], limit: 200 }, { scope: { kind: 'all' }, readable: 'all' });
    expect(b.items.map((r) => r.data.name).sort()).toEqual(made.filter((m) => m.tag === 'b' && (m.score ?? -1) >= 2).map((m) => m.name).sort());
    const none = await queryRecords(srv.db, { type: key, filters: [{ field: 'score', op: 'isNull', value: true }], limit: 200 }, { scope: { kind: 'all' }, readable: 'all' });
    expect(none.items).toHaveLength(made.filter((m) => m.score === undefined).length);
  });

  it('fields named like Object.prototype members are ordinary fields', async () => {
    await createType(srv.db, system, {
      key: 'protofields',
      label: { singular: 'Odd', plural: 'Odds' },
      titleField: 'constructor',
      fields: [
        { key: 'constructor', label: 'Constructor', type: 'text', required: true },
        { key: 'toString', label: 'To string', type: 'number' },
      ],
    });
    await create('protofields', { constructor: 'b', toString: 2 });
    await create('protofields', { constructor: 'a', toString: 1 });
    const page = await queryRecords(srv.db, { type: 'protofields', sort: [{ field: 'toString', dir: 'desc' }], filters: [{ field: 'constructor', op: 'ne', value: 'z' }] }, { scope: { kind: 'all' }, readable: 'all' });
    expect(page.items.map((r) => r.data)).toEqual([{ constructor: 'b', toString: 2 }, { constructor: 'a', toString: 1 }]);
    await expect(queryRecords(srv.db, { type: 'protofields', sort: [{ field: 'hasOwnProperty', dir: 'asc' }] }, { scope: { kind: 'all' }, readable: 'all' })).rejects.toThrow(/no field "hasOwnProperty"/);
  });

  it('a cursor from another sort, or an altered one, is a clear BAD_REQUEST', async () => {
    const first = await queryRecords(srv.db, { type: 'contract', limit: 2 }, { scope: { kind: 'all' }, readable: 'all' });
    expect(first.nextCursor).toBeTruthy();
    await expect(queryRecords(srv.db, { type: 'contract', limit: 2, sort: [{ field: 'price', dir: 'asc' }], cursor: first.nextCursor! }, { scope: { kind: 'all' }, readable: 'all' })).rejects.toThrow(/cursor is not valid/);
    await expect(queryRecords(srv.db, { type: 'contract', limit: 2, cursor: 'garbage' }, { scope: { kind: 'all' }, readable: 'all' })).rejects.toThrow(/cursor is not valid/);
  });
});
