import { randomUUID } from 'node:crypto';
import { checkLedger } from '../api/src/ledger/ledger-check.js';
import { type Auth, newApplication, quoteOverride } from './support/fixtures.js';
import { grant, pay, setPool, yearFigures } from './support/money.js';
import { createTeamApp } from './support/team.js';
import type { TestApp } from './support/test-app.js';

/** Many requests at the same moment against the real PostgreSQL: the locks, not luck, keep the books. */
describe('The pool under concurrency', () => {
  let t: TestApp, worker: Auth, cp: Auth, finance: Auth, caseId: string;
  beforeAll(async () => ({ t, worker, cp, finance, caseId } = await createTeamApp()));
  afterAll(() => t.close());

  it('approves exactly 10 of 50 simultaneous approvals when the pool has room for 10, leaving 0 available', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const a = await newApplication(t, worker, caseId, {}, 1); // DKK 1,000 each
      expect((await t.http.post(`/api/applications/${a.id}/submit`).set(worker)).status).toBe(200);
      ids.push(a.id);
    }
    const { committed, disbursed } = await yearFigures(t);
    await setPool(t, committed + disbursed + 10n * 100_000n);
    try {
      const results = await Promise.all(
        ids.map((id) =>
          t.http
            .post(`/api/applications/${id}/approve`)
            .set(cp)
            .send({ amountApproved: 100_000, reason: 'ok', overrides: quoteOverride }),
        ),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(10);
      // each of the other 40 refused for the one reason there is: the pool, read under the year's lock, is short
      const refusals = results
        .filter((r) => r.status !== 200)
        .map((r) => ({
          status: r.status,
          code: r.body.code,
          poolShort: r.body.findings?.some(
            (f: { rule: string; severity: string }) => f.rule === 'pool-available' && f.severity === 'block',
          ),
        }));
      expect(refusals).toEqual(
        Array(40).fill({ status: 409, code: 'APPLICATION_BLOCKED_BY_FINDINGS', poolShort: true }),
      );
      const after = await yearFigures(t);
      expect(after.pool - after.committed - after.disbursed).toBe(0n);
      const [{ approved }] = await t.db.query(
        `SELECT count(*)::int AS approved FROM applications WHERE id = ANY($1) AND status = 'approved'`,
        [ids],
      );
      expect(approved).toBe(10);
    } finally {
      await setPool(t, 100_000_000_000);
    }
  });

  it('records one payment for 20 simultaneous replays of one idempotency key', async () => {
    const g = await grant(t, worker, cp, caseId, 5);
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 20 }, () => pay(t, finance, g.id, 100_000, key)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const [{ count, paid }] = await t.db.query(
      `SELECT count(*)::int AS count, (SELECT paid_amount FROM applications WHERE id = $1)::int AS paid FROM disbursements WHERE application_id = $1`,
      [g.id],
    );
    expect({ count, paid }).toEqual({ count: 1, paid: 100_000 });
  });

  it('never pays a grant beyond its amount, however many payments arrive at once', async () => {
    const g = await grant(t, worker, cp, caseId, 10); // DKK 10,000
    // DKK 3,000 each: three fit, and every later one finds less unpaid than it asks for
    const results = await Promise.all(Array.from({ length: 20 }, () => pay(t, finance, g.id, 300_000)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    // the other 17 refused as over-payments, not by some other conflict
    expect(results.filter((r) => r.status !== 201).map((r) => ({ status: r.status, code: r.body.code }))).toEqual(
      Array(17).fill({ status: 409, code: 'DISBURSEMENT_OVER_PAYMENT' }),
    );
    const one = await t.http.get(`/api/applications/${g.id}`).set(finance);
    expect(one.body).toMatchObject({ status: 'approved', paidAmount: 900_000, unpaidAmount: 100_000 });
  });

  // last, so that it sees what every test above left behind
  it('leaves books that add up: the ledger check finds nothing', async () => {
    expect(await checkLedger(t.db.manager)).toEqual([]);
  });
});
