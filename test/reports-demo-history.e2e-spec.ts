import { demoGuideline } from '@app/guidelines';
import { seedDemoHistory } from '../api/src/demo/demo-history.js';
import { DEMO_PROFILES } from '../api/src/demo/demo-data.js';
import { seedDemo } from '../api/src/demo/demo-seed.js';
import { toStoredCategories } from '../api/src/guidelines/guideline-mapping.js';
import { checkLedger } from '../api/src/ledger/ledger-check.js';
import { daysAgoIso } from './support/fixtures.js';
import { setPool } from './support/money.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** The history for other days than today: every window it can take keeps the books. */
describe(seedDemoHistory.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.db);
    await t.db.query(
      `INSERT INTO guidelines (version, effective_from, status, min_age, max_course_months, categories, published_at)
       VALUES ('history-test', '2020-01-01', 'published', 18, 12, $1, now())`,
      [JSON.stringify(toStoredCategories(demoGuideline))],
    );
  });
  afterAll(() => t.close());

  it.each(['2031-11-21', '2034-01-05', '2037-06-30', '2040-12-31'])(
    'writes a year and a half of consistent history up to %s',
    async (day) => {
      // noon of that day where the installation is
      const [y, m, d] = day.split('-').map(Number);
      const today = new Date(y, m - 1, d, 12);
      const year = today.getFullYear();
      // this year's pool as the demo opens it, with something of it used already
      await setPool(t, 200_000_000, year);

      const started = Date.now();
      await seedDemoHistory(t.app, DEMO_PROFILES.dk, today);
      expect(Date.now() - started).toBeLessThan(5_000);

      expect(await checkLedger(t.db.manager)).toEqual([]);
      const years: { year: number; pool: string; committed: string; available: string; status: string }[] =
        await t.db.query(
          `SELECT year, pool_amount::text AS pool, committed::text, (pool_amount - committed - disbursed)::text AS available, status
             FROM budget_years WHERE year IN ($1 - 1, $1) ORDER BY year`,
          [year],
        );
      expect(years[0]).toMatchObject({ year: year - 1, pool: '200000000', committed: '0', status: 'closed' });
      expect(years[1]).toMatchObject({ year, pool: '200000000', status: 'open' });
      expect(Number(years[1].available)).toBeGreaterThanOrEqual(40_000_000);

      const [late] = await t.db.query(
        `SELECT (SELECT max(posted_on) FROM ledger_postings p JOIN budget_years y ON y.id = p.budget_year_id WHERE y.year = $1)::text AS posting,
                (SELECT max(posted_on) FROM ledger_postings p JOIN budget_years y ON y.id = p.budget_year_id WHERE y.year = $1 - 1)::text AS closed,
                (SELECT max(submitted_at) FROM applications a JOIN cases c ON c.id = a.case_id WHERE c.year IN ($1 - 1, $1)) AS submitted`,
        [year],
      );
      const cutoff = daysAgoIso(3, today);
      if (late.posting) expect(late.posting <= cutoff).toBe(true);
      expect(late.closed <= `${year - 1}-12-31`).toBe(true);
      expect(new Date(late.submitted).getTime()).toBeLessThan(today.getTime());

      const coverage = async (y: number) =>
        (
          await t.db.query(
            `SELECT count(DISTINCT p.unit_id)::int AS units, count(DISTINCT p.category_code)::int AS categories
               FROM ledger_postings p JOIN budget_years y ON y.id = p.budget_year_id
              WHERE y.year = $1 AND p.kind = 'commit'`,
            [y],
          )
        )[0];
      expect(await coverage(year - 1)).toEqual({ units: 13, categories: 3 });
      if (today.getMonth() >= 3) expect(await coverage(year)).toEqual({ units: 13, categories: 3 });

      // payments in most of the window's months
      const months: { payments: number }[] = await t.db.query(
        `SELECT (SELECT count(*)::int FROM disbursements d WHERE date_trunc('month', d.paid_on) = m) AS payments
           FROM generate_series(greatest(make_date($1 - 1, 1, 1), date_trunc('month', $2::date - interval '17 months')),
                                date_trunc('month', $2::date - interval '1 month'), interval '1 month') AS m`,
        [year, day],
      );
      expect(months.filter((m) => m.payments > 0).length / months.length).toBeGreaterThanOrEqual(0.75);

      const [{ statuses }] = await t.db.query(
        `SELECT array_agg(DISTINCT a.status ORDER BY a.status) AS statuses
           FROM applications a JOIN cases c ON c.id = a.case_id WHERE c.year IN ($1 - 1, $1)`,
        [year],
      );
      expect(statuses).toEqual(expect.arrayContaining(['paid', 'rejected', 'withdrawn', 'cancelled']));
    },
  );

  it('numbers the cases of each unit and year on from the counter, as the cases service does', async () => {
    const [{ gaps }] = await t.db.query(
      `SELECT count(*)::int AS gaps FROM case_counters k
        WHERE k.last_number <> (SELECT max(number) FROM cases c WHERE c.unit_id = k.unit_id AND c.year = k.year)`,
    );
    expect(gaps).toBe(0);
    const [{ mismatched }] = await t.db.query(
      `SELECT count(*)::int AS mismatched FROM cases c
        WHERE c.application_count <> (SELECT count(*) FROM applications a WHERE a.case_id = c.id)`,
    );
    expect(mismatched).toBe(0);
  });
});
