// A server killed with SIGKILL in the middle of a loop of saves loses no acknowledged revision, and
// the database stays consistent (PRAGMA integrity_check, foreign keys).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { PortalDocument } from '../../core';
import { Client, OWNER } from '../helpers/server';
import { startChildServer, waitForExit } from '../helpers/child-server';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-crash-'));
const env = { DATA_DIR: dataDir, ADMIN_EMAIL: OWNER.email, ADMIN_PASSWORD: OWNER.password, SEED: 'none', LOG_LEVEL: 'info' };
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

type Draft = { document: PortalDocument; revision: number };
const marker = (doc: PortalDocument) => (doc.pages[0]!.blocks.find((b) => b.id === 'h_marker')?.props.text as string | undefined) ?? null;
const withMarker = (doc: PortalDocument, text: string): PortalDocument => ({
  ...doc,
  pages: doc.pages.map((p, i) => (i === 0 ? { ...p, blocks: [...p.blocks.filter((b) => b.id !== 'h_marker'), { id: 'h_marker', type: 'heading', props: { text } }] } : p)),
});

describe('crash safety', () => {
  it('keeps every acknowledged save across three SIGKILLs', async () => {
    let portalId: string | undefined;
    for (let round = 0; round < 3; round++) {
      const child = await startChildServer(env);
      const client = new Client(child.url);
      expect((await client.mutate('auth.login', OWNER)).status).toBe(200);
      if (!portalId) portalId = (await client.mutate<{ id: string }>('portals.create', { slug: 'crash', name: 'Crash' })).data!.id;
      let { revision, document } = (await client.query<Draft>('portals.getDraft', { id: portalId })).data!;
      let acked = { revision, text: marker(document) };

      // Kill at a moment that falls inside the save loop, different each round.
      const killAfter = 150 + Math.floor(Math.random() * 350);
      const killer = setTimeout(() => child.proc.kill('SIGKILL'), killAfter);
      let saves = 0;
      try {
        for (;;) {
          const text = `round ${round} save ${saves}`;
          const r = await client.mutate<{ revision: number }>('portals.saveDraft', { id: portalId, baseRevision: revision, document: withMarker(document, text) });
          if (r.status !== 200) throw new Error(`save failed: ${r.status} ${r.error?.message}`);
          revision = r.data!.revision;
          document = withMarker(document, text);
          acked = { revision, text };
          saves++;
        }
      } catch (err) {
        // The connection dies with the process: that ends the loop.
        expect(String(err)).toMatch(/fetch failed|ECONNRESET|socket|other side closed/i);
      }
      clearTimeout(killer);
      await waitForExit(child.proc);
      expect(child.proc.signalCode).toBe('SIGKILL');
      expect(saves).toBeGreaterThan(0);

      const db = new Database(path.join(dataDir, 'portico.sqlite'));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        const row = db.prepare('select revision, document from portal_drafts where portal_id = ?').get(portalId) as { revision: number; document: string };
        // Nothing acknowledged is lost; at most the one in-flight save may also have landed.
        expect(row.revision === acked.revision || row.revision === acked.revision + 1).toBe(true);
        if (row.revision === acked.revision) expect(marker(JSON.parse(row.document))).toBe(acked.text);
      } finally {
        db.close();
      }
    }
    // And the server starts again on the same file and serves the latest draft.
    const child = await startChildServer(env);
    try {
      const client = new Client(child.url);
      await client.mutate('auth.login', OWNER);
      const d = await client.query<Draft>('portals.getDraft', { id: portalId });
      expect(d.status).toBe(200);
      expect(marker(d.data!.document)).toMatch(/^round 2 save \d+$/);
    } finally {
      child.proc.kill('SIGTERM');
      await waitForExit(child.proc);
    }
  }, 90_000);
});

describe('several workers (WORKERS=2)', () => {
  it('prepares the database once and serves from every worker on one port', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-workers-'));
    const child = await startChildServer({ ...env, DATA_DIR: dir, WORKERS: '2', SEED: 'demo' });
    try {
      expect(child.output()).toContain('(2 workers)');
      // Many requests: both workers answer, and writes from either land in the one database.
      const results = await Promise.all(Array.from({ length: 40 }, () => fetch(`${child.url}/portal/`).then((r) => r.status)));
      expect(results.every((s) => s === 200)).toBe(true);
      const clients = await Promise.all(Array.from({ length: 4 }, async () => {
        const c = new Client(child.url);
        expect((await c.mutate('auth.login', OWNER)).status).toBe(200);
        return c;
      }));
      const id = (await clients[0]!.query<{ id: string }[]>('portals.list')).data![0]!.id;
      for (let i = 0; i < 8; i++) {
        const c = clients[i % clients.length]!;
        const r = await c.mutate<{ name: string }>('portals.update', { id, name: `Portal ${i}` });
        expect(r.status).toBe(200);
      }
      expect((await clients[3]!.query<{ name: string }>('portals.get', { id })).data!.name).toBe('Portal 7');
      // The demo (a customer and a partner portal) was seeded exactly once.
      expect((await clients[1]!.query<unknown[]>('portals.list')).data).toHaveLength(2);
    } finally {
      child.proc.kill('SIGTERM');
      await waitForExit(child.proc);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
