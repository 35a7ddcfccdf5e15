// Delivering the outbox: the SMTP transport (nodemailer), the delivery loop (a timer plus nudges
// after each enqueue), and who runs it. One process delivers: the server itself, or with WORKERS > 1
// the cluster's primary, to which workers forward their nudges over IPC. Claims make a second
// deliverer harmless (outbox.ts), so this is about not polling from every worker, not correctness.
import { createTransport } from 'nodemailer';
import { z } from 'zod';
import type { Config } from '../config';
import type { Db } from '../db/database';
import { deliverDue, registerOutbox, type MailTransport } from './outbox';

/** Due emails are looked for at least this often; enqueues and retries nudge the loop sooner. */
export const DELIVERY_INTERVAL_MS = 10_000;
const NUDGE_MESSAGE = 'portico:outbox-nudge';

/** A cluster worker's message asking the primary to deliver now. */
export const isOutboxNudge = (message: unknown): boolean =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === NUDGE_MESSAGE;

/**
 * The sender address: `from` in SMTP_URL's query (`smtp://…:587/?from=portal@example.com`), else
 * no-reply@ the PUBLIC_URL host. The display name is each email's portal.
 */
export function senderAddress(smtpUrl: string, publicUrl: URL | undefined): string {
  const from = new URL(smtpUrl).searchParams.get('from');
  if (from === null) return `no-reply@${publicUrl?.hostname ?? 'localhost'}`;
  const parsed = z.email().safeParse(from);
  if (!parsed.success) throw new Error(`SMTP_URL: from=${from} is not an email address`);
  return parsed.data;
}

/** Sends through SMTP_URL (smtp:// or smtps://, credentials in the URL, nodemailer's query options). */
export function createSmtpTransport(smtpUrl: string, publicUrl?: URL): MailTransport {
  const address = senderAddress(smtpUrl, publicUrl);
  const url = new URL(smtpUrl);
  url.searchParams.delete('from');
  const domain = address.slice(address.lastIndexOf('@') + 1);
  // Short timeouts: a send that hangs holds the loop, and its claim lease (outbox.ts) must outlast it.
  const transporter = createTransport({ url: url.toString(), connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000, dnsTimeout: 10_000 });
  return {
    async send(email) {
      await transporter.sendMail({
        from: { name: email.fromName, address },
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        // The same Message-ID on every attempt, so a resend after a crash can be recognised.
        messageId: `<${email.id}@${domain}>`,
        // RFC 3834: out-of-office replies and the like are not sent back to automatic emails.
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    },
    close: () => transporter.close(),
  };
}

export type DeliveryLoop = { nudge: () => void; stop: () => Promise<void> };

/**
 * Delivers due emails now, then whenever nudged and at least every `intervalMs`. Passes never
 * overlap: a nudge during a pass runs another right after it. stop() waits for the send in flight.
 */
export function startDeliveryLoop(db: Db, transport: MailTransport, opts: { log: (m: string) => void; intervalMs?: number }): DeliveryLoop {
  const intervalMs = opts.intervalMs ?? DELIVERY_INTERVAL_MS;
  let stopped = false;
  let again = false;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const pass = async () => {
    do {
      again = false;
      try {
        const report = await deliverDue(db, transport, new Date(), { shouldStop: () => stopped });
        for (const e of report.errors) opts.log(`outbox: email ${e.id}, attempt ${e.attempt}, failed${e.final ? ' for good' : ', will retry'}: ${e.error}`);
        if (report.more) again = true;
      } catch (err) {
        opts.log(`outbox: delivery pass failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    } while (again && !stopped);
  };
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = pass().finally(() => {
      running = undefined;
      if (!stopped) {
        timer = setTimeout(run, intervalMs);
        timer.unref();
      }
    });
  };
  run();
  return {
    nudge: run,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
      transport.close?.();
    },
  };
}

/**
 * Resolves true once the row is visible outside the transaction that wrote it (it committed), false
 * if it never shows (rolled back, or slower than the last look: the timer picks it up then).
 */
async function whenCommitted(db: Db, id: string, stopped: () => boolean): Promise<boolean> {
  // On SQLite the first look already waits for the writing transaction: one connection, one mutex.
  for (const delay of [0, 25, 100, 400, 1500]) {
    if (delay) await new Promise((r) => setTimeout(r, delay).unref());
    if (stopped()) return false;
    try {
      if (await db.selectFrom('outbox').select('id').where('id', '=', id).executeTakeFirst()) return true;
    } catch {
      return false;
    }
  }
  return false;
}

export type Outbox = { nudge: () => void; stop: () => Promise<void> };

/**
 * Sets up this process's outbox. Without SMTP_URL emails are kept; with it, role 'deliver' runs the
 * delivery loop here (a single process, or the cluster primary) and 'forward' (a cluster worker)
 * asks the primary to deliver once an enqueue has committed.
 */
export function startOutbox(opts: { db: Db; config: Config; log: (m: string) => void; role: 'deliver' | 'forward'; intervalMs?: number }): Outbox {
  const { db, config, log, role } = opts;
  const keep = !config.smtpUrl;
  let stopped = false;
  let loop: DeliveryLoop | undefined;
  if (config.smtpUrl && role === 'deliver') {
    const smtp = new URL(config.smtpUrl);
    loop = startDeliveryLoop(db, createSmtpTransport(config.smtpUrl, config.publicUrl), { log, intervalMs: opts.intervalMs });
    log(`Emails are sent through ${smtp.protocol}//${smtp.host} as ${senderAddress(config.smtpUrl, config.publicUrl)}.`);
  } else if (keep && role === 'deliver') {
    log('SMTP_URL is not set: emails are kept in the outbox (the builder shows them), not sent.');
  }
  const forward = () => process.send?.({ type: NUDGE_MESSAGE });
  const unregister = registerOutbox({
    keep,
    onEnqueued: (id) => {
      void whenCommitted(db, id, () => stopped).then((committed) => {
        if (!committed || stopped) return;
        if (loop) loop.nudge();
        else if (role === 'forward') forward();
      });
    },
  });
  return {
    nudge: () => loop?.nudge(),
    stop: async () => {
      stopped = true;
      unregister();
      await loop?.stop();
    },
  };
}
