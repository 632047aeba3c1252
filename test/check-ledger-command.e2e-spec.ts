import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { TEST_ENCRYPTION_KEYS } from './support/encryption.js';
import { newCase, seedCatalog } from './support/fixtures.js';
import { grant, pay, thisYear } from './support/money.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const COMMAND = resolve('dist/api/src/ledger/check-ledger.main.js');

/** `npm run check:ledger`, as an operator runs it against the database. */
describe('The ledger check command', () => {
  let t: TestApp;
  beforeAll(async () => {
    if (!existsSync(COMMAND)) throw new Error('Build first: npm run build (npm test does)');
    t = await createTestApp();
    await seedCatalog(t);
    const worker = await t.signedIn('unit_worker');
    const cp = await t.signedIn('contact_point');
    const finance = await t.signedIn('finance');
    const g = await grant(t, worker.auth, cp.auth, (await newCase(t, worker.auth)).id, 3);
    await pay(t, finance.auth, g.id, 100_000);
  });
  afterAll(() => t.close());

  const run = () =>
    spawnSync(process.execPath, [COMMAND], {
      env: { ...process.env, DATABASE_URL: t.databaseUrl, ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS },
      encoding: 'utf8',
    });

  it('says the books add up and exits 0', () => {
    const result = run();
    expect(result.stderr).toContain('The ledger adds up');
    expect(result.status).toBe(0);
  });

  it('names every figure that differs from its postings and exits 1', async () => {
    await t.db.query(`UPDATE budget_years SET disbursed = disbursed + 7 WHERE year = $1`, [thisYear()]);
    try {
      const result = run();
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/budget year disbursed .*: stored \d+, from postings \d+/);
    } finally {
      await t.db.query(`UPDATE budget_years SET disbursed = disbursed - 7 WHERE year = $1`, [thisYear()]);
    }
  });
});
