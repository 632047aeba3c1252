import fc from 'fast-check';
import type { EntityManager } from 'typeorm';
import { ApplicationRepository } from '../../../api/src/applications/application.repository.js';
import { ApplicationWorkflowService } from '../../../api/src/applications/application-workflow.service.js';
import type { Actor } from '../../../api/src/auth/auth.decorators.js';
import { thisYear, todayIso } from '../../../api/src/common/dates.js';
import { DisbursementsService } from '../../../api/src/disbursements/disbursements.service.js';
import { checkLedger } from '../../../api/src/ledger/ledger-check.js';
import type { PostingKind } from '../../../api/src/ledger/ledger-posting.entity.js';
import type { NewPosting } from '../../../api/src/ledger/ledger.repository.js';
import { LedgerService } from '../../../api/src/ledger/ledger.service.js';
import type { Grouping } from '../../../api/src/reports/dto/spending-query.dto.js';
import { PoolReportService } from '../../../api/src/reports/pool-report.service.js';
import { SpendingService } from '../../../api/src/reports/spending.service.js';
import { openYear } from '../../support/money.js';
import { actorOf, createMediumTest, type MediumTest } from '../medium-db.js';
import { draftRelocation, newActiveCase, QUOTE_OVERRIDE } from '../relocation.js';

// The reports read the monthly summary that the ledger's trigger keeps, and
// the postings only for the days of a month a period cuts. Their figures are
// held here to sums worked out in this file from the postings themselves,
// row by row, over many postings spread across two budget years, units,
// categories and months, for periods, filters and groupings fast-check picks.

const Y = thisYear();
const CATEGORIES = ['relocation', 'tattoo_removal', 'psychological_treatment'];
const FIRST_DAY = Date.UTC(Y - 1, 10, 1); // 1 November last year
const DAYS = 500; // to mid-March next year
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

let t: MediumTest;
let finance: Actor;
let workers: Actor[];
const years: Record<number, string> = {};

/** A small deterministic generator, so that the data set is the same on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

interface PostingRow {
  yearId: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  categoryCode: string;
  categoryName: string | null;
  kind: PostingKind;
  amount: bigint;
  postedOn: string;
}

/** Every posting of the database, as rows: the facts the expected figures are summed from. */
async function allPostings(): Promise<PostingRow[]> {
  const rows: Record<string, string>[] = await t.db.query(
    `SELECT p.budget_year_id AS "yearId", p.unit_id AS "unitId", u.code AS "unitCode", u.name AS "unitName",
            p.category_code AS "categoryCode", c.name AS "categoryName", p.kind, p.amount::text AS amount,
            to_char(p.posted_on::timestamp, 'YYYY-MM-DD') AS "postedOn"
       FROM ledger_postings p JOIN units u ON u.id = p.unit_id LEFT JOIN categories c ON c.code = p.category_code`,
  );
  return rows.map((r) => ({ ...r, amount: BigInt(r.amount) }) as unknown as PostingRow);
}

// committed = commit − release − disburse + refund; disbursed = disburse − refund
const COMMITTED: Record<PostingKind, bigint> = { commit: 1n, release: -1n, disburse: -1n, refund: 1n };
const DISBURSED: Record<PostingKind, bigint> = { commit: 0n, release: 0n, disburse: 1n, refund: -1n };

function groupKey(p: PostingRow, g: Grouping): Record<string, string | null> {
  switch (g) {
    case 'unit':
      return { unitCode: p.unitCode, unitName: p.unitName };
    case 'category':
      return { categoryCode: p.categoryCode, categoryName: p.categoryName };
    case 'month':
      return { month: p.postedOn.slice(0, 7) };
    case 'quarter':
      return { quarter: `${p.postedOn.slice(0, 4)}-Q${Math.ceil(Number(p.postedOn.slice(5, 7)) / 3)}` };
  }
}

interface Query {
  year?: number;
  from?: string;
  to?: string;
  groupBy: Grouping[];
  unitId?: string;
  categoryCode?: string;
}

/** The spending report's rows as summed here from the postings, sorted by their keys. */
function expectedRows(postings: PostingRow[], q: Query): Record<string, unknown>[] {
  const groups = new Map<string, { key: Record<string, string | null>; committed: bigint; disbursed: bigint }>();
  if (!q.groupBy.length) groups.set('{}', { key: {}, committed: 0n, disbursed: 0n });
  for (const p of postings) {
    if (q.year !== undefined && p.yearId !== years[q.year]) continue;
    if (q.from !== undefined && p.postedOn < q.from) continue;
    if (q.to !== undefined && p.postedOn > q.to) continue;
    if (q.unitId !== undefined && p.unitId !== q.unitId) continue;
    if (q.categoryCode !== undefined && p.categoryCode !== q.categoryCode) continue;
    const key = Object.assign({}, ...q.groupBy.map((g) => groupKey(p, g))) as Record<string, string | null>;
    const id = JSON.stringify(key);
    const group = groups.get(id) ?? { key, committed: 0n, disbursed: 0n };
    group.committed += COMMITTED[p.kind] * p.amount;
    group.disbursed += DISBURSED[p.kind] * p.amount;
    groups.set(id, group);
  }
  return sorted([...groups.values()].map((g) => ({ ...g.key, committed: g.committed, disbursed: g.disbursed })));
}

const sorted = (rows: Record<string, unknown>[]) =>
  rows
    .map((r) => ({ r, k: JSON.stringify(r, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map(({ r }) => r);

/** Figures per unit and per category of a year, summed here from the postings. */
function expectedBy(postings: PostingRow[], yearId: string, by: 'unitId' | 'categoryCode', unitId?: string) {
  const sums = new Map<string, { committed: bigint; disbursed: bigint }>();
  for (const p of postings) {
    if (p.yearId !== yearId || (unitId !== undefined && p.unitId !== unitId)) continue;
    const sum = sums.get(p[by]) ?? { committed: 0n, disbursed: 0n };
    sum.committed += COMMITTED[p.kind] * p.amount;
    sum.disbursed += DISBURSED[p.kind] * p.amount;
    sums.set(p[by], sum);
  }
  return (key: string) => sums.get(key) ?? { committed: 0n, disbursed: 0n };
}

beforeAll(async () => {
  t = await createMediumTest();
  await t.seedCatalog();
  years[Y] = (await t.db.query(`SELECT id FROM budget_years WHERE year = $1`, [Y]))[0].id;
  years[Y + 1] = await openYear(t, Y + 1, 10_000_000_000n);
  const cp = actorOf(await t.newUser('contact_point'));
  finance = actorOf(await t.newUser('finance'));
  workers = [];
  // three units, each with a grant and a payment on it, that the postings below are booked on
  const grants: { id: string; unitId: string; paymentId: string }[] = [];
  for (let i = 0; i < 3; i++) {
    const worker = actorOf(await t.newUser('unit_worker'));
    workers.push(worker);
    const draft = await draftRelocation(t, worker, (await newActiveCase(t, worker)).id, 2);
    await t.get(ApplicationWorkflowService).submit(worker, draft.id);
    await t.get(ApplicationWorkflowService).approve(cp, draft.id, {
      amountApproved: 200_000,
      reason: 'Within the guideline.',
      overrides: QUOTE_OVERRIDE,
    });
    const payment = await t
      .get(DisbursementsService)
      .create(finance, { applicationId: draft.id, amount: 50_000, paidOn: todayIso(), payeeType: 'landlord' } as never);
    const app = await t.get(ApplicationRepository).reload(t.db.manager, draft.id);
    grants.push({ id: draft.id, unitId: app.unitId, paymentId: payment.record.id });
  }

  // pairs that cancel out (commit and release, or payment and refund) on days apart, so that every
  // grant's and year's figures stay what they were and check:ledger stays clean, while the months move
  const next = random(12);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const day = () => iso(FIRST_DAY + Math.floor(next() * DAYS) * 86_400_000);
  for (let batch = 0; batch < 6; batch++) {
    const postings: NewPosting[] = [];
    for (let i = 0; i < 80; i++) {
      const grant = pick(grants);
      const pay = next() < 0.5;
      const base = {
        budgetYearId: years[pick([Y, Y + 1])],
        applicationId: grant.id,
        unitId: grant.unitId,
        categoryCode: pick(CATEGORIES),
        amount: BigInt(1 + Math.floor(next() * 1_000_000)),
        disbursementId: pay ? grant.paymentId : null,
        createdBy: finance.id,
      };
      postings.push({ ...base, kind: pay ? 'disburse' : 'commit', postedOn: day() });
      postings.push({ ...base, kind: pay ? 'refund' : 'release', postedOn: day() });
    }
    await t.db.transaction((tx) => t.get(LedgerService).postMany(tx, postings));
  }
});
afterAll(() => t.close());

describe('the ledger summary', () => {
  it('adds up to the postings: check:ledger finds nothing', async () => {
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM ledger_monthly`);
    expect(n).toBeGreaterThan(100);
    expect(await checkLedger(t.db.manager)).toEqual([]);
  });

  it('is written by the ledger trigger only: the code may only read it', async () => {
    const [row] = await t.db.query(`SELECT budget_year_id, unit_id, category_code, month FROM ledger_monthly LIMIT 1`);
    for (const sql of [
      `UPDATE ledger_monthly SET committed = committed + 1`,
      `DELETE FROM ledger_monthly`,
      `TRUNCATE ledger_monthly`,
      `INSERT INTO ledger_monthly VALUES ('${row.budget_year_id}', '${row.unit_id}', 'relocation', '1999-01-01', 1, 0)`,
    ]) {
      await expect(t.db.query(sql)).rejects.toThrow(/ledger_monthly is kept by the ledger_postings trigger only/);
    }
  });

  it("books a posting in the month of its posted_on, whatever the session's time zone", async () => {
    const [grant] = await t.db.query(
      `SELECT id, unit_id AS "unitId" FROM applications WHERE status = 'approved' ORDER BY id LIMIT 1`,
    );
    const posting = (kind: PostingKind, postedOn: string): NewPosting => ({
      budgetYearId: years[Y + 1],
      applicationId: grant.id,
      unitId: grant.unitId,
      categoryCode: 'tattoo_removal',
      kind,
      amount: 777n,
      postedOn,
      createdBy: finance.id,
    });
    const monthOf = async (tx: EntityManager, postedOn: string, kind: PostingKind) => {
      const [row] = await tx.query(
        `SELECT to_char(m.month::timestamp, 'YYYY-MM-DD') AS month FROM ledger_postings p
           JOIN ledger_monthly m ON (m.budget_year_id, m.unit_id, m.category_code) = (p.budget_year_id, p.unit_id, p.category_code)
            AND p.posted_on >= m.month AND p.posted_on < m.month + interval '1 month'
          WHERE p.posted_on = $1 AND p.kind = $2 AND p.amount = 777`,
        [postedOn, kind],
      );
      return row?.month;
    };
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      await t.db
        .transaction(async (tx) => {
          await tx.query(`SELECT set_config('TimeZone', $1, true)`, [zone]);
          await t
            .get(LedgerService)
            .postMany(tx, [posting('commit', `${Y + 1}-03-01`), posting('release', `${Y + 1}-02-28`)]);
          expect(await monthOf(tx, `${Y + 1}-03-01`, 'commit')).toBe(`${Y + 1}-03-01`);
          expect(await monthOf(tx, `${Y + 1}-02-28`, 'release')).toBe(`${Y + 1}-02-01`);
          expect(await checkLedger(tx)).toEqual([]);
          throw new RollBack();
        })
        .catch((error) => {
          if (!(error instanceof RollBack)) throw error;
        });
    }
  });

  it('names every summary row that differs from the postings, and a row missing on either side', async () => {
    const [row] = await t.db.query(
      `SELECT budget_year_id AS "yearId", unit_id AS "unitId", category_code AS category,
              to_char(month::timestamp, 'YYYY-MM-DD') AS month,
              to_char(month::timestamp, 'YYYY-MM') AS label, committed::text, disbursed::text
         FROM ledger_monthly ORDER BY 1, 2, 3, 4 LIMIT 1`,
    );
    const id = `${row.yearId}/${row.unitId}/${row.category}/${row.label}`;
    // as the owner who switches the table's guard off: what the code cannot do
    const tamper = (sql: string) =>
      t.db.transaction(async (tx) => {
        await tx.query(`ALTER TABLE ledger_monthly DISABLE TRIGGER ledger_monthly_by_trigger_only`);
        await tx.query(sql, [row.yearId, row.unitId, row.category, row.month]);
        await tx.query(`ALTER TABLE ledger_monthly ENABLE TRIGGER ledger_monthly_by_trigger_only`);
      });
    const where = `budget_year_id = $1 AND unit_id = $2 AND category_code = $3 AND month = $4`;
    try {
      await tamper(`UPDATE ledger_monthly SET disbursed = disbursed + 5 WHERE ${where}`);
      expect(await checkLedger(t.db.manager)).toEqual([
        {
          what: 'monthly summary disbursed',
          id,
          stored: String(BigInt(row.disbursed) + 5n),
          fromPostings: row.disbursed,
        },
      ]);
      await tamper(`DELETE FROM ledger_monthly WHERE ${where}`);
      expect(await checkLedger(t.db.manager)).toEqual([
        { what: 'monthly summary committed', id, stored: 'none', fromPostings: row.committed },
        { what: 'monthly summary disbursed', id, stored: 'none', fromPostings: row.disbursed },
      ]);
      await tamper(`INSERT INTO ledger_monthly VALUES ($1, $2, $3, $4, ${row.committed}, ${row.disbursed})`);
      expect(await checkLedger(t.db.manager)).toEqual([]);
      await tamper(`INSERT INTO ledger_monthly VALUES ($1, $2, $3, $4::date - interval '1 year', 0, 0)`);
      const ghost = `${row.yearId}/${row.unitId}/${row.category}/${Number(row.label.slice(0, 4)) - 1}${row.label.slice(4)}`;
      expect(await checkLedger(t.db.manager)).toEqual([
        { what: 'monthly summary committed', id: ghost, stored: '0', fromPostings: 'none' },
        { what: 'monthly summary disbursed', id: ghost, stored: '0', fromPostings: 'none' },
      ]);
    } finally {
      await tamper(
        `DELETE FROM ledger_monthly WHERE ${where.replace('month = $4', "month = $4::date - interval '1 year'")}`,
      );
    }
    expect(await checkLedger(t.db.manager)).toEqual([]);
  });
});

describe(SpendingService.name, () => {
  it('answers the figures summed from the postings, for any period, filter and grouping', async () => {
    const postings = await allPostings();
    const units = workers.map((w) => w.unitId!);
    const day = fc.integer({ min: -40, max: DAYS + 40 }).map((d) => iso(FIRST_DAY + d * 86_400_000));
    // days on and next to month boundaries as often as any other
    const edgeDay = fc.oneof(
      day,
      day.map((d) => `${d.slice(0, 8)}01`),
      day.map((d) => {
        const [y, m] = d.split('-').map(Number);
        return iso(Date.UTC(y, m, 0));
      }),
      day.map((d) => {
        const [y, m] = d.split('-').map(Number);
        return iso(Date.UTC(y, m, 1));
      }),
    );
    const query = fc
      .record({
        year: fc.constantFrom(undefined, Y, Y + 1),
        from: fc.option(edgeDay, { nil: undefined }),
        to: fc.option(edgeDay, { nil: undefined }),
        groupBy: fc.shuffledSubarray<Grouping>(['unit', 'category', 'month', 'quarter']),
        unitId: fc.option(fc.constantFrom(...units), { nil: undefined, freq: 3 }),
        categoryCode: fc.option(fc.constantFrom(...CATEGORIES), { nil: undefined, freq: 3 }),
      })
      .map((q) => (q.from && q.to && q.from > q.to ? { ...q, from: q.to, to: q.from } : q))
      .filter((q) => q.year !== undefined || q.from !== undefined || q.to !== undefined);
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const dto = Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined));
        const report = await t.get(SpendingService).report(finance, dto as never);
        const expected = expectedRows(postings, q);
        expect(sorted(report.rows as unknown as Record<string, unknown>[])).toEqual(expected);
        expect(report.totals).toEqual({
          committed: expected.reduce((s, r) => s + (r.committed as bigint), 0n),
          disbursed: expected.reduce((s, r) => s + (r.disbursed as bigint), 0n),
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe(PoolReportService.name, () => {
  it("answers each unit's and each category's figures summed from the postings, in all and for a unit worker", async () => {
    const postings = await allPostings();
    for (const year of [Y, Y + 1]) {
      for (const actor of [finance, workers[1]]) {
        const scope = actor === finance ? undefined : actor.unitId!;
        const report = await t.get(PoolReportService).pool(actor, year);
        const byUnit = expectedBy(postings, years[year], 'unitId', scope);
        const byCategory = expectedBy(postings, years[year], 'categoryCode', scope);
        expect(report.byUnit.length).toBeGreaterThanOrEqual(scope ? 1 : 3);
        for (const u of report.byUnit) {
          expect({ unit: u.unitId, committed: u.committed, disbursed: u.disbursed }).toEqual({
            unit: u.unitId,
            ...byUnit(u.unitId),
          });
        }
        expect(report.byCategory.map((c) => c.categoryCode).sort()).toEqual([...CATEGORIES].sort());
        for (const c of report.byCategory) {
          expect({ category: c.categoryCode, committed: c.committed, disbursed: c.disbursed }).toEqual({
            category: c.categoryCode,
            ...byCategory(c.categoryCode),
          });
        }
      }
    }
  });
});

class RollBack extends Error {}
