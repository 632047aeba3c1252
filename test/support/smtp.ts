import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as the SMTP server received it, raw and decoded. */
export interface CaughtMail {
  /** The RCPT TO addresses. */
  to: string[];
  from: string;
  raw: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * A real SMTP server on loopback (the `smtp-server` package) that keeps what it
 * receives. It can be stopped and started again on the same port, to play an
 * SMTP server that is down.
 */
export interface SmtpCatcher {
  port: number;
  url: string;
  mails: CaughtMail[];
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Waits until `count` messages (for `to`, when given) have arrived; throws after `ms`. */
  waitFor(count: number, options?: { to?: string; ms?: number }): Promise<CaughtMail[]>;
}

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `delayMs`: how long the server takes to accept each message (a slow server makes senders overlap). */
export async function smtpCatcher(options: { started?: boolean; delayMs?: number } = {}): Promise<SmtpCatcher> {
  const port = await freePort();
  const mails: CaughtMail[] = [];
  let server: SMTPServer | undefined;
  const catcher: SmtpCatcher = {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async start() {
      if (server) return;
      const started = new SMTPServer({
        authOptional: true,
        disabledCommands: ['AUTH', 'STARTTLS'],
        logger: false,
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            mails.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              raw,
              ...decode(raw),
            });
            setTimeout(() => callback(), options.delayMs ?? 0);
          });
        },
      });
      await new Promise<void>((resolve, reject) => {
        started.once('error', reject);
        started.listen(port, '127.0.0.1', () => resolve());
      });
      server = started;
    },
    async stop() {
      const s = server;
      server = undefined;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    async waitFor(count, { to, ms = 30_000 } = {}) {
      const end = Date.now() + ms;
      const matching = () => mails.filter((m) => !to || m.to.includes(to));
      while (matching().length < count) {
        if (Date.now() > end) {
          throw new Error(`${matching().length} of ${count} e-mails${to ? ` to ${to}` : ''} arrived in ${ms} ms`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      return matching();
    },
  };
  if (options.started !== false) await catcher.start();
  return catcher;
}

/** Subject, text and HTML of a MIME message as nodemailer writes it (multipart/alternative, QP or base64). */
export function decode(raw: string): { subject: string; text: string; html: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = unfold(head);
  const subject = decodeWords(headers.subject ?? '');
  const body = rest.join('\n\n');
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  const parts = boundary
    ? body
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((part) => {
          const [partHead, ...partBody] = part.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
          return { headers: unfold(partHead), body: partBody.join('\n\n') };
        })
    : [{ headers, body }];
  const of = (mime: string) =>
    parts
      .filter((p) => (p.headers['content-type'] ?? 'text/plain').startsWith(mime))
      .map((p) => decodeBody(p.body, p.headers['content-transfer-encoding']))
      .join('\n');
  return { subject, text: of('text/plain'), html: of('text/html') };
}

function unfold(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return headers;
}

function decodeWords(text: string): string {
  return text
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _charset: string, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : quotedPrintable(data.replace(/_/g, ' ')),
    );
}

function decodeBody(body: string, encoding = '7bit'): string {
  const e = encoding.toLowerCase();
  if (e === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (e === 'quoted-printable') return quotedPrintable(body.replace(/=\r?\n/g, ''));
  return body;
}

function quotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(c, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
