import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { adminQuery, withDatabase } from './support/database.js';

const GENERATOR = resolve('scripts/bench-scale/main.mjs');
const CHECK = resolve('dist/api/src/ledger/check-ledger.main.js');
const CHECK_AUDIT = resolve('dist/api/src/audit/check-audit.main.js');
/** The key the generator seals narratives with (scripts/bench-scale/processes.mjs). */
const BENCH_KEYS = 'k1:u6dmvTJrhV112q5Ev8YMzrdxoUV+A6P8fz12TqEpD5I=';

/**
 * `npm run bench:scale --generate-only` at a hundredth of its size: the data set it builds through
 * the real triggers adds up (check:ledger, run as operators run it) and has the size the scale asks for.
 */
describe('The scale benchmark’s data generator at scale 0.01', () => {
  const name = `exitpool_scale_test_${process.pid}`;
  const url = withDatabase(process.env.EXITPOOL_TEST_ADMIN_URL!, name);
  let output = '';
  let code: number | null;
  let db: pg.Client;

  beforeAll(async () => {
    if (!existsSync(CHECK)) throw new Error('Build first: npm run build (npm test does)');
    const child = spawn(process.execPath, [GENERATOR, '--scale', '0.01', '--db', name, '--generate-only'], {
      env: { ...process.env, DATABASE_URL: process.env.EXITPOOL_TEST_ADMIN_URL },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    code = await new Promise((done) => child.on('exit', done));
    db = new pg.Client({ connectionString: url });
    await db.connect();
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('finishes, having found the ledger clean itself', () => {
    expect({ code, output }).toMatchObject({ code: 0 });
    expect(output).toContain('check:ledger');
  });

  it('leaves books that check:ledger finds adding up', () => {
    const result = spawnSync(process.execPath, [CHECK], {
      env: { ...process.env, DATABASE_URL: url, ENCRYPTION_KEYS: BENCH_KEYS },
      encoding: 'utf8',
    });
    expect(result.stderr).toContain('The ledger adds up');
    expect(result.status).toBe(0);
  });

  it('writes an audit trail for the history that check:audit finds whole', async () => {
    const result = spawnSync(process.execPath, [CHECK_AUDIT], {
      env: { ...process.env, DATABASE_URL: url, ENCRYPTION_KEYS: BENCH_KEYS },
      encoding: 'utf8',
    });
    expect(result.stdout + result.stderr).toContain('The audit trail is whole');
    expect(result.status).toBe(0);
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action IN ('disbursement.pay', 'disbursement.refund')`,
    );
    expect(rows[0].n).toBeGreaterThan(8_500);
  });

  it('adds 1,000 applications, about 900 cases and 10,000 payments, all planned rows loaded', () => {
    const added = JSON.parse(/Added: (\{.*?\});/.exec(output)![1]);
    const planned = JSON.parse(/planned: (\{.*\})/.exec(output)![1]);
    expect(added.applications).toBe(1000);
    expect(planned.applications).toBe(1000);
    expect(added.cases).toBe(planned.cases);
    expect(added.disbursements).toBe(planned.disbursements);
    expect(added.cases).toBeGreaterThan(850);
    expect(added.cases).toBeLessThan(950);
    expect(added.disbursements).toBeGreaterThan(8_500);
    expect(added.disbursements).toBeLessThan(11_500);
  });

  it('has every status, and the grants paid in full marked paid', async () => {
    const { rows } = await db.query(`SELECT DISTINCT status FROM applications`);
    expect(rows.map((r) => r.status).sort()).toEqual(
      [
        'approved',
        'awaiting_second_approval',
        'cancelled',
        'draft',
        'in_review',
        'info_requested',
        'paid',
        'partially_approved',
        'rejected',
        'submitted',
        'withdrawn',
      ].sort(),
    );
    const { rows: wrong } = await db.query(
      `SELECT count(*)::int AS n FROM applications
        WHERE (status = 'paid') <> (status IN ('approved', 'partially_approved', 'paid') AND paid_amount = amount_approved)`,
    );
    expect(wrong[0].n).toBe(0);
  });

  it('stores no narrative in plaintext', async () => {
    const { rows } = await db.query(`
      SELECT count(*) FILTER (WHERE justification !~ '^ep1:')::int AS justification,
             count(*) FILTER (WHERE decision_reason !~ '^ep1:')::int AS reason,
             count(*) FILTER (WHERE lines->0->>'description' !~ '^ep1:')::int AS line
        FROM applications`);
    expect(rows[0]).toEqual({ justification: 0, reason: 0, line: 0 });
    const { rows: payees } = await db.query(
      `SELECT count(*)::int AS n FROM disbursements WHERE payee_reference !~ '^ep1:'`,
    );
    expect(payees[0].n).toBe(0);
  });
});
