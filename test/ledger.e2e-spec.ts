import { randomUUID } from 'node:crypto';
import { checkLedger } from '../api/src/ledger/ledger-check.js';
import { type Auth, newApplication, newCase, quoteOverride } from './support/fixtures.js';
import { grant, openYear, pay, setPool, thisYear, yearChange, yearFigures } from './support/money.js';
import { createTeamApp } from './support/team.js';
import type { TestApp } from './support/test-app.js';

describe('The pool’s money', () => {
  let t: TestApp, worker: Auth, workerUnit: string, cp: Auth, cp2: Auth, finance: Auth, caseId: string;
  beforeAll(async () => {
    ({ t, worker, workerUnit, cp, finance, caseId } = await createTeamApp());
    cp2 = (await t.signedIn('contact_point')).auth;
  });
  afterAll(() => t.close());

  /** The contact point's approval of the whole amount requested. */
  const approveInFull = (a: { id: string; amountRequested: number }) =>
    t.http
      .post(`/api/applications/${a.id}/approve`)
      .set(cp)
      .send({ amountApproved: a.amountRequested, reason: 'x', overrides: quoteOverride });

  describe('budget years', () => {
    it('opens a year with a pool and indicative allocations, and reports its figures', async () => {
      const unit = await t.newUnit();
      const res = await t.http
        .post('/api/budget-years')
        .set(cp)
        .send({ year: 2031, poolAmount: 200_000_000, allocations: [{ unitId: unit.id, amount: 10_000_000 }] });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        year: 2031,
        poolAmount: 200_000_000,
        committed: 0,
        disbursed: 0,
        available: 200_000_000,
        status: 'open',
      });
      expect(res.body.byUnit).toEqual([{ unitId: unit.id, allocation: 10_000_000, committed: 0, disbursed: 0 }]);
      expect((await t.http.post('/api/budget-years').set(cp).send({ year: 2031, poolAmount: 1 })).status).toBe(409);
    });

    it.each(['finance', 'unit_worker', 'admin'] as const)(
      'lets only the contact point open a year, not %s',
      async (role) => {
        const { auth } = await t.signedIn(role);
        expect((await t.http.post('/api/budget-years').set(auth).send({ year: 2040, poolAmount: 1 })).status).toBe(403);
        expect((await t.http.get('/api/budget-years').set(auth)).status).toBe(200);
      },
    );

    it('never lowers the pool below what is committed and disbursed', async () => {
      const c = await newCase(t, worker);
      await grant(t, worker, cp, c.id, 1);
      const [{ id }] = await t.db.query(`SELECT id FROM budget_years WHERE year = $1`, [thisYear()]);
      const { committed, disbursed, pool } = await yearFigures(t);
      const low = await t.http
        .put(`/api/budget-years/${id}`)
        .set(cp)
        .send({ poolAmount: Number(committed + disbursed) - 1 });
      expect(low.status).toBe(409);
      expect(low.body.code).toBe('LEDGER_POOL_BELOW_USE');
      expect((await yearFigures(t)).pool).toBe(pool);
      const exact = await t.http
        .put(`/api/budget-years/${id}`)
        .set(cp)
        .send({ poolAmount: Number(committed + disbursed) });
      expect(exact.body.available).toBe(0);
      await setPool(t, pool);
    });

    it('refuses an over-committed year in the database, even if the code were wrong', async () => {
      await expect(
        t.db.query(`UPDATE budget_years SET pool_amount = committed + disbursed - 1 WHERE year = $1`, [thisYear()]),
      ).rejects.toThrow(/budget_years_never_over_committed/);
    });

    it('shows a unit worker the year’s totals and their own unit’s share only', async () => {
      const [{ id }] = await t.db.query(`SELECT id FROM budget_years WHERE year = $1`, [thisYear()]);
      const mine = await t.http.get(`/api/budget-years/${id}`).set(worker);
      expect(mine.body.byUnit.map((u: { unitId: string }) => u.unitId)).toEqual([workerUnit]);
      const all = await t.http.get(`/api/budget-years/${id}`).set(finance);
      expect(all.body.committed).toBe(mine.body.committed);
      expect(all.body.byUnit.map((u: { unitId: string }) => u.unitId)).toContain(workerUnit);
      const stranger = await t.signedIn('unit_worker');
      const theirs = await t.http.get(`/api/budget-years/${id}`).set(stranger.auth);
      expect(theirs.body.byUnit).toEqual([
        { unitId: stranger.user.unitId, allocation: null, committed: 0, disbursed: 0 },
      ]);
    });
  });

  describe('approval commits money', () => {
    it('commits the approved amount from this year’s pool', async () => {
      const before = await yearFigures(t);
      const g = await grant(t, worker, cp, caseId);
      const after = await yearFigures(t);
      expect(after.committed - before.committed).toBe(BigInt(g.amount));
      const one = await t.http.get(`/api/applications/${g.id}`).set(cp);
      expect(one.body).toMatchObject({ unpaidAmount: g.amount, paidAmount: 0, budgetYearId: expect.any(String) });
    });

    it('refuses with 409 and a block finding when the pool is short, writing nothing', async () => {
      const a = await newApplication(t, worker, caseId, {}, 5);
      await t.http.post(`/api/applications/${a.id}/submit`).set(worker);
      const figures = await yearFigures(t);
      const room = figures.pool - figures.committed - figures.disbursed;
      await setPool(t, figures.pool - room + 100_000n); // DKK 1,000 left
      try {
        const res = await approveInFull(a);
        expect(res.status).toBe(409);
        expect(res.body.findings).toContainEqual(
          expect.objectContaining({ rule: 'pool-available', severity: 'block' }),
        );
        expect((await yearFigures(t)).committed).toBe(figures.committed);
        expect((await t.http.get(`/api/applications/${a.id}`).set(cp)).body.status).toBe('submitted');
      } finally {
        await setPool(t, figures.pool);
      }
    });

    it('holds the money at the first of two approvals and gives it back when the second is refused', async () => {
      const a = await newApplication(t, worker, caseId, {}, 30);
      await t.http.post(`/api/applications/${a.id}/submit`).set(worker);
      const before = await yearFigures(t);
      await approveInFull(a);
      expect((await yearFigures(t)).committed - before.committed).toBe(3_000_000n);
      await t.http.post(`/api/applications/${a.id}/reject`).set(cp2).send({ reason: 'Not needed after all.' });
      expect((await yearFigures(t)).committed).toBe(before.committed);
    });

    it('needs an open budget year to approve', async () => {
      const a = await newApplication(t, worker, caseId);
      await t.http.post(`/api/applications/${a.id}/submit`).set(worker);
      await t.db.query(`UPDATE budget_years SET year = 1999 + 1 WHERE year = $1`, [thisYear()]);
      try {
        const res = await approveInFull(a);
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('LEDGER_NO_OPEN_YEAR');
      } finally {
        await t.db.query(`UPDATE budget_years SET year = $1 WHERE year = 2000`, [thisYear()]);
      }
    });
  });

  describe('payments', () => {
    it('lists the grants with money still to pay, for finance’s queue', async () => {
      const g = await grant(t, worker, cp, caseId, 2);
      const done = await grant(t, worker, cp, caseId, 1);
      await pay(t, finance, done.id, 100_000);
      const q = encodeURIComponent(JSON.stringify({ unpaid: true, id: [g.id, done.id] }));
      const res = await t.http
        .get(`/api/applications?filter=${q}&sort=${encodeURIComponent('["unpaidAmount","DESC"]')}`)
        .set(finance);
      expect(res.body.map((a: { id: string; unpaidAmount: number }) => [a.id, a.unpaidAmount])).toEqual([
        [g.id, 200_000],
      ]);
    });

    /** The application as finance sees it: its status, and what is paid and unpaid of it. */
    const paidSoFar = async (id: string) => (await t.http.get(`/api/applications/${id}`).set(finance)).body;

    it('pays in parts, marks the grant paid when fully paid, and moves committed to disbursed', async () => {
      const g = await grant(t, worker, cp, caseId, 10); // DKK 10,000
      const before = await yearFigures(t);
      const first = await pay(t, finance, g.id, 400_000);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        applicationId: g.id,
        amount: 400_000,
        unitId: workerUnit,
        payeeType: 'landlord',
        year: thisYear(),
      });
      expect(await paidSoFar(g.id)).toMatchObject({ status: 'approved', paidAmount: 400_000, unpaidAmount: 600_000 });
      const rest = await pay(t, finance, g.id, 600_000);
      expect(rest.status).toBe(201);
      expect(await paidSoFar(g.id)).toMatchObject({ status: 'paid', paidAmount: 1_000_000, unpaidAmount: 0 });
      expect(await yearChange(t, before)).toEqual({ committed: -1_000_000n, disbursed: 1_000_000n });
    });

    it('refuses paying more than unpaid, and a refund above what was paid, with 409', async () => {
      const g = await grant(t, worker, cp, caseId, 2);
      expect((await pay(t, finance, g.id, 200_001)).status).toBe(409);
      expect((await pay(t, finance, g.id, -1)).status).toBe(409);
      await pay(t, finance, g.id, 50_000);
      const over = await pay(t, finance, g.id, -50_001);
      expect(over.status).toBe(409);
      expect(over.body.code).toBe('DISBURSEMENT_OVER_REFUND');
      expect(over.body.message).toBe('The refund is more than the DKK 500.00 paid');
    });

    it('takes a refund back into the grant’s commitment, and out of paid', async () => {
      const g = await grant(t, worker, cp, caseId, 2);
      await pay(t, finance, g.id, 200_000);
      const before = await yearFigures(t);
      const refund = await pay(t, finance, g.id, -80_000);
      expect(refund.status).toBe(201);
      expect(refund.body.amount).toBe(-80_000);
      expect(await paidSoFar(g.id)).toMatchObject({ status: 'approved', paidAmount: 120_000, unpaidAmount: 80_000 });
      expect(await yearChange(t, before)).toEqual({ committed: 80_000n, disbursed: -80_000n });
    });

    it('releases the unpaid part of a cancelled grant, keeping what was paid', async () => {
      const g = await grant(t, worker, cp, caseId, 5);
      await pay(t, finance, g.id, 200_000);
      const before = await yearFigures(t);
      const res = await t.http.post(`/api/applications/${g.id}/cancel`).set(cp2).send({ reason: 'No longer needed.' });
      expect(res.body).toMatchObject({ status: 'cancelled', paidAmount: 200_000, unpaidAmount: 0 });
      const after = await yearFigures(t);
      expect(after.committed - before.committed).toBe(-300_000n);
      expect(after.disbursed).toBe(before.disbursed);
      expect((await pay(t, finance, g.id, 1_000)).status).toBe(409);
      // the landlord sends money back after the cancellation: it returns to the pool
      expect((await pay(t, finance, g.id, -50_000)).status).toBe(201);
      expect((await yearFigures(t)).disbursed - after.disbursed).toBe(-50_000n);
      expect((await yearFigures(t)).committed).toBe(after.committed);
    });

    it.each([
      [{ amount: 0 }, 'amount', 'amount must not be zero'],
      [{ amount: 12.5 }, 'amount', 'amount must be a whole number of minor units (øre)'],
      [{ amount: 1e15 }, 'amount', 'amount must be at most'],
      [
        { payeeType: 'friend' },
        'payeeType',
        'payeeType must be one of clinic, landlord, psychologist, municipality, other',
      ],
      [{ paidOn: '2999-01-01' }, 'paidOn', 'not after today'],
      [{ unitId: '00000000-0000-4000-8000-000000000000' }, 'unitId', 'unitId is not a known field'],
      [{ payeeReference: 'CPR 010203-1234' }, 'payeeReference', 'national identity number'],
    ])('refuses %j with a 400 naming %s', async (fields, field, message) => {
      const g = await grant(t, worker, cp, caseId, 1);
      const res = await pay(t, finance, g.id, 1_000, randomUUID(), fields);
      expect(res.status).toBe(400);
      expect(res.body.errors[field]).toContain(message);
    });

    it('refuses a payment on an unknown grant or an application that is not granted', async () => {
      expect((await pay(t, finance, randomUUID(), 1_000)).status).toBe(404);
      const a = await newApplication(t, worker, caseId);
      await t.http.post(`/api/applications/${a.id}/submit`).set(worker);
      const res = await pay(t, finance, a.id, 1_000);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('DISBURSEMENT_NOT_A_GRANT');
    });

    it('lets only finance record payments, and not the approver of the grant', async () => {
      const g = await grant(t, worker, cp, caseId, 1);
      for (const auth of [cp, worker]) expect((await pay(t, auth, g.id, 1_000)).status).toBe(403);
      const approver = (await t.db.query(`SELECT decided_by FROM applications WHERE id = $1`, [g.id]))[0].decided_by;
      await t.db.query(`UPDATE users SET role = 'finance' WHERE id = $1`, [approver]);
      try {
        const email = (await t.db.query(`SELECT email FROM users WHERE id = $1`, [approver]))[0].email;
        const auth = { Authorization: `Bearer ${await t.login(email)}` };
        const res = await pay(t, auth, g.id, 1_000);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('DISBURSEMENT_APPROVER');
      } finally {
        await t.db.query(`UPDATE users SET role = 'contact_point' WHERE id = $1`, [approver]);
      }
    });

    it('records one payment for the same key and body twice, and refuses the same key with another body', async () => {
      const g = await grant(t, worker, cp, caseId, 3);
      const key = randomUUID();
      const first = await pay(t, finance, g.id, 100_000, key);
      const again = await pay(t, finance, g.id, 100_000, key);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      const other = await pay(t, finance, g.id, 100_001, key);
      expect(other.status).toBe(409);
      expect(other.body.code).toBe('DISBURSEMENT_KEY_REUSED');
      const [{ count }] = await t.db.query(
        `SELECT count(*)::int AS count FROM disbursements WHERE application_id = $1`,
        [g.id],
      );
      expect(count).toBe(1);
    });

    it('refuses a malformed Idempotency-Key', async () => {
      const g = await grant(t, worker, cp, caseId, 1);
      const res = await pay(t, finance, g.id, 1_000, 'bad key!');
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors)).toEqual(['Idempotency-Key']);
    });

    it('shows a unit worker their own unit’s payments only, finance and the contact point all, admin none', async () => {
      const g = await grant(t, worker, cp, caseId, 1);
      const p = (await pay(t, finance, g.id, 100_000)).body;
      const stranger = (await t.signedIn('unit_worker')).auth;
      const byId = `filter=${encodeURIComponent(JSON.stringify({ id: [p.id] }))}`;
      expect(
        (await t.http.get(`/api/disbursements?${byId}`).set(worker)).body.map((x: { id: string }) => x.id),
      ).toEqual([p.id]);
      expect((await t.http.get(`/api/disbursements?${byId}`).set(stranger)).body).toEqual([]);
      expect((await t.http.get(`/api/disbursements/${p.id}`).set(stranger)).status).toBe(404);
      expect((await t.http.get(`/api/disbursements/${p.id}`).set(cp)).body.applicationReference).toEqual(
        expect.any(String),
      );
      const { auth: admin } = await t.signedIn('admin');
      expect((await t.http.get('/api/disbursements').set(admin)).status).toBe(403);
    });

    it('never changes or deletes a payment, through the API or in the database', async () => {
      const g = await grant(t, worker, cp, caseId, 1);
      const p = (await pay(t, finance, g.id, 100_000)).body;
      expect((await t.http.put(`/api/disbursements/${p.id}`).set(finance).send({ amount: 1 })).status).toBe(405);
      expect((await t.http.delete(`/api/disbursements/${p.id}`).set(finance)).status).toBe(405);
      await expect(t.db.query(`UPDATE disbursements SET amount = 1 WHERE id = $1`, [p.id])).rejects.toThrow(
        /append-only/,
      );
      await expect(t.db.query(`DELETE FROM ledger_postings`)).rejects.toThrow(/append-only/);
    });

    it('refuses impossible payments in the database, even if the code were wrong', async () => {
      const a = await newApplication(t, worker, caseId);
      const [{ year }] = await t.db.query(`SELECT id AS year FROM budget_years WHERE year = $1`, [thisYear()]);
      const [{ recorder }] = await t.db.query(`SELECT id AS recorder FROM users LIMIT 1`);
      const insert = (applicationId: string, amount: number) =>
        t.db.query(
          `INSERT INTO disbursements (application_id, unit_id, budget_year_id, amount, paid_on, recorded_by)
           SELECT id, unit_id, $3, $2, current_date, $4 FROM applications WHERE id = $1`,
          [applicationId, amount, year, recorder],
        );
      await expect(insert(a.id, 100)).rejects.toThrow(/no payment on an application that is draft/);
      const g = await grant(t, worker, cp, caseId, 1);
      await expect(insert(g.id, 100_001)).rejects.toThrow(/applications_paid_within_approved/);
      await expect(insert(g.id, -1)).rejects.toThrow(/applications_paid_within_approved/);
    });

    it('moves each grant once by the sum of a statement of many payments, or refuses the whole statement', async () => {
      const [{ year }] = await t.db.query(`SELECT id AS year FROM budget_years WHERE year = $1`, [thisYear()]);
      const [{ recorder }] = await t.db.query(`SELECT id AS recorder FROM users LIMIT 1`);
      const [g1, g2] = [await grant(t, worker, cp, caseId, 3), await grant(t, worker, cp, caseId, 2)];
      const draft = await newApplication(t, worker, caseId);
      // rolled back at the end: payments without their postings would leave the books of this file unbalanced
      const tx = t.db.createQueryRunner();
      await tx.connect();
      await tx.startTransaction();
      try {
        // as a bulk load (COPY) brings them: many rows, several per grant, refunds among them
        const insertMany = (payments: [string, number][]) =>
          tx.query(
            `INSERT INTO disbursements (application_id, unit_id, budget_year_id, amount, paid_on, recorded_by)
             SELECT a.id, a.unit_id, $2, p.amount, current_date, $3
               FROM jsonb_to_recordset($1::jsonb) AS p(id uuid, amount bigint) JOIN applications a ON a.id = p.id`,
            [JSON.stringify(payments.map(([id, amount]) => ({ id, amount }))), year, recorder],
          );
        const refused = async (payments: [string, number][]) => {
          await tx.query('SAVEPOINT attempt');
          try {
            await insertMany(payments);
          } catch (error) {
            await tx.query('ROLLBACK TO SAVEPOINT attempt');
            return (error as Error).message;
          }
          throw new Error('the statement was not refused');
        };
        const paid = async () =>
          Object.fromEntries(
            (
              await tx.query(`SELECT id, paid_amount::int AS paid FROM applications WHERE id = ANY($1)`, [
                [g1.id, g2.id],
              ])
            ).map((r: { id: string; paid: number }) => [r.id, r.paid]),
          );

        await insertMany([
          [g1.id, 100_000],
          [g2.id, 50_000],
          [g1.id, 150_000],
          [g1.id, -20_000],
          [g2.id, 150_000],
        ]);
        expect(await paid()).toEqual({ [g1.id]: 230_000, [g2.id]: 200_000 });
        // one payment too many, or one on a draft, in the statement: none of it is written
        expect(
          await refused([
            [g1.id, 50_000],
            [g2.id, 1],
          ]),
        ).toMatch(/applications_paid_within_approved/);
        expect(
          await refused([
            [g1.id, 10_000],
            [draft.id, 100],
          ]),
        ).toMatch(/no payment on an application that is draft/);
        expect(await paid()).toEqual({ [g1.id]: 230_000, [g2.id]: 200_000 });
        const [{ count }] = await tx.query(
          `SELECT count(*)::int AS count FROM disbursements WHERE application_id = ANY($1)`,
          [[g1.id, g2.id, draft.id]],
        );
        expect(count).toBe(5);
      } finally {
        await tx.rollbackTransaction();
        await tx.release();
      }
    });
  });

  describe('indicative allocations', () => {
    it('warns, without blocking, when a grant would take a unit beyond its allocation', async () => {
      const [{ id }] = await t.db.query(`SELECT id FROM budget_years WHERE year = $1`, [thisYear()]);
      const unit = await t.newUnit();
      const w = await t.signedIn('unit_worker', { unitId: unit.id });
      await t.http
        .put(`/api/budget-years/${id}`)
        .set(cp)
        .send({ allocations: [{ unitId: unit.id, amount: 300_000 }] });
      const c = await newCase(t, w.auth);
      const small = await newApplication(t, w.auth, c.id, {}, 2);
      const fits = await t.http.post(`/api/applications/${small.id}/check`).set(w.auth);
      expect(fits.body.findings.map((f: { rule: string }) => f.rule)).not.toContain('unit-allocation');
      const big = await newApplication(t, w.auth, c.id, {}, 4);
      const res = await t.http.post(`/api/applications/${big.id}/submit`).set(w.auth);
      expect(res.status).toBe(200);
      expect(res.body.findings).toContainEqual(expect.objectContaining({ rule: 'unit-allocation', severity: 'warn' }));
      const approved = await t.http
        .post(`/api/applications/${big.id}/approve`)
        .set(cp)
        .send({
          amountApproved: 400_000,
          reason: 'Needed.',
          overrides: [
            ...quoteOverride,
            { rule: 'unit-allocation', justification: 'The unit has more cases than planned.' },
          ],
        });
      expect(approved.status).toBe(200);
      await t.http.put(`/api/budget-years/${id}`).set(cp).send({ allocations: [] });
    });
  });

  describe('year end', () => {
    it('pays nothing from a closed year', async () => {
      const g = await grant(t, worker, cp, caseId, 1);
      await t.db.query(`UPDATE budget_years SET status = 'closed' WHERE year = $1`, [thisYear()]);
      try {
        const res = await pay(t, finance, g.id, 1_000);
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('DISBURSEMENT_YEAR_CLOSED');
      } finally {
        await t.db.query(`UPDATE budget_years SET status = 'open' WHERE year = $1`, [thisYear()]);
      }
    });

    it('carries an open commitment over to the next year, and closes a year only when nothing is left open', async () => {
      const next = thisYear() + 1;
      await openYear(t, next, 1_000_000_000);
      const c = await newCase(t, worker);
      const g = await grant(t, worker, cp, c.id, 4);
      await pay(t, finance, g.id, 100_000);
      const before = await yearFigures(t);
      const res = await t.http
        .post(`/api/applications/${g.id}/carry-over`)
        .set(cp)
        .send({ reason: 'The last sessions fall in January.' });
      expect(res.status).toBe(200);
      expect((await yearFigures(t)).committed - before.committed).toBe(-300_000n);
      expect((await yearFigures(t, next)).committed).toBe(300_000n);
      const [{ id: nextId }] = await t.db.query(`SELECT id FROM budget_years WHERE year = $1`, [next]);
      expect(res.body.budgetYearId).toBe(nextId);
      // the rest is paid from the next year's pool
      expect((await pay(t, finance, g.id, 300_000)).status).toBe(201);
      expect((await yearFigures(t, next)).disbursed).toBe(300_000n);
      expect((await t.http.post(`/api/applications/${g.id}/carry-over`).set(cp).send({ reason: 'again' })).status).toBe(
        409,
      );
    });

    it('refuses to close a year while grants hold commitments in it, and pays nothing from a closed year', async () => {
      const y = (await t.http.post('/api/budget-years').set(cp).send({ year: 2030, poolAmount: 1_000_000 })).body;
      const [{ id: current }] = await t.db.query(`SELECT id FROM budget_years WHERE year = $1`, [thisYear()]);
      const refused = await t.http.post(`/api/budget-years/${current}/close`).set(cp);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('LEDGER_OPEN_COMMITMENTS');
      const closed = await t.http.post(`/api/budget-years/${y.id}/close`).set(cp);
      expect(closed.body.status).toBe('closed');
    });
  });

  describe('the pool report', () => {
    it('adds up by unit and by category to the year’s figures, from the postings', async () => {
      const res = await t.http.get(`/api/reports/pool?year=${thisYear()}`).set(finance);
      expect(res.status).toBe(200);
      const figures = await yearFigures(t);
      expect(res.body).toMatchObject({
        year: thisYear(),
        committed: Number(figures.committed),
        disbursed: Number(figures.disbursed),
        available: Number(figures.pool - figures.committed - figures.disbursed),
      });
      const sum = (rows: { committed: number; disbursed: number }[], k: 'committed' | 'disbursed') =>
        rows.reduce((s, r) => s + r[k], 0);
      expect(sum(res.body.byUnit, 'committed')).toBe(res.body.committed);
      expect(sum(res.body.byCategory, 'disbursed')).toBe(res.body.disbursed);
      expect(res.body.byUnit.length).toBeGreaterThan(1);
    });

    it('gives a unit worker their own unit’s figures and the pool that is left', async () => {
      const res = await t.http.get(`/api/reports/pool?year=${thisYear()}`).set(worker);
      expect(res.body.byUnit.map((u: { unitId: string }) => u.unitId)).toEqual([workerUnit]);
      expect(res.body.committed).toBe(res.body.byUnit[0].committed);
      const whole = await t.http.get(`/api/reports/pool?year=${thisYear()}`).set(cp);
      expect(res.body.available).toBe(whole.body.available);
    });

    it.each([
      ['year=abc', 400],
      ['', 400],
      ['year=2099', 404],
    ])('answers %s with %i', async (query, code) => {
      expect((await t.http.get(`/api/reports/pool?${query}`).set(finance)).status).toBe(code);
    });
  });

  describe('the ledger check', () => {
    it('finds a stored balance that differs from its postings', async () => {
      await t.db.query(`UPDATE budget_years SET committed = committed + 1 WHERE year = $1`, [thisYear()]);
      try {
        const problems = await checkLedger(t.db.manager);
        expect(problems).toEqual([expect.objectContaining({ what: 'budget year committed' })]);
      } finally {
        await t.db.query(`UPDATE budget_years SET committed = committed - 1 WHERE year = $1`, [thisYear()]);
      }
    });

    it('keeps the number of payments per unit with the payments, refuses it to anyone else, and finds it changed', async () => {
      const g = await grant(t, worker, cp, caseId, 2);
      const [{ unit_id: unitId }] = await t.db.query(`SELECT unit_id FROM applications WHERE id = $1`, [g.id]);
      const counted = async () =>
        (await t.db.query(`SELECT payments::int FROM disbursement_counts WHERE unit_id = $1`, [unitId]))[0]?.payments ??
        0;
      const before = await counted();
      await pay(t, finance, g.id, 100_000);
      await pay(t, finance, g.id, -50_000);
      expect(await counted()).toBe(before + 2);
      const [{ payments }] = await t.db.query(`SELECT count(*)::int AS payments FROM disbursements`);
      // the whole list's total is the kept count; a unit worker's is counted over their unit's payments
      const all = await t.http.get('/api/disbursements?range=[0,0]').set(finance);
      expect(all.headers['content-range']).toMatch(new RegExp(`/${payments}$`));
      const [{ own }] = await t.db.query(`SELECT count(*)::int AS own FROM disbursements WHERE unit_id = $1`, [unitId]);
      const mine = await t.http.get('/api/disbursements?range=[0,0]').set(worker);
      expect(mine.headers['content-range']).toMatch(new RegExp(`/${own}$`));

      await expect(
        t.db.query(`UPDATE disbursement_counts SET payments = payments + 1 WHERE unit_id = $1`, [unitId]),
      ).rejects.toThrow(/kept by the disbursements trigger only/);
      const tamper = (sql: string) =>
        t.db.transaction(async (tx) => {
          await tx.query(`ALTER TABLE disbursement_counts DISABLE TRIGGER disbursement_counts_by_trigger_only`);
          await tx.query(sql, [unitId]);
          await tx.query(`ALTER TABLE disbursement_counts ENABLE TRIGGER disbursement_counts_by_trigger_only`);
        });
      await tamper(`UPDATE disbursement_counts SET payments = payments + 1 WHERE unit_id = $1`);
      try {
        expect(await checkLedger(t.db.manager)).toEqual([
          { what: 'payments counted per unit', id: unitId, stored: String(own + 1), fromPostings: String(own) },
        ]);
      } finally {
        await tamper(`UPDATE disbursement_counts SET payments = payments - 1 WHERE unit_id = $1`);
      }
    });
  });

  // last, so that it sees what every test above left behind
  it('leaves books that add up: the ledger check finds nothing', async () => {
    expect(await checkLedger(t.db.manager)).toEqual([]);
  });
});
