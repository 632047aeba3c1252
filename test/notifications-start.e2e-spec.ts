import { migrate } from '../api/src/database/data-source.js';
import { type Run, run, started } from './support/built-process.js';
import { createTestDatabase } from './support/database.js';
import { newCase, seedCatalog } from './support/fixtures.js';
import { setPool } from './support/money.js';
import { freePort, smtpCatcher } from './support/smtp.js';
import { createTestApp } from './support/test-app.js';

// The built process as `npm start` runs it: what it says at start about e-mail, and two of
// them on one database sending each e-mail once.

const count = (text: string, part: string) => text.split(part).length - 1;

describe('E-mail at start', () => {
  let database: { url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    database = await createTestDatabase(migrate);
  });
  afterAll(() => database.drop());

  async function runUntilStarted(env: Record<string, string>): Promise<string> {
    const process = run({ DATABASE_URL: database.url, DEMO: 'false', PORT: String(await freePort()), ...env });
    try {
      await started('the app', process);
      return process.output();
    } finally {
      process.child.kill('SIGTERM');
      await process.exited;
    }
  }

  it('says once that e-mail is off without SMTP_URL', async () => {
    const output = await runUntilStarted({});
    expect(count(output, 'E-mail is off (SMTP_URL is not set)')).toBe(1);
  }, 120_000);

  it('names the SMTP server it sends through, never its password', async () => {
    const smtp = await smtpCatcher();
    try {
      const url = `smtp://mailer:pw-${'x'.repeat(12)}@127.0.0.1:${smtp.port}`;
      const output = await runUntilStarted({ SMTP_URL: url, MAIL_FROM: 'Exit Pool <noreply@exitpool.test>' });
      expect(count(output, `E-mail notifications go out through smtp://127.0.0.1:${smtp.port}`)).toBe(1);
      expect(output).not.toContain('pw-xxxx');
      expect(output).not.toContain('E-mail is off');
    } finally {
      await smtp.stop();
    }
  }, 120_000);

  it('refuses to start with SMTP_URL but no MAIL_FROM, naming it', async () => {
    const process = run({ DATABASE_URL: database.url, DEMO: 'false', SMTP_URL: 'smtp://127.0.0.1:2525' });
    // 78: EX_CONFIG, as for every bad variable
    expect(await process.exited).toBe(78);
    expect(process.output()).toContain('MAIL_FROM: MAIL_FROM must be set with SMTP_URL');
  });
});

describe('Two built API processes on one database', () => {
  it('send one e-mail per recipient and change, whichever process took the change', async () => {
    const database = await createTestDatabase(migrate);
    // a slow SMTP server: both processes deliver at the same time
    const smtp = await smtpCatcher({ delayMs: 150 });
    const processes: Run[] = [];
    const t = await createTestApp({}, database.url);
    try {
      await seedCatalog(t);
      await setPool(t, 100_000_000_000);
      const worker = await t.signedIn('unit_worker');
      const cps = [await t.signedIn('contact_point'), await t.signedIn('contact_point')];
      const caseId = (await newCase(t, worker.auth)).id;
      const ports = [await freePort(), await freePort()];
      for (const port of ports) {
        processes.push(
          run({
            DATABASE_URL: database.url,
            DEMO: 'false',
            PORT: String(port),
            MFA_REQUIRED_ROLES: 'none',
            SMTP_URL: smtp.url,
            MAIL_FROM: 'Exit Pool <noreply@exitpool.test>',
            LOG_LEVEL: 'info',
          }),
        );
      }
      await Promise.all(processes.map((p, i) => started(`API process ${i + 1}`, p)));
      const references: string[] = [];
      for (let i = 0; i < 8; i++) {
        const base = `http://127.0.0.1:${ports[i % 2]}`;
        const headers = { ...worker.auth, 'Content-Type': 'application/json' };
        const created = await fetch(`${base}/api/applications`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            caseId,
            categoryCode: 'relocation',
            amountRequested: 300_000,
            justification: 'A short stay away from the old milieu.',
            ordinaryFundingConsidered: true,
            lines: [{ description: 'Room, per night', quantity: 3, unitAmount: 100_000 }],
          }),
        });
        expect(created.status).toBe(201);
        const { id, reference } = (await created.json()) as { id: string; reference: string };
        expect((await fetch(`${base}/api/applications/${id}/submit`, { method: 'POST', headers })).status).toBe(200);
        references.push(reference);
      }
      await smtp.waitFor(16, { ms: 60_000 });
      // long enough for a second sending, had there been one (a worker polls every 5 s)
      await new Promise((r) => setTimeout(r, 12_000));
      const sent = smtp.mails.map((m) => `${m.to[0]} ${m.subject}`).sort();
      expect(sent).toEqual(
        references.flatMap((r) => cps.map((cp) => `${cp.user.email} ${r}: submitted for review`)).sort(),
      );
      // both processes delivered: each ran delivery jobs
      for (const p of processes) expect(p.output()).toContain('email-delivery finished');
      const rows = await t.db.query(`SELECT status, attempts FROM email_deliveries`);
      expect(rows).toHaveLength(16);
      expect(rows.every((r: { status: string; attempts: number }) => r.status === 'sent' && r.attempts === 1)).toBe(
        true,
      );
    } finally {
      for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGTERM');
      await Promise.all(processes.map((p) => p.exited));
      await t.close();
      await smtp.stop();
      await database.drop();
    }
  }, 240_000);
});
