import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort } from '../api/src/database/embedded-postgres.js';
import { checkLedger } from '../api/src/ledger/ledger-check.js';
import { newCase, seedCatalog, todayIso } from './support/fixtures.js';
import { TEST_ENCRYPTION_KEYS } from './support/encryption.js';
import { grant } from './support/money.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from './support/test-app.js';

const MAIN = resolve('dist/api/src/main.js');

/** The built API as its own process on the test's database, optionally with a test-only crash point. */
async function startApi(
  databaseUrl: string,
  faultPoint?: string,
): Promise<{ base: string; child: ChildProcess; exited: Promise<NodeJS.Signals | number | null> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS,
      PORT: String(port),
      DEMO: 'false',
      // the crash is the subject here, not the second factor
      MFA_REQUIRED_ROLES: 'none',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      ...(faultPoint ? { EXITPOOL_FAULT_POINT: faultPoint } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | number | null>((done) =>
    child.on('exit', (code, signal) => done(signal ?? code)),
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, child, exited };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error('the API did not start');
}

describe('A payment cut off by a crash', () => {
  let t: TestApp;
  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('Build first: npm run build (npm test does)');
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is all or nothing: after a restart, a retry with the same key records exactly one payment', async () => {
    await seedCatalog(t);
    const worker = await t.signedIn('unit_worker');
    const cp = await t.signedIn('contact_point');
    const financeUser = await t.newUser('finance');
    const g = await grant(t, worker.auth, cp.auth, (await newCase(t, worker.auth)).id, 5);
    const key = randomUUID();
    const payment = {
      applicationId: g.id,
      amount: 200_000,
      paidOn: todayIso(),
      payeeType: 'landlord',
    };

    const send = async (base: string) => {
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: financeUser.email, password: TEST_PASSWORD }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      return fetch(`${base}/api/disbursements`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}`, 'Idempotency-Key': key },
        body: JSON.stringify(payment),
      });
    };

    const crashing = await startApi(t.databaseUrl, 'disbursement.before-commit');
    await expect(send(crashing.base)).rejects.toThrow();
    expect(await crashing.exited).toBe('SIGKILL');
    const [{ count: afterCrash }] = await t.db.query(
      `SELECT count(*)::int AS count FROM disbursements WHERE application_id = $1`,
      [g.id],
    );
    expect(afterCrash).toBe(0);
    expect(await checkLedger(t.db.manager)).toEqual([]);

    const healthy = await startApi(t.databaseUrl);
    try {
      const retried = await send(healthy.base);
      expect(retried.status).toBe(201);
      const replayed = await send(healthy.base);
      expect(replayed.status).toBe(201);
      expect(((await replayed.json()) as { id: string }).id).toBe(((await retried.json()) as { id: string }).id);
    } finally {
      healthy.child.kill('SIGTERM');
      await healthy.exited;
    }
    const [{ count, paid }] = await t.db.query(
      `SELECT count(*)::int AS count, (SELECT paid_amount FROM applications WHERE id = $1)::int AS paid FROM disbursements WHERE application_id = $1`,
      [g.id],
    );
    expect({ count, paid }).toEqual({ count: 1, paid: 200_000 });
    expect(await checkLedger(t.db.manager)).toEqual([]);
  }, 120_000);
});
