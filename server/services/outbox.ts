// The outbox: emails are rendered and written in the caller's transaction (so an email exists if and
// only if the change that sends it committed), then delivered afterwards, with retries, by one
// delivery loop (outbox-delivery.ts). Each due row is claimed with a conditional update before it is
// sent, so two loops (processes, workers) never send the same row twice. Without SMTP_URL, emails
// are stored as 'kept': never sent, readable in the builder's Outbox.
import { TRPCError } from '@trpc/server';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { newId } from '../../core';
import { writeTx } from '../db/database';
import type { DB, OutboxStatus } from '../db/schema';
import { audit } from './audit';
import { escapeHtml, renderEmail, type EmailTemplateName } from './email-templates';

export type { EmailTemplateName } from './email-templates';

/** What an email row's payload holds: exactly what is (or was) sent. */
export type EmailPayload = {
  to: string;
  subject: string;
  text: string;
  html: string;
  template: EmailTemplateName;
  /** The sender's display name: the portal's name. The address comes from the configuration. */
  fromName: string;
  /** Values removed from the stored copy once sent (single-use links); absent once removed. */
  redact?: string[];
  /** Set once the single-use links have been removed from the stored copy. */
  redacted?: boolean;
};

/** Sends one email; throws on failure (nodemailer's errors carry `permanent` for 5xx replies). */
export type MailTransport = {
  send(email: { id: string; to: string; fromName: string; subject: string; text: string; html: string }): Promise<void>;
  close?(): void;
};

export const MAX_ATTEMPTS = 8;
/** The wait after failed attempt n (1-based) before attempt n + 1. */
export const RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 1_800_000, 3_600_000, 10_800_000, 21_600_000] as const;
/**
 * A claimed row is due again after this long, so a process that dies while sending does not strand
 * it. Longer than the transport's timeouts put together (outbox-delivery.ts), so a slow send is not
 * claimed twice.
 */
export const CLAIM_LEASE_MS = 5 * 60_000;
const BATCH = 20;
const REDACTED = '[link removed after sending]';
/** Links in these emails carry single-use tokens: not kept in the database once delivered. */
const TOKEN_TEMPLATES: ReadonlySet<EmailTemplateName> = new Set(['invite', 'confirm-email', 'reset-password', 'magic-link']);

// ---------------------------------------------------------------------------------------------
// This process's outbox settings. A server registers them when it starts (outbox-delivery.ts):
// whether emails are kept (no SMTP_URL) and whom to nudge after an enqueue. enqueueEmail() only
// receives a transaction, so this is per process; the latest registration decides `keep`.

type Registration = { keep: boolean; onEnqueued: (id: string) => void };
const registrations: Registration[] = [];

export function registerOutbox(registration: Registration): () => void {
  registrations.push(registration);
  return () => {
    const i = registrations.indexOf(registration);
    if (i >= 0) registrations.splice(i, 1);
  };
}

const recipientSchema = z.email('is not an email address').max(320);

/**
 * Renders an email now (so the outbox holds exactly what will be sent) and inserts it in the
 * caller's transaction: rolled back with it, or delivered after it commits. `data` is checked by
 * emailDataSchema (email-templates.ts): `link` must be an absolute http(s) URL; `portalName`
 * defaults to the portal's name. Throws on a bad address, unknown portal or bad data.
 */
export async function enqueueEmail(
  trx: Kysely<DB>,
  input: {
    portalId: string;
    to: string;
    template: EmailTemplateName;
    data: Record<string, unknown>;
  },
): Promise<void> {
  const to = recipientSchema.safeParse(input.to.trim());
  if (!to.success) throw new Error(`enqueueEmail: the recipient ${JSON.stringify(input.to)} is not an email address`);
  const portal = await trx.selectFrom('portals').select('name').where('id', '=', input.portalId).executeTakeFirst();
  if (!portal) throw new Error(`enqueueEmail: there is no portal ${input.portalId}`);
  const data: Record<string, unknown> = { portalName: portal.name, ...input.data, recipient: to.data };
  const email = renderEmail(input.template, data);
  const link = typeof data.link === 'string' ? data.link : undefined;
  const payload: EmailPayload = {
    to: to.data,
    ...email,
    template: input.template,
    fromName: String(data.portalName),
    ...(link && TOKEN_TEMPLATES.has(input.template) ? { redact: [link] } : {}),
  };
  const keep = registrations.at(-1)?.keep ?? false;
  const now = new Date().toISOString();
  const id = newId('mail');
  await trx
    .insertInto('outbox')
    .values({
      id,
      portal_id: input.portalId,
      kind: 'email',
      payload: JSON.stringify(payload),
      status: keep ? 'kept' : 'pending',
      attempts: 0,
      next_attempt_at: now,
      last_error: null,
      created_at: now,
      sent_at: null,
    })
    .execute();
  if (!keep) for (const r of registrations) r.onEnqueued(id);
}

// ---------------------------------------------------------------------------------------------
// Delivery

export type DeliveryReport = {
  sent: number;
  /** Failed attempts that will be tried again. */
  retrying: number;
  /** Emails that failed for good (a permanent rejection, or the last attempt). */
  failed: number;
  /** Due rows another loop claimed first. */
  skipped: number;
  /** Whether a full batch was due: call again. */
  more: boolean;
  errors: { id: string; attempt: number; error: string; final: boolean }[];
};

function readPayload(raw: string): EmailPayload {
  return JSON.parse(raw) as EmailPayload;
}

function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err).slice(0, 500);
  const code = (err as { code?: unknown }).code;
  return `${typeof code === 'string' && !err.message.includes(code) ? `${code}: ` : ''}${err.message}`.slice(0, 500);
}

/** Replaces each single-use link with a note, in the text as written and in the HTML as escaped. */
function redact(p: EmailPayload): EmailPayload {
  if (!p.redact?.length) return p;
  let { text, html } = p;
  for (const value of p.redact) {
    text = text.split(value).join(REDACTED);
    html = html.split(escapeHtml(value)).join(escapeHtml(REDACTED));
  }
  const { redact: _done, ...rest } = p;
  return { ...rest, text, html, redacted: true };
}

/**
 * Sends the emails that are due, oldest first, at most one batch. Each row is claimed first (a
 * conditional update on its attempts and next_attempt_at: whoever changes them first owns the
 * send), so concurrent callers never send a row twice. A failed attempt is retried after
 * RETRY_DELAYS_MS; a permanent rejection (SMTP 5xx) or the MAX_ATTEMPTS-th failure marks it
 * 'failed' with the error. `now` is when the call happens; times written advance from it.
 */
export async function deliverDue(
  db: Kysely<DB>,
  transport: MailTransport,
  now: Date = new Date(),
  opts: { limit?: number; shouldStop?: () => boolean } = {},
): Promise<DeliveryReport> {
  const limit = opts.limit ?? BATCH;
  const started = Date.now();
  // Real elapsed time added to `now`: exact in production, and consistent under a test's clock.
  const clock = () => new Date(now.getTime() + (Date.now() - started));
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, skipped: 0, more: false, errors: [] };
  const due = await db
    .selectFrom('outbox')
    .select(['id', 'payload', 'attempts', 'next_attempt_at'])
    .where('kind', '=', 'email')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  report.more = due.length === limit;

  for (const row of due) {
    if (opts.shouldStop?.()) {
      report.more = true;
      break;
    }
    const attempt = row.attempts + 1;
    const claimed = await writeTx(db, (trx) =>
      trx
        .updateTable('outbox')
        .set({ attempts: attempt, next_attempt_at: new Date(clock().getTime() + CLAIM_LEASE_MS).toISOString() })
        .where('id', '=', row.id)
        .where('status', '=', 'pending')
        .where('attempts', '=', row.attempts)
        .where('next_attempt_at', '=', row.next_attempt_at)
        .executeTakeFirst(),
    );
    if (Number(claimed.numUpdatedRows) !== 1) {
      report.skipped++;
      continue;
    }
    // Later writes are conditional on our claim still holding (attempts unchanged, still pending).
    const ours = (trx: Kysely<DB>) => trx.updateTable('outbox').where('id', '=', row.id).where('status', '=', 'pending').where('attempts', '=', attempt);
    let payload: EmailPayload;
    try {
      payload = readPayload(row.payload);
      await transport.send({ id: row.id, to: payload.to, fromName: payload.fromName, subject: payload.subject, text: payload.text, html: payload.html });
    } catch (err) {
      const error = describeError(err);
      const final = (err as { permanent?: unknown }).permanent === true || attempt >= MAX_ATTEMPTS;
      const at = clock();
      await writeTx(db, (trx) =>
        ours(trx)
          .set(
            final
              ? { status: 'failed', last_error: error, next_attempt_at: at.toISOString() }
              : { last_error: error, next_attempt_at: new Date(at.getTime() + RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length) - 1]!).toISOString() },
          )
          .execute(),
      );
      report.errors.push({ id: row.id, attempt, error, final });
      if (final) report.failed++;
      else report.retrying++;
      continue;
    }
    await writeTx(db, (trx) =>
      ours(trx)
        .set({ status: 'sent', sent_at: clock().toISOString(), last_error: null, payload: JSON.stringify(redact(payload)) })
        .execute(),
    );
    report.sent++;
  }
  return report;
}

// ---------------------------------------------------------------------------------------------
// The builder's view: list, read, retry

export type OutboxEmailSummary = {
  id: string;
  portalId: string | null;
  portalName: string | null;
  to: string;
  subject: string;
  template: EmailTemplateName;
  status: OutboxStatus;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  /** For pending emails: when the next attempt is due. */
  nextAttemptAt: string | null;
  lastError: string | null;
};
export type OutboxEmail = OutboxEmailSummary & { text: string; html: string; linksRemoved: boolean };

export const outboxStatusSchema = z.enum(['pending', 'sent', 'failed', 'kept']);

type Row = {
  id: string;
  portal_id: string | null;
  portal_name: string | null;
  payload: string;
  status: OutboxStatus;
  attempts: number;
  created_at: string;
  sent_at: string | null;
  next_attempt_at: string;
  last_error: string | null;
};

function summaryOf(r: Row, p: EmailPayload): OutboxEmailSummary {
  return {
    id: r.id,
    portalId: r.portal_id,
    portalName: r.portal_name,
    to: p.to,
    subject: p.subject,
    template: p.template,
    status: r.status,
    attempts: r.attempts,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
    lastError: r.last_error,
  };
}

const selectEmails = (db: Kysely<DB>) =>
  db
    .selectFrom('outbox as o')
    .leftJoin('portals as p', 'p.id', 'o.portal_id')
    .select(['o.id', 'o.portal_id', 'p.name as portal_name', 'o.payload', 'o.status', 'o.attempts', 'o.created_at', 'o.sent_at', 'o.next_attempt_at', 'o.last_error'])
    .where('o.kind', '=', 'email');

const cursorSchema = z.tuple([z.string().min(1).max(40), z.string().min(1).max(64)]);

function decodeCursor(cursor: string): [string, string] {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'cursor: not a cursor from outbox.list.' });
  }
}

/** Emails, newest first, a page at a time (`nextCursor` is null on the last page). */
export async function listOutbox(
  db: Kysely<DB>,
  input: { portalId?: string | undefined; status?: OutboxStatus | undefined; cursor?: string | undefined; limit: number },
): Promise<{ items: OutboxEmailSummary[]; nextCursor: string | null }> {
  let q = selectEmails(db);
  if (input.portalId) q = q.where('o.portal_id', '=', input.portalId);
  if (input.status) q = q.where('o.status', '=', input.status);
  if (input.cursor) {
    const [createdAt, id] = decodeCursor(input.cursor);
    q = q.where((eb) => eb.or([eb('o.created_at', '<', createdAt), eb.and([eb('o.created_at', '=', createdAt), eb('o.id', '<', id)])]));
  }
  const rows = await q.orderBy('o.created_at', 'desc').orderBy('o.id', 'desc').limit(input.limit + 1).execute();
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => summaryOf(r, readPayload(r.payload))),
    nextCursor: rows.length > input.limit && last ? Buffer.from(JSON.stringify([last.created_at, last.id])).toString('base64url') : null,
  };
}

const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'There is no such email in the outbox.' });

/** One email with its text and HTML bodies. */
export async function getOutboxEmail(db: Kysely<DB>, id: string): Promise<OutboxEmail> {
  const row = await selectEmails(db).where('o.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  const p = readPayload(row.payload);
  return { ...summaryOf(row, p), text: p.text, html: p.html, linksRemoved: p.redacted === true };
}

/** Tries a failed email again from the start (attempts back to 0). Audited. */
export async function retryOutboxEmail(db: Kysely<DB>, actor: { id: string }, id: string): Promise<OutboxEmailSummary> {
  const now = new Date().toISOString();
  const changed = await writeTx(db, async (trx) => {
    const row = await trx.selectFrom('outbox').select(['status', 'portal_id']).where('id', '=', id).where('kind', '=', 'email').executeTakeFirst();
    if (!row) throw notFound();
    if (row.status !== 'failed') {
      throw new TRPCError({ code: 'PRECONDITION_FAILED', message: `Only failed emails can be retried; this one is ${row.status}.` });
    }
    const r = await trx
      .updateTable('outbox')
      .set({ status: 'pending', attempts: 0, next_attempt_at: now })
      .where('id', '=', id)
      .where('status', '=', 'failed')
      .executeTakeFirst();
    await audit(trx, { actor_type: 'admin', actor_id: actor.id, portal_id: row.portal_id, action: 'outbox.retry', target: id });
    return Number(r.numUpdatedRows) === 1;
  });
  // Read before the delivery loop is nudged: the answer is the email as retried (pending, attempt
  // 0), not whatever a prompt delivery has made of it a moment later.
  const row = await selectEmails(db).where('o.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  if (changed) for (const r of registrations) r.onEnqueued(id);
  return summaryOf(row, readPayload(row.payload));
}

/** How many emails wait in each status, for the builder's filter. */
export async function countOutbox(db: Kysely<DB>, portalId?: string): Promise<Record<OutboxStatus, number>> {
  let q = db.selectFrom('outbox').select(['status', sql<number>`count(*)`.as('n')]).where('kind', '=', 'email');
  if (portalId) q = q.where('portal_id', '=', portalId);
  const rows = await q.groupBy('status').execute();
  const counts: Record<OutboxStatus, number> = { pending: 0, sent: 0, failed: 0, kept: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}
