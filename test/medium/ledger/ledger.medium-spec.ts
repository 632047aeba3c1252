import type { EntityManager } from 'typeorm';
import { ApplicationRepository } from '../../../api/src/applications/application.repository.js';
import { ApplicationWorkflowService } from '../../../api/src/applications/application-workflow.service.js';
import type { Actor } from '../../../api/src/auth/auth.decorators.js';
import { thisYear, todayIso } from '../../../api/src/common/dates.js';
import { DisbursementsService } from '../../../api/src/disbursements/disbursements.service.js';
import { checkLedger } from '../../../api/src/ledger/ledger-check.js';
import { available, figuresOf } from '../../../api/src/ledger/ledger-figures.js';
import type { PostingKind } from '../../../api/src/ledger/ledger-posting.entity.js';
import { LedgerRepository } from '../../../api/src/ledger/ledger.repository.js';
import { LedgerService } from '../../../api/src/ledger/ledger.service.js';
import { setPool } from '../../support/money.js';
import { actorOf, createMediumTest, type MediumTest } from '../medium-db.js';
import { draftRelocation, newActiveCase, QUOTE_OVERRIDE } from '../relocation.js';

// The ledger's figures, locks and postings on the real database, against
// figures worked out by hand from the postings each step writes.

let t: MediumTest;
let ledger: LedgerService;
let years: LedgerRepository;
let workflow: ApplicationWorkflowService;
let payments: DisbursementsService;
let cp: Actor;
let finance: Actor;

/** A unit worker of a new unit, with an active case of that unit. */
async function unitWithCase(): Promise<{ worker: Actor; caseId: string }> {
  const worker = actorOf(await t.newUser('unit_worker'));
  const created = await newActiveCase(t, worker);
  return { worker, caseId: created.id };
}

/** A relocation of `nights` nights at DKK 1,000 (100,000 øre) a night, submitted and approved in full. */
async function grant(unit: { worker: Actor; caseId: string }, nights: number): Promise<string> {
  const draft = await draftRelocation(t, unit.worker, unit.caseId, nights);
  await workflow.submit(unit.worker, draft.id);
  await workflow.approve(cp, draft.id, {
    amountApproved: nights * 100_000,
    reason: 'Within the guideline.',
    overrides: QUOTE_OVERRIDE,
  });
  return draft.id;
}

const record = (applicationId: string, amount: number) =>
  payments.create(finance, { applicationId, amount, paidOn: todayIso(), payeeType: 'landlord' } as never);

/** Until some backend of this database waits for a row lock (never a fixed sleep). */
async function untilSomeoneWaitsForALock(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [{ waiting }] = await t.db.query(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('nobody came to wait for the lock');
}

/** Whether another connection can take the budget year's row lock at once (`NOWAIT`). */
async function yearIsFree(budgetYearId: string): Promise<boolean> {
  try {
    await t.db.transaction((tx) =>
      tx.query(`SELECT 1 FROM budget_years WHERE id = $1 FOR UPDATE NOWAIT`, [budgetYearId]),
    );
    return true;
  } catch (error) {
    if ((error as { driverError?: { code?: string } }).driverError?.code === '55P03') return false;
    throw error;
  }
}

beforeAll(async () => {
  t = await createMediumTest();
  await t.seedCatalog();
  ledger = t.get(LedgerService);
  years = t.get(LedgerRepository);
  workflow = t.get(ApplicationWorkflowService);
  payments = t.get(DisbursementsService);
  cp = actorOf(await t.newUser('contact_point'));
  finance = actorOf(await t.newUser('finance'));
  // a pool of DKK 50,000 that this file alone draws on
  await setPool(t, 5_000_000);
});
afterAll(() => t.close());

describe(LedgerService.name, () => {
  it("adds the year's postings up per unit and in all, as worked out by hand", async () => {
    const a = await unitWithCase();
    const b = await unitWithCase();
    const a1 = await grant(a, 3); // commit 300,000
    await record(a1, 100_000); // disburse 100,000
    await record(a1, -20_000); // refund 20,000
    const a2 = await grant(a, 2); // commit 200,000
    await workflow.cancel(cp, a2, 'No longer needed.'); // release 200,000
    const b1 = await grant(b, 2); // commit 200,000
    await record(b1, 200_000); // disburse 200,000: paid in full

    // A: committed 300 − 100 + 20 + 200 − 200 = 220 (thousand øre), disbursed 100 − 20 = 80; B: 0 and 200
    const year = (await years.findYearNumbered(thisYear()))!;
    expect({ committed: year.committed, disbursed: year.disbursed }).toEqual({
      committed: 220_000n,
      disbursed: 280_000n,
    });
    expect(available(year)).toBe(4_500_000n);
    expect(await ledger.availableOn(t.db.manager, todayIso())).toBe(4_500_000n);
    const byUnit = await years.figuresByUnit(t.db.manager, year.id, null);
    expect(byUnit).toEqual(
      expect.arrayContaining([
        { unitId: a.worker.unitId, committed: 220_000n, disbursed: 80_000n },
        { unitId: b.worker.unitId, committed: 0n, disbursed: 200_000n },
      ]),
    );
    expect(await years.figuresByUnit(t.db.manager, year.id, b.worker.unitId)).toEqual([
      { unitId: b.worker.unitId, committed: 0n, disbursed: 200_000n },
    ]);

    // the pure sum over the year's postings agrees with the trigger's running figures
    const postings: { kind: PostingKind; amount: string }[] = await t.db.query(
      `SELECT kind, amount::text FROM ledger_postings WHERE budget_year_id = $1`,
      [year.id],
    );
    expect(figuresOf(postings.map((p) => ({ kind: p.kind, amount: BigInt(p.amount) })))).toEqual({
      committed: 220_000n,
      disbursed: 280_000n,
    });

    // A's allocation of DKK 10,000 less what it took: commits 500 − releases 200 = 300 (thousand øre)
    await years.replaceAllocations(t.db.manager, year.id, [{ unitId: a.worker.unitId!, amount: 1_000_000n }]);
    expect(await ledger.allocationLeftOn(t.db.manager, a.worker.unitId!, todayIso())).toBe(700_000n);
    expect(await ledger.allocationLeftOn(t.db.manager, b.worker.unitId!, todayIso())).toBeNull();
    expect(await checkLedger(t.db.manager)).toEqual([]);
  });

  it('knows no pool for a day without an open budget year', async () => {
    expect(await ledger.availableOn(t.db.manager, '2099-06-01')).toBeNull();
    await expect(t.db.transaction((tx) => ledger.lockOpenYear(tx, '2099-06-01'))).rejects.toMatchObject({
      code: 'LEDGER_NO_OPEN_YEAR',
    });
  });

  it('refuses to commit more than is available, and posts nothing then', async () => {
    const unit = await unitWithCase();
    const id = await grant(unit, 1);
    const before = (await years.findYearNumbered(thisYear()))!;
    const target = await t.get(ApplicationRepository).reload(t.db.manager, id);
    await expect(
      t.db.transaction(async (tx) =>
        ledger.commit(tx, await ledger.lockOpenYear(tx), target, available(before) + 1n, cp.id),
      ),
    ).rejects.toMatchObject({ code: 'LEDGER_POOL_SHORT' });
    const after = (await years.findYearNumbered(thisYear()))!;
    expect(after.committed).toBe(before.committed);
  });

  it('answers the year it committed from and leaves the application to the caller', async () => {
    const unit = await unitWithCase();
    const id = await grant(unit, 1);
    const target = await t.get(ApplicationRepository).reload(t.db.manager, id);
    const given = { ...target };
    const yearId = await t.db.transaction(async (tx) =>
      ledger.commit(tx, await ledger.lockOpenYear(tx), given, 1_000n, cp.id),
    );
    expect(yearId).toBe((await years.findYearNumbered(thisYear()))!.id);
    expect(given).toEqual(target);
    const [posting] = await t.db.query(
      `SELECT kind, amount::text, budget_year_id AS "yearId" FROM ledger_postings WHERE application_id = $1 ORDER BY id DESC LIMIT 1`,
      [id],
    );
    expect(posting).toEqual({ kind: 'commit', amount: '1000', yearId });
    // the grant now holds 1,000 øre more than its status says: the ledger check names exactly that
    expect(await checkLedger(t.db.manager)).toEqual([
      { what: 'grant commitment', id, stored: '100000', fromPostings: '101000' },
    ]);
    await t.db.transaction((tx) => ledger.post(tx, yearId, target, 'release', 1_000n, cp.id));
    expect(await checkLedger(t.db.manager)).toEqual([]);
  });

  it("holds the open year's row for the rest of the transaction", async () => {
    const year = (await years.findYearNumbered(thisYear()))!;
    const runner = t.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await ledger.lockOpenYear(runner.manager, todayIso());
      expect(await yearIsFree(year.id)).toBe(false);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await yearIsFree(year.id)).toBe(true);
  });

  it("locks the application before the budget year: a payment waiting for its grant holds no year's lock", async () => {
    const unit = await unitWithCase();
    const id = await grant(unit, 2);
    const year = (await years.findYearNumbered(thisYear()))!;
    const runner = t.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    let paying: Promise<unknown> | undefined;
    try {
      await t.get(ApplicationRepository).lock(runner.manager, finance, id);
      paying = record(id, 50_000);
      await untilSomeoneWaitsForALock();
      // the payment queues on the grant's row and has not reached the year's
      expect(await yearIsFree(year.id)).toBe(true);
    } finally {
      await runner.commitTransaction();
      await runner.release();
    }
    await paying;
    const [{ paid }] = await t.db.query(`SELECT paid_amount::text AS paid FROM applications WHERE id = $1`, [id]);
    expect(paid).toBe('50000');
  });

  it('writes many postings in their order, each moving the figures as one would', async () => {
    const unit = await unitWithCase();
    const id = await grant(unit, 1); // commit 100,000
    const target = await t.get(ApplicationRepository).reload(t.db.manager, id);
    const before = (await years.findYearNumbered(thisYear()))!;
    const posting = (kind: PostingKind, amount: bigint) => ({
      budgetYearId: before.id,
      applicationId: id,
      unitId: target.unitId,
      categoryCode: target.categoryCode,
      kind,
      amount,
      postedOn: todayIso(),
      createdBy: cp.id,
    });
    // written in the order given, each through the trigger
    await t.db.transaction((tx) =>
      ledger.postMany(tx, [posting('commit', 40_000n), posting('release', 40_000n), posting('release', 100_000n)]),
    );
    const after = (await years.findYearNumbered(thisYear()))!;
    expect(after.committed - before.committed).toBe(-100_000n);
    const kinds: { kind: string }[] = await t.db.query(
      `SELECT kind FROM ledger_postings WHERE application_id = $1 ORDER BY id`,
      [id],
    );
    expect(kinds.map((k) => k.kind)).toEqual(['commit', 'commit', 'release', 'release']);
    await t.db.transaction((tx) => ledger.post(tx, before.id, target, 'commit', 100_000n, cp.id));
  });

  it("moves a year's figures once per statement, by the sum of the postings it inserts", async () => {
    const unit = await unitWithCase();
    const id = await grant(unit, 1);
    const target = await t.get(ApplicationRepository).reload(t.db.manager, id);
    const before = (await years.findYearNumbered(thisYear()))!;
    const posting = (kind: PostingKind, amount: bigint) => ({
      budgetYearId: before.id,
      applicationId: id,
      unitId: target.unitId,
      categoryCode: target.categoryCode,
      kind,
      amount,
      postedOn: todayIso(),
      createdBy: cp.id,
    });
    // this backend's row updates of budget_years, before and after (the count may hold unflushed earlier ones)
    const yearUpdates = async (tx: EntityManager): Promise<number> => {
      const [{ n }] = await tx.query(
        `SELECT n_tup_upd::int AS n FROM pg_stat_xact_user_tables WHERE relname = 'budget_years'`,
      );
      return n;
    };
    const updates = await t.db.transaction(async (tx) => {
      const start = await yearUpdates(tx);
      await ledger.postMany(tx, [posting('release', 30_000n), posting('release', 20_000n), posting('commit', 5_000n)]);
      return (await yearUpdates(tx)) - start;
    });
    expect(updates).toBe(1);
    const after = (await years.findYearNumbered(thisYear()))!;
    expect(after.committed - before.committed).toBe(-45_000n);
    await t.db.transaction((tx) => ledger.post(tx, before.id, target, 'commit', 45_000n, cp.id));
    expect(await checkLedger(t.db.manager)).toEqual([]);
  });

  it('refuses, in the inserting statement, postings that together would over-commit the pool, and keeps none', async () => {
    const unit = await unitWithCase();
    const id = await grant(unit, 1);
    const target = await t.get(ApplicationRepository).reload(t.db.manager, id);
    const before = (await years.findYearNumbered(thisYear()))!;
    const half = available(before) / 2n + 1n;
    const posting = (amount: bigint) => ({
      budgetYearId: before.id,
      applicationId: id,
      unitId: target.unitId,
      categoryCode: target.categoryCode,
      kind: 'commit' as const,
      amount,
      postedOn: todayIso(),
      createdBy: cp.id,
    });
    // each half fits the pool alone; the statement's sum does not: the same error the API answers 409 to
    await expect(t.db.transaction((tx) => ledger.postMany(tx, [posting(half), posting(half)]))).rejects.toMatchObject({
      driverError: { code: '23514', constraint: 'budget_years_never_over_committed' },
    });
    const after = (await years.findYearNumbered(thisYear()))!;
    expect({ committed: after.committed, disbursed: after.disbursed }).toEqual({
      committed: before.committed,
      disbursed: before.disbursed,
    });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM ledger_postings WHERE application_id = $1`, [id]);
    expect(n).toBe(1);
  });
});
