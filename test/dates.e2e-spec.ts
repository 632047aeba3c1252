import { randomUUID } from 'node:crypto';
import { type Auth, daysAgo, newCase } from './support/fixtures.js';
import { grant, pay, thisYear } from './support/money.js';
import { createTeamApp } from './support/team.js';
import type { TestApp } from './support/test-app.js';

const tomorrow = () => daysAgo(-1);

describe('Dates that make sense', () => {
  let t: TestApp, worker: Auth, cp: Auth, finance: Auth, caseId: string;
  beforeAll(async () => ({ t, worker, cp, finance, caseId } = await createTeamApp()));
  afterAll(() => t.close());

  const expectRefused = (
    res: { status: number; body: { errors?: Record<string, string> } },
    field: string,
    message: string | RegExp,
  ) => {
    expect(res.status).toBe(400);
    expect(res.body.errors?.[field]).toMatch(message);
  };

  describe('payments', () => {
    it('refuses a payment dated before the grant was approved, naming paidOn and the approval date', async () => {
      const g = await grant(t, worker, cp, caseId, 1);
      await t.db.query(`UPDATE applications SET decided_at = $2::date + time '12:00' WHERE id = $1`, [
        g.id,
        daysAgo(10),
      ]);
      const early = await pay(t, finance, g.id, 10_000, randomUUID(), { paidOn: daysAgo(11) });
      expectRefused(early, 'paidOn', `paidOn must not be before the grant was approved on ${daysAgo(10)}`);
      expect((await pay(t, finance, g.id, 10_000, randomUUID(), { paidOn: daysAgo(10) })).status).toBe(201);
      expect((await pay(t, finance, g.id, 10_000, randomUUID(), { paidOn: daysAgo(3) })).status).toBe(201);
      const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM disbursements WHERE application_id = $1', [
        g.id,
      ]);
      expect(n).toBe(2);
    });

    it('refuses a refund dated before the grant was approved', async () => {
      const g = await grant(t, worker, cp, caseId, 1);
      expect((await pay(t, finance, g.id, 10_000)).status).toBe(201);
      const refund = await pay(t, finance, g.id, -5_000, randomUUID(), { paidOn: daysAgo(1) });
      expectRefused(refund, 'paidOn', /^paidOn must not be before the grant was approved on \d{4}-\d{2}-\d{2}$/);
    });

    it('refuses a payment dated after today', async () => {
      const g = await grant(t, worker, cp, caseId, 1);
      expectRefused(
        await pay(t, finance, g.id, 10_000, randomUUID(), { paidOn: tomorrow() }),
        'paidOn',
        /not after today/,
      );
    });

    it('refuses a payment dated 1900, so no report shows the month 1900-01', async () => {
      const g = await grant(t, worker, cp, caseId, 1);
      const res = await pay(t, finance, g.id, 10_000, randomUUID(), { paidOn: '1900-01-15' });
      expectRefused(res, 'paidOn', 'paidOn must be a date YYYY-MM-DD, not before 2000-01-01');
      const report = await t.http.get(`/api/reports/spending?year=${thisYear()}&groupBy=month`).set(finance);
      expect(report.status).toBe(200);
      expect(report.body.rows.map((r: { month: string }) => r.month)).not.toContain('1900-01');
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM ledger_postings WHERE posted_on < '2000-01-01'`);
      expect(n).toBe(0);
    });
  });

  describe('cases', () => {
    it.each([
      ['consentRecordedOn', '1999-12-31', 'consentRecordedOn must be a date YYYY-MM-DD, not before 2000-01-01'],
      ['agreementSignedOn', '1900-01-01', 'agreementSignedOn must be a date YYYY-MM-DD, not before 2000-01-01'],
      ['programmeStart', '1999-06-30', 'programmeStart must be a date YYYY-MM-DD, not before 2000-01-01'],
      ['consentRecordedOn', 'tomorrow', 'consentRecordedOn must be a date YYYY-MM-DD, not after today'],
      ['agreementSignedOn', 'tomorrow', 'agreementSignedOn must be a date YYYY-MM-DD, not after today'],
      ['programmeStart', 'tomorrow', 'programmeStart must be a date YYYY-MM-DD, not after today'],
    ])('refuses %s %s, naming the bound', async (field, date, message) => {
      const body = { [field]: date === 'tomorrow' ? tomorrow() : date };
      expectRefused(await t.http.post('/api/cases').set(worker).send(body), field, message);
      expectRefused(await t.http.put(`/api/cases/${caseId}`).set(worker).send(body), field, message);
    });

    it.each([
      [1899, 'birthYear must be 1900 or later'],
      [thisYear() + 1, 'birthYear must not be in the future'],
      [1990.5, 'birthYear must be a whole year'],
    ])('refuses the birth year %s', async (birthYear, message) => {
      expectRefused(await t.http.post('/api/cases').set(worker).send({ birthYear }), 'birthYear', message);
    });

    it('refuses a case date before the candidate’s birth year, naming the date', async () => {
      const res = await t.http
        .post('/api/cases')
        .set(worker)
        .send({ birthYear: 2005, consentRecordedOn: '2004-12-31', agreementSignedOn: '2005-01-01' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual({
        consentRecordedOn: "consentRecordedOn must not be before the candidate's birth year 2005",
      });
    });

    it('refuses a date before the stored birth year on update, and a birth year after the stored dates', async () => {
      const c = await newCase(t, worker, { birthYear: 2001, consentRecordedOn: '2020-01-02' });
      expectRefused(
        await t.http.put(`/api/cases/${c.id}`).set(worker).send({ programmeStart: '2000-06-01' }),
        'programmeStart',
        "programmeStart must not be before the candidate's birth year 2001",
      );
      const later = await t.http.put(`/api/cases/${c.id}`).set(worker).send({ birthYear: 2021 });
      expect(later.status).toBe(400);
      expect(later.body.errors).toEqual({ birthYear: 'birthYear must not be after consentRecordedOn (2020-01-02)' });
      const [stored] = await t.db.query('SELECT birth_year FROM cases WHERE id = $1', [c.id]);
      expect(stored.birth_year).toBe(2001);
      expect((await t.http.put(`/api/cases/${c.id}`).set(worker).send({ birthYear: 2020 })).status).toBe(200);
    });
  });

  describe('budget years', () => {
    it.each([
      [1999, 'year must be 2000 or later'],
      [thisYear() + 6, `year must be ${thisYear() + 5} or earlier`],
      [2026.5, 'year must be a whole year'],
    ])('refuses to open the year %s', async (year, message) => {
      expectRefused(await t.http.post('/api/budget-years').set(cp).send({ year, poolAmount: 1 }), 'year', message);
    });

    it('opens a year five years ahead', async () => {
      expect(
        (
          await t.http
            .post('/api/budget-years')
            .set(cp)
            .send({ year: thisYear() + 5, poolAmount: 1 })
        ).status,
      ).toBe(201);
    });
  });

  describe('guideline versions and planned sessions', () => {
    const guideline = (effectiveFrom: string) => ({
      version: `dates-${randomUUID().slice(0, 8)}`,
      effectiveFrom,
      minAge: 18,
      maxCourseMonths: 12,
      categories: [],
    });

    it.each([
      ['1999-12-31', 'effectiveFrom must be a date YYYY-MM-DD, not before 2000-01-01'],
      [`${thisYear() + 6}-01-01`, `effectiveFrom must be a date YYYY-MM-DD, not after ${thisYear() + 5}-12-31`],
    ])('refuses a guideline version in force from %s', async (date, message) => {
      expectRefused(await t.http.post('/api/guidelines').set(cp).send(guideline(date)), 'effectiveFrom', message);
    });

    it('refuses planned session dates outside the bounds, naming the date', async () => {
      const res = await t.http
        .post('/api/applications')
        .set(worker)
        .send({
          caseId,
          categoryCode: 'tattoo_removal',
          amountRequested: 100_000,
          justification: 'Removal of a gang tattoo',
          ordinaryFundingConsidered: true,
          lines: [{ description: 'Session', quantity: 1, unitAmount: 100_000 }],
          plannedSessionDates: [daysAgo(-10), '1900-01-01'],
        });
      expectRefused(res, 'plannedSessionDates', /"1900-01-01" must be a date YYYY-MM-DD, not before 2000-01-01/);
    });
  });

  describe('report queries', () => {
    it.each([
      ['pool?year=1999', 'year', 'year must be 2000 or later'],
      ['pool?year=2101', 'year', 'year must be 2100 or earlier'],
      ['statistics?year=1900', 'year', 'year must be 2000 or later'],
      ['processing?year=1900', 'year', 'year must be 2000 or later'],
      ['spending?from=1900-01-01', 'from', 'from must be a date YYYY-MM-DD, not before 2000-01-01'],
      ['spending?year=2026&to=2101-01-01', 'to', 'to must be a date YYYY-MM-DD, not after 2100-12-31'],
      ['spending.csv?from=1900-01-01&to=1900-12-31', 'from', 'from must be a date YYYY-MM-DD, not before 2000-01-01'],
      ['spending.xlsx?from=1899-12-31', 'from', 'from must be a date YYYY-MM-DD, not before 2000-01-01'],
    ])('refuses %s, naming %s and the bound', async (query, field, message) => {
      expectRefused(await t.http.get(`/api/reports/${query}`).set(finance), field, message);
    });

    it('answers a year without a budget year inside the bounds with 404', async () => {
      expect((await t.http.get('/api/reports/pool?year=2099').set(finance)).status).toBe(404);
    });
  });
});
