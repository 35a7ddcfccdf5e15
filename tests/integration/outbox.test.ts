// The email outbox against a real SMTP server (smtp-server, in process): an email exists only if
// its transaction commits, is delivered promptly and exactly once even with delivery loops racing,
// is retried with backoff while SMTP is down and delivered when it is back, fails for good on a
// permanent rejection or after the last attempt (and an admin can retry it), and is kept, never
// sent, without SMTP_URL. The admin API lists, reads and retries emails for owners and admins only.
// Finally a WORKERS=2 cluster: a worker's enqueue is delivered by the primary, promptly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Selectable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, writeTx, type Db } from '../../server/db/database';
import type { OutboxTable } from '../../server/db/schema';
import { deliverDue, enqueueEmail, MAX_ATTEMPTS, RETRY_DELAYS_MS, type MailTransport } from '../../server/services/outbox';
import { createSmtpTransport } from '../../server/services/outbox-delivery';
import { startChildServer, waitForExit } from '../helpers/child-server';
import { adminWithRole, Client, OWNER, signIn, startTestServer, type TestServer } from '../helpers/server';
import { startSmtpServer, type TestSmtp } from '../helpers/smtp';

type Row = Selectable<OutboxTable>;
type Summary = { id: string; to: string; subject: string; template: string; status: string; attempts: number; createdAt: string; sentAt: string | null; lastError: string | null };
type Email = Summary & { text: string; html: string; linksRemoved: boolean };
type Page = { items: Summary[]; nextCursor: string | null; counts: Record<string, number>; smtpConfigured: boolean };

const PG = process.env.PORTICO_TEST_PG;
const linkFor = (to: string) => `https://portal.example/p/acme/reset-password?token=${encodeURIComponent(to)}-secret`;
const uniq = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}@customer.example`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function rowsTo(db: Db, to: string): Promise<Row[]> {
  const rows = await db.selectFrom('outbox').selectAll().execute();
  return rows.filter((r) => (JSON.parse(r.payload) as { to: string }).to === to);
}

async function until<T>(what: string, fn: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const ms = (iso: string) => Date.parse(iso);

describe('outbox with SMTP', () => {
  let smtp: TestSmtp;
  let srv: TestServer;
  let owner: Client;
  let portalId: string;
  const rejectRecipient = (a: string) => a.startsWith('bounce');

  beforeAll(async () => {
    smtp = await startSmtpServer({ rejectRecipient });
    srv = await startTestServer({ SMTP_URL: `${smtp.url}/?from=portal@acme.example` });
    owner = await signIn(srv.url);
    portalId = (await owner.mutate<{ id: string }>('portals.create', { slug: 'acme', name: 'Acme Energy' })).data!.id;
  });
  afterAll(async () => {
    await srv?.stop();
    await smtp?.stop();
  });

  const enqueue = (to: string, extra: { template?: 'reset-password' | 'invite' | 'password-changed'; db?: Db } = {}) =>
    writeTx(extra.db ?? srv.db, (trx) => enqueueEmail(trx, { portalId, to, template: extra.template ?? 'reset-password', data: { userName: 'Jane', link: linkFor(to), expiresIn: '1 hour' } }));
  const transport = () => createSmtpTransport(smtp.url);

  it('delivers an email whose transaction commits, promptly (nudged, not on the next tick) and once', async () => {
    // Three in a row, each well within the 10-second timer: a missing nudge would show.
    for (let i = 0; i < 2; i++) {
      const early = uniq(`prompt${i}`);
      const t0 = Date.now();
      await enqueue(early);
      await smtp.waitFor((m) => m.envelope.to.includes(early));
      expect(Date.now() - t0).toBeLessThan(2_500);
    }
    const to = uniq('jane');
    const t0 = Date.now();
    await enqueue(to);
    const mail = await smtp.waitFor((m) => m.envelope.to.includes(to));
    expect(Date.now() - t0).toBeLessThan(2_500);
    expect(mail.subject).toBe('Reset your Acme Energy password');
    expect(mail.headers.from).toBe('Acme Energy <portal@acme.example>');
    expect(mail.headers['auto-submitted']).toBe('auto-generated');
    expect(mail.text).toContain(linkFor(to));
    expect(mail.html).toContain('Reset your password');
    expect(mail.html).toContain(`href="${linkFor(to).replace(/=/g, '&#x3D;')}"`);

    const [row] = await until('the row to be marked sent', async () => {
      const rows = await rowsTo(srv.db, to);
      return rows[0]?.status === 'sent' ? rows : undefined;
    });
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null, portal_id: portalId });
    expect(mail.headers['message-id']).toBe(`<${row!.id}@acme.example>`);
    // Once sent, the single-use link is no longer kept in the database.
    expect(row!.payload).not.toContain('-secret');
    await sleep(300);
    expect(smtp.messages.filter((m) => m.envelope.to.includes(to))).toHaveLength(1);
  });

  it('never sends an email whose transaction rolls back', async () => {
    const to = uniq('rolled-back');
    await expect(
      writeTx(srv.db, async (trx) => {
        await enqueueEmail(trx, { portalId, to, template: 'invite', data: { link: linkFor(to) } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const report = await deliverDue(srv.db, transport());
    expect(report.sent).toBe(0);
    await sleep(1_000);
    expect(await rowsTo(srv.db, to)).toEqual([]);
    expect(smtp.messages.some((m) => m.envelope.to.includes(to))).toBe(false);
  });

  it('refuses what it cannot send, inside the transaction (so the change rolls back too)', async () => {
    const bad = (input: Partial<Parameters<typeof enqueueEmail>[1]>) =>
      writeTx(srv.db, (trx) => enqueueEmail(trx, { portalId, to: uniq('x'), template: 'invite', data: { link: 'https://ok.example/' }, ...input }));
    await expect(bad({ to: 'not an address' })).rejects.toThrow(/not an email address/);
    await expect(bad({ to: 'a@b.example\r\nBcc: c@d.example' })).rejects.toThrow(/not an email address/);
    await expect(bad({ portalId: 'p_missing' })).rejects.toThrow(/no portal/);
    await expect(bad({ data: { link: 'javascript:alert(1)' } })).rejects.toThrow(/link must be an absolute http\(s\) URL/);
    await expect(bad({ data: {} })).rejects.toThrow(/link/);
  });

  it('delivers each committed email exactly once with three delivery loops racing', async () => {
    // A second connection (SQLite: another handle on the file; Postgres: the pool's other
    // connections) is what a second process would be.
    const other = PG ? srv.db : await openDatabase({ kind: 'sqlite', file: path.join(srv.dataDir, 'portico.sqlite') });
    try {
      const recipients = Array.from({ length: 12 }, (_, i) => uniq(`race${i}`));
      await writeTx(srv.db, async (trx) => {
        for (const to of recipients) await enqueueEmail(trx, { portalId, to, template: 'invite', data: { link: linkFor(to) } });
      });
      const drain = async (db: Db) => {
        let sent = 0;
        for (;;) {
          const r = await deliverDue(db, transport(), new Date(), { limit: 3 });
          sent += r.sent;
          if (r.sent + r.retrying + r.failed + r.skipped === 0) return sent;
        }
      };
      // The server's own loop was nudged by the enqueues and races these two.
      const sentByUs = await Promise.all([drain(srv.db), drain(other), drain(other)]);
      for (const to of recipients) await smtp.waitFor((m) => m.envelope.to.includes(to));
      await sleep(500);
      for (const to of recipients) expect(smtp.messages.filter((m) => m.envelope.to.includes(to)), to).toHaveLength(1);
      expect(sentByUs.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(recipients.length);
      for (const to of recipients) expect((await rowsTo(srv.db, to))[0]).toMatchObject({ status: 'sent', attempts: 1 });
    } finally {
      if (other !== srv.db) await other.destroy();
    }
  });

  it('retries with backoff while SMTP is down, and delivers once it is back', async () => {
    const port = smtp.port;
    await smtp.stop();
    let up = false;
    try {
      const to = uniq('down');
      await enqueue(to);
      // The server's loop tries at once (nudged) and fails: connection refused.
      const [first] = await until('the first failed attempt', async () => {
        const rows = await rowsTo(srv.db, to);
        return rows[0]?.attempts === 1 && rows[0].last_error ? rows : undefined;
      });
      expect(first!.status).toBe('pending');
      expect(first!.last_error).toMatch(/ECONNREFUSED/);
      const wait1 = ms(first!.next_attempt_at) - ms(first!.created_at);
      expect(wait1).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[0]);
      expect(wait1).toBeLessThan(RETRY_DELAYS_MS[0] + 5_000);

      // Not due yet: nothing happens.
      expect((await deliverDue(srv.db, transport(), new Date(ms(first!.next_attempt_at) - 1_000))).retrying).toBe(0);

      // Due: the second attempt fails too, and waits longer.
      const at2 = new Date(first!.next_attempt_at);
      const r2 = await deliverDue(srv.db, transport(), at2);
      expect(r2).toMatchObject({ retrying: 1, sent: 0 });
      const [second] = await rowsTo(srv.db, to);
      expect(second!.attempts).toBe(2);
      expect(ms(second!.next_attempt_at) - at2.getTime()).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[1]);
      expect(ms(second!.next_attempt_at) - at2.getTime()).toBeLessThan(RETRY_DELAYS_MS[1] + 5_000);

      // SMTP is back on the same address; the next due attempt delivers it.
      smtp = await startSmtpServer({ port, rejectRecipient });
      up = true;
      const r3 = await deliverDue(srv.db, transport(), new Date(second!.next_attempt_at));
      expect(r3).toMatchObject({ sent: 1 });
      const mail = await smtp.waitFor((m) => m.envelope.to.includes(to));
      expect(mail.text).toContain(linkFor(to));
      expect((await rowsTo(srv.db, to))[0]).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    } finally {
      // The later tests need it up, whatever happened here.
      if (!up) smtp = await startSmtpServer({ port, rejectRecipient });
    }
  });

  it('fails for good on a permanent rejection, at once', async () => {
    const to = uniq('bounce');
    await enqueue(to);
    const [row] = await until('the rejection', async () => {
      const rows = await rowsTo(srv.db, to);
      return rows[0]?.status === 'failed' ? rows : undefined;
    });
    expect(row).toMatchObject({ attempts: 1 });
    expect(row!.last_error).toMatch(/550/);
  });

  it(`fails for good after ${MAX_ATTEMPTS} attempts, each after its delay; an admin's retry then delivers it`, async () => {
    const to = uniq('flaky');
    // Not due for a day, so the server's own loop leaves it to this test's clock.
    const start = Date.now() + 24 * 3600_000;
    await writeTx(srv.db, async (trx) => {
      await enqueueEmail(trx, { portalId, to, template: 'password-changed', data: { link: 'https://portal.example/p/acme/forgot-password' } });
      await trx.updateTable('outbox').set({ next_attempt_at: new Date(start).toISOString() }).where('status', '=', 'pending').where('attempts', '=', 0).where('payload', 'like', `%${to}%`).execute();
    });
    const failing: MailTransport = {
      send: async () => {
        throw Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT' });
      },
    };
    let now = start;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const r = await deliverDue(srv.db, failing, new Date(now));
      expect(r.errors).toEqual([expect.objectContaining({ attempt, final: attempt === MAX_ATTEMPTS, error: 'ETIMEDOUT: Greeting never received' })]);
      const [row] = await rowsTo(srv.db, to);
      expect(row!.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(row!.status).toBe('pending');
        const wait = ms(row!.next_attempt_at) - now;
        expect(wait).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[attempt - 1]!);
        expect(wait).toBeLessThan(RETRY_DELAYS_MS[attempt - 1]! + 5_000);
        now = ms(row!.next_attempt_at);
      } else {
        expect(row).toMatchObject({ status: 'failed', last_error: 'ETIMEDOUT: Greeting never received' });
      }
    }
    const [failed] = await rowsTo(srv.db, to);
    const retried = await owner.mutate<Summary>('outbox.retry', { id: failed!.id });
    expect(retried.status).toBe(200);
    expect(retried.data).toMatchObject({ status: 'pending', attempts: 0 });
    const mail = await smtp.waitFor((m) => m.envelope.to.includes(to));
    expect(mail.subject).toBe('Your Acme Energy password was changed');
    await until('the retried email to be marked sent', async () => (await rowsTo(srv.db, to))[0]?.status === 'sent');
    const audit = await srv.db.selectFrom('audit_log').selectAll().where('action', '=', 'outbox.retry').where('target', '=', failed!.id).execute();
    expect(audit).toHaveLength(1);
    // Only failed emails are retried.
    const again = await owner.mutate('outbox.retry', { id: failed!.id });
    expect(again.status).toBe(412);
    expect((await owner.mutate('outbox.retry', { id: 'mail_missing' })).status).toBe(404);
  });

  it('lists emails newest first, filtered and paged, to owners and admins only', async () => {
    const anon = new Client(srv.url);
    const designer = await adminWithRole(srv.url, owner, 'designer');
    const admin = await adminWithRole(srv.url, owner, 'admin');
    const any = (await owner.query<Page>('outbox.list', {})).data!.items[0]!;
    for (const [proc, input, kind] of [
      ['outbox.list', {}, 'q'],
      ['outbox.get', { id: any.id }, 'q'],
      ['outbox.retry', { id: any.id }, 'm'],
    ] as const) {
      const a = kind === 'q' ? await anon.query(proc, input) : await anon.mutate(proc, input);
      expect(a.status, proc).toBe(401);
      const d = kind === 'q' ? await designer.query(proc, input) : await designer.mutate(proc, input);
      expect(d.status, proc).toBe(403);
    }

    const page = await admin.query<Page>('outbox.list', { portalId });
    expect(page.status).toBe(200);
    expect(page.data!.smtpConfigured).toBe(true);
    const created = page.data!.items.map((i) => i.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    expect(page.data!.counts.sent).toBeGreaterThanOrEqual(17);
    expect(page.data!.counts.failed).toBeGreaterThanOrEqual(1);
    expect(page.data!.items[0]).toMatchObject({ to: expect.any(String), subject: expect.any(String), template: expect.any(String), status: expect.any(String) });

    const failed = await admin.query<Page>('outbox.list', { status: 'failed' });
    expect(failed.data!.items.length).toBeGreaterThanOrEqual(1);
    expect(failed.data!.items.every((i) => i.status === 'failed' && i.lastError)).toBe(true);

    const other = (await owner.mutate<{ id: string }>('portals.create', { slug: 'other', name: 'Other' })).data!.id;
    expect((await admin.query<Page>('outbox.list', { portalId: other })).data!.items).toEqual([]);

    // Pages of 4 cover everything once, in order.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const p: Page = (await admin.query<Page>('outbox.list', { portalId, limit: 4, ...(cursor ? { cursor } : {}) })).data!;
      expect(p.items.length).toBeLessThanOrEqual(4);
      seen.push(...p.items.map((i) => i.id));
      cursor = p.nextCursor;
    } while (cursor);
    expect(seen).toEqual(page.data!.items.map((i) => i.id));
    expect(new Set(seen).size).toBe(seen.length);

    expect((await admin.query('outbox.list', { cursor: 'garbage' })).status).toBe(400);
    expect((await admin.query('outbox.list', { evil: 1 })).status).toBe(400);
    expect((await admin.query('outbox.list', { status: 'lost' })).status).toBe(400);
    expect((await admin.query('outbox.list', { limit: 1000 })).status).toBe(400);

    const sent = page.data!.items.find((i) => i.status === 'sent' && i.template === 'reset-password')!;
    const email = await admin.query<Email>('outbox.get', { id: sent.id });
    expect(email.status).toBe(200);
    expect(email.data).toMatchObject({ id: sent.id, to: sent.to, subject: 'Reset your Acme Energy password', linksRemoved: true });
    expect(email.data!.text).toContain('[link removed after sending]');
    expect(email.data!.text).not.toContain('-secret');
    expect(email.data!.html).toContain('<!doctype html>');
    expect(email.data!.html).not.toContain('-secret');
    expect((await admin.query('outbox.get', { id: 'mail_missing' })).status).toBe(404);
  });
});

describe('outbox without SMTP_URL', () => {
  let srv: TestServer;
  let owner: Client;
  let portalId: string;
  beforeAll(async () => {
    srv = await startTestServer();
    owner = await signIn(srv.url);
    portalId = (await owner.mutate<{ id: string }>('portals.create', { slug: 'kept', name: 'Kept Portal' })).data!.id;
  });
  afterAll(() => srv?.stop());

  it('keeps emails, never sends them, and shows them whole in the builder', async () => {
    const to = uniq('kept');
    await writeTx(srv.db, (trx) => enqueueEmail(trx, { portalId, to, template: 'magic-link', data: { link: linkFor(to) } }));
    expect(srv.logs.join('\n')).toContain('SMTP_URL is not set');
    const [row] = await rowsTo(srv.db, to);
    expect(row).toMatchObject({ status: 'kept', attempts: 0, sent_at: null });
    // No delivery loop picks kept emails up, whatever the clock says.
    const spy: MailTransport = { send: async () => expect.unreachable('a kept email was sent') };
    expect(await deliverDue(srv.db, spy, new Date(Date.now() + 365 * 24 * 3600_000))).toMatchObject({ sent: 0, failed: 0, retrying: 0 });
    await sleep(300);
    expect((await rowsTo(srv.db, to))[0]!.status).toBe('kept');

    const page = (await owner.query<Page>('outbox.list', { portalId })).data!;
    expect(page.smtpConfigured).toBe(false);
    expect(page.counts).toEqual({ pending: 0, sent: 0, failed: 0, kept: 1 });
    expect(page.items[0]).toMatchObject({ to, status: 'kept', template: 'magic-link', subject: 'Your sign-in link for Kept Portal' });
    // The link stays: without SMTP, the builder is where someone testing the portal finds it.
    const email = (await owner.query<Email>('outbox.get', { id: row!.id })).data!;
    expect(email.text).toContain(linkFor(to));
    expect(email.linksRemoved).toBe(false);

    await srv.db.updateTable('outbox').set({ status: 'failed' }).where('id', '=', row!.id).execute();
    const retry = await owner.mutate('outbox.retry', { id: row!.id });
    expect(retry.status).toBe(412);
    expect(retry.error?.message).toMatch(/SMTP_URL is not set/);
  });
});

describe('outbox in a cluster (WORKERS=2)', () => {
  it('delivers from the primary what a worker enqueued, promptly', async () => {
    const smtp = await startSmtpServer();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-outbox-cluster-'));
    const pg = PG ? await createPgDatabase() : undefined;
    const database = pg ? { kind: 'postgres' as const, url: pg.url } : { kind: 'sqlite' as const, file: path.join(dataDir, 'portico.sqlite') };
    const child = await startChildServer({
      DATA_DIR: dataDir,
      ...(pg ? { DATABASE_URL: pg.url } : {}),
      ADMIN_EMAIL: OWNER.email,
      ADMIN_PASSWORD: OWNER.password,
      SEED: 'none',
      WORKERS: '2',
      SMTP_URL: smtp.url,
      LOG_LEVEL: 'info',
    });
    const db = await openDatabase(database);
    try {
      const owner = new Client(child.url);
      expect((await owner.mutate('auth.login', OWNER)).status).toBe(200);
      const portalId = (await owner.mutate<{ id: string }>('portals.create', { slug: 'cluster', name: 'Cluster' })).data!.id;
      // A worker serves the retry and nudges the primary, which alone delivers. Three in a row, each
      // well within the 10-second timer: a nudge that did not arrive would show.
      for (let i = 0; i < 3; i++) {
        const to = uniq(`cluster${i}`);
        // Failed in the same transaction, so the primary's timer cannot send it before the retry.
        await writeTx(db, async (trx) => {
          await enqueueEmail(trx, { portalId, to, template: 'invite', data: { link: linkFor(to) } });
          await trx.updateTable('outbox').set({ status: 'failed', last_error: 'set up by the test' }).where('payload', 'like', `%${to}%`).execute();
        });
        const [row] = await rowsTo(db, to);
        const t0 = Date.now();
        expect((await owner.mutate('outbox.retry', { id: row!.id })).status).toBe(200);
        await smtp.waitFor((m) => m.envelope.to.includes(to), 8_000);
        expect(Date.now() - t0, `email ${i}`).toBeLessThan(4_000);
      }
      expect(child.output()).toContain('Emails are sent through smtp://127.0.0.1');
      expect(child.output().match(/Emails are sent through/g)).toHaveLength(1);
    } finally {
      child.proc.kill('SIGTERM');
      await waitForExit(child.proc);
      await db.destroy();
      await smtp.stop();
      await pg?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});

/** A fresh Postgres database for the child server (the integration-pg project). */
async function createPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `portico_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: PG });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(PG!);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}
