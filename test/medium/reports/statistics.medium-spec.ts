import { ReportsModule } from '../../../api/src/reports/reports.module.js';
import { StatisticsService } from '../../../api/src/reports/statistics.service.js';
import type { Actor } from '../../../api/src/auth/auth.decorators.js';
import { actorOf, createMediumTest, type MediumTest } from '../medium-db.js';

let t: MediumTest;
let statistics: StatisticsService;
let cp: Actor;
let worker: Actor;
let guidelineId: string;
let seq = 0;
const cases: string[] = [];

beforeAll(async () => {
  t = await createMediumTest({ imports: [ReportsModule] });
  statistics = t.get(StatisticsService);
  ({ guidelineId } = await t.seedCatalog());
  const workerUser = await t.newUser('unit_worker');
  worker = actorOf(workerUser);
  cp = actorOf(await t.newUser('contact_point'));
  for (let i = 1; i <= 11; i++) {
    const [{ id }] = await t.db.query(
      `INSERT INTO cases (reference, unit_id, year, number, status, created_by)
       VALUES ($1, $2, 2041, $3, 'active', $4) RETURNING id`,
      [`STA-2041-${String(i).padStart(3, '0')}`, worker.unitId, i, worker.id],
    );
    cases.push(id);
  }
  const relocation = 'relocation';
  const psych = 'psychological_treatment';
  // relocation, Q1 2041: five candidates, one approved grant of DKK 1,000 each, nothing paid yet
  for (let i = 0; i < 5; i++) await grant(cases[i], relocation, 'approved', '2041-02-10T12:00:00Z', 100_000, 0);
  // relocation, Q2: the same five candidates, six paid grants of DKK 2,000 (the first candidate twice)
  for (const i of [0, 0, 1, 2, 3, 4])
    await grant(cases[i], relocation, 'paid', '2041-05-10T12:00:00Z', 200_000, 200_000);
  // a cancelled grant counts with what was paid of it (DKK 500 of 1,000); one that paid nothing does not count
  await grant(cases[1], relocation, 'cancelled', '2041-06-30T12:00:00Z', 100_000, 50_000);
  await grant(cases[2], relocation, 'cancelled', '2041-06-30T12:00:00Z', 100_000, 0);
  // psychological treatment, Q4: five other candidates, partly approved DKK 300 each, DKK 100 paid
  for (let i = 5; i < 10; i++)
    await grant(cases[i], psych, 'partially_approved', '2041-11-01T12:00:00Z', 30_000, 10_000, 60_000);
  // not grants of 2041: a rejection, and a grant decided in the last hour of 2040 (UTC)
  await grant(cases[0], relocation, 'rejected', '2041-03-01T12:00:00Z', null, 0);
  await grant(cases[0], relocation, 'approved', '2040-12-31T23:00:00Z', 100_000, 0);
  // 2042: one grant alone
  await grant(cases[10], relocation, 'approved', '2042-01-15T12:00:00Z', 100_000, 0);
});
afterAll(() => t.close());

async function grant(
  caseId: string,
  category: string,
  status: string,
  decidedAt: string,
  approved: number | null,
  paid: number,
  requested = approved ?? 100_000,
): Promise<void> {
  seq += 1;
  await t.db.query(
    `INSERT INTO applications (reference, case_id, unit_id, category_code, amount_requested, amount_approved, paid_amount,
                               justification, lines, status, guideline_id, submitted_at, submitted_by,
                               decided_at, decided_by, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, $9, $10, $11::timestamptz - interval '1 day', $12, $11, $13, $12)`,
    [
      `STA-2041-X-A${seq}`,
      caseId,
      worker.unitId,
      category,
      requested,
      approved,
      paid,
      JSON.stringify([{ description: null, quantity: 1, unitAmount: requested }]),
      status,
      guidelineId,
      decidedAt,
      worker.id,
      cp.id,
    ],
  );
}

const figures = (grants: number, candidates: number, granted: bigint, paid: bigint) => ({
  grants,
  candidates,
  granted,
  paid,
  suppressed: false,
});
const zero = figures(0, 0, 0n, 0n);
const hidden = { grants: null, candidates: null, granted: null, paid: null, suppressed: true };

describe('StatisticsService', () => {
  it('counts and sums the grants decided in the year by category and quarter, with their totals', async () => {
    const report = await statistics.report(cp, { year: 2041 });
    expect(report).toMatchObject({ year: 2041, byUnit: false, threshold: 5 });
    const cell = (categoryCode: string, quarter: string) =>
      report.cells.find((c) => c.categoryCode === categoryCode && c.quarter === quarter);
    expect(report.cells).toHaveLength(3 * 4);
    expect(cell('relocation', '2041-Q1')).toMatchObject(figures(5, 5, 500_000n, 0n));
    expect(cell('relocation', '2041-Q2')).toMatchObject(figures(7, 5, 1_250_000n, 1_250_000n));
    expect(cell('relocation', '2041-Q3')).toMatchObject(zero);
    expect(cell('psychological_treatment', '2041-Q4')).toMatchObject(figures(5, 5, 150_000n, 50_000n));
    expect(cell('tattoo_removal', '2041-Q4')).toMatchObject(zero);

    expect(report.totals.byCategory).toEqual([
      { categoryCode: 'psychological_treatment', ...figures(5, 5, 150_000n, 50_000n) },
      { categoryCode: 'relocation', ...figures(12, 5, 1_750_000n, 1_250_000n) },
      { categoryCode: 'tattoo_removal', ...zero },
    ]);
    expect(report.totals.byQuarter).toEqual([
      { quarter: '2041-Q1', ...figures(5, 5, 500_000n, 0n) },
      { quarter: '2041-Q2', ...figures(7, 5, 1_250_000n, 1_250_000n) },
      { quarter: '2041-Q3', ...zero },
      { quarter: '2041-Q4', ...figures(5, 5, 150_000n, 50_000n) },
    ]);
    expect(report.totals.all).toEqual(figures(17, 10, 1_900_000n, 1_300_000n));
  });

  it('withholds every figure a lone grant is in, and still publishes the zeros', async () => {
    const report = await statistics.report(cp, { year: 2042 });
    expect(report.cells.find((c) => c.categoryCode === 'relocation' && c.quarter === '2042-Q1')).toMatchObject(hidden);
    expect(report.totals.byCategory.find((c) => c.categoryCode === 'relocation')).toMatchObject(hidden);
    expect(report.totals.byQuarter.find((c) => c.quarter === '2042-Q1')).toMatchObject(hidden);
    expect(report.totals.all).toEqual(hidden);
    expect(report.totals.byQuarter.find((c) => c.quarter === '2042-Q2')).toEqual({ quarter: '2042-Q2', ...zero });
  });

  it('confines a unit worker to their unit, and splits by unit when asked', async () => {
    const other = actorOf(await t.newUser('unit_worker'));
    expect((await statistics.report(other, { year: 2041 })).totals.all).toEqual(zero);
    const mine = await statistics.report(worker, { year: 2041, byUnit: true });
    const [{ code }] = await t.db.query(`SELECT code FROM units WHERE id = $1`, [worker.unitId]);
    // only the worker's own unit is a dimension value
    expect(mine.totals.byUnit).toEqual([{ unitCode: code, ...figures(17, 10, 1_900_000n, 1_300_000n) }]);
    expect(mine.cells).toHaveLength(1 * 3 * 4);
  });
});
