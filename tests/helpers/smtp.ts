// A real SMTP server for tests (smtp-server, in process, on 127.0.0.1): point SMTP_URL at `url` and
// read what arrived in `messages`, or wait for one with `waitFor`. Messages are decoded just enough
// to assert on: headers, the subject (RFC 2047 words), and the text and HTML parts (quoted-printable
// or base64, UTF-8).
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = {
  /** The envelope: MAIL FROM and RCPT TO. */
  envelope: { from: string; to: string[] };
  /** Header names in lower case; a repeated header keeps its last value. */
  headers: Record<string, string>;
  subject: string;
  text: string;
  html: string;
  raw: string;
  receivedAt: Date;
};

export type TestSmtp = {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  port: number;
  messages: ReceivedMail[];
  /** The first message, already received or arriving within the timeout, that matches. */
  waitFor: (predicate: (m: ReceivedMail) => boolean, timeoutMs?: number) => Promise<ReceivedMail>;
  stop: () => Promise<void>;
};

/**
 * Starts an SMTP server on an ephemeral port (or `port`, to bring one back up after stop()).
 * `rejectRecipient` answers RCPT TO with 550 for the addresses it returns true for: a permanent failure.
 */
export async function startSmtpServer(opts: { port?: number; rejectRecipient?: (address: string) => boolean } = {}): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    // No TLS upgrade: the server would offer a self-signed certificate the client rightly refuses.
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 200,
    onRcptTo(address, _session, callback) {
      if (opts.rejectRecipient?.(address.address)) {
        callback(Object.assign(new Error(`Mailbox unavailable: ${address.address}`), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        messages.push({ ...parseMessage(raw), envelope: { from, to: session.envelope.rcptTo.map((r) => r.address) }, raw, receivedAt: new Date() });
        for (const w of waiters) w();
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  const waitFor = (predicate: (m: ReceivedMail) => boolean, timeoutMs = 10_000) =>
    new Promise<ReceivedMail>((resolve, reject) => {
      const check = () => {
        const found = messages.find(predicate);
        if (!found) return false;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no matching email within ${timeoutMs} ms; received: ${JSON.stringify(messages.map((m) => `${m.envelope.to.join(',')}: ${m.subject}`))}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitFor,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ---------------------------------------------------------------------------------------------
// Just enough MIME to read what nodemailer writes.

type Part = { headers: Record<string, string>; body: string };

function splitPart(raw: string): Part {
  const m = /\r?\n\r?\n/.exec(raw);
  const head = m ? raw.slice(0, m.index) : raw;
  const body = m ? raw.slice(m.index + m[0].length) : '';
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function decodeBody(part: Part): string {
  const encoding = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  let bytes: Buffer;
  if (encoding === 'base64') bytes = Buffer.from(part.body.replace(/\s+/g, ''), 'base64');
  else if (encoding === 'quoted-printable') {
    bytes = Buffer.from(
      part.body.replace(/=\r?\n/g, '').replace(/(=[0-9A-Fa-f]{2})+/g, (run) => Buffer.from(run.replace(/=/g, ''), 'hex').toString('latin1')),
      'latin1',
    );
  } else bytes = Buffer.from(part.body, 'utf8');
  return bytes.toString('utf8').replace(/\r\n/g, '\n');
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`); adjacent words join without the space between. */
export function decodeHeader(value: string): string {
  return value.replace(/(=\?[^?]+\?[QqBb]\?[^?]*\?=)(\s+(?==\?))?/g, '$1').replace(/(?:=\?[^?]+\?[QqBb]\?[^?]*\?=)+/g, (run) => {
    const bytes: Buffer[] = [];
    for (const [, , enc, text] of run.matchAll(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g)) {
      if (enc!.toUpperCase() === 'B') bytes.push(Buffer.from(text!, 'base64'));
      else bytes.push(Buffer.from(text!.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1'));
    }
    return Buffer.concat(bytes).toString('utf8');
  });
}

function leaves(part: Part): Part[] {
  const type = part.headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!/^multipart\//i.test(type) || !boundary) return [part];
  const out: Part[] = [];
  for (const chunk of part.body.split(`--${boundary}`).slice(1)) {
    if (chunk.startsWith('--')) break;
    out.push(...leaves(splitPart(chunk.replace(/^\r?\n/, '').replace(/\r?\n$/, ''))));
  }
  return out;
}

function parseMessage(raw: string): Pick<ReceivedMail, 'headers' | 'subject' | 'text' | 'html'> {
  const top = splitPart(raw);
  const parts = leaves(top);
  const of = (type: RegExp) => {
    const p = parts.find((x) => type.test(x.headers['content-type'] ?? 'text/plain'));
    return p ? decodeBody(p) : '';
  };
  return { headers: top.headers, subject: decodeHeader(top.headers.subject ?? ''), text: of(/^text\/plain/i), html: of(/^text\/html/i) };
}
