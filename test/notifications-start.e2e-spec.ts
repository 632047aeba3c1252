import { migrate } from '../api/src/database/data-source.js';
import { run, started } from './support/built-process.js';
import { createTestDatabase } from './support/database.js';
import { freePort, smtpCatcher } from './support/smtp.js';

// The built process as `npm start` runs it: what it says at start about e-mail.

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
