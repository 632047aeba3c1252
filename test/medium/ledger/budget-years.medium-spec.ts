import type { Actor } from '../../../api/src/auth/auth.decorators.js';
import { thisYear } from '../../../api/src/common/dates.js';
import { BudgetYearsService } from '../../../api/src/ledger/budget-years.service.js';
import { LedgerService } from '../../../api/src/ledger/ledger.service.js';
import { actorOf, createMediumTest, type MediumTest } from '../medium-db.js';
import { draftRelocation, newActiveCase } from '../relocation.js';

// Budget years as the contact point opens, sizes and closes them, with the
// figures each reader sees, on the real database.

let t: MediumTest;
let years: BudgetYearsService;
let ledger: LedgerService;
let cp: Actor;
let workerA: Actor;
let workerB: Actor;
let grantOfA: { id: string; unitId: string; categoryCode: string };
const YEAR = thisYear() + 3;

/** The code of the refusal: a feature error's own, or the one in a Nest exception's body. */
async function refusal(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
  } catch (error) {
    const e = error as { code?: string; getResponse?: () => { code?: string } };
    return e.code ?? e.getResponse?.().code;
  }
  throw new Error('expected a refusal');
}

beforeAll(async () => {
  t = await createMediumTest();
  await t.seedCatalog();
  years = t.get(BudgetYearsService);
  ledger = t.get(LedgerService);
  cp = actorOf(await t.newUser('contact_point'));
  workerA = actorOf(await t.newUser('unit_worker'));
  workerB = actorOf(await t.newUser('unit_worker'));
  const theCase = await newActiveCase(t, workerA);
  const draft = await draftRelocation(t, workerA, theCase.id, 4);
  grantOfA = { id: draft.id, unitId: workerA.unitId!, categoryCode: 'relocation' };
});
afterAll(() => t.close());

describe(BudgetYearsService.name, () => {
  let id: string;

  it('opens a year with its pool and allocations, once', async () => {
    const view = await years.create(cp, {
      year: YEAR,
      poolAmount: 1_000_000,
      allocations: [{ unitId: workerA.unitId!, amount: 300_000 }],
    });
    id = view.id;
    expect(view).toMatchObject({
      year: YEAR,
      poolAmount: 1_000_000n,
      committed: 0n,
      disbursed: 0n,
      available: 1_000_000n,
      status: 'open',
      allocations: [{ unitId: workerA.unitId, amount: 300_000n }],
      byUnit: [{ unitId: workerA.unitId, allocation: 300_000n, committed: 0n, disbursed: 0n }],
    });
    expect(await refusal(years.create(cp, { year: YEAR, poolAmount: 1 }))).toBe('LEDGER_YEAR_EXISTS');
    expect(
      await refusal(
        years.update(cp, id, {
          allocations: [
            { unitId: workerA.unitId!, amount: 1 },
            { unitId: workerA.unitId!, amount: 2 },
          ],
        }),
      ),
    ).toBe('INVALID_FIELD');
  });

  it('never shrinks the pool below what is committed and paid, and shows each unit worker their own unit', async () => {
    await t.db.transaction(async (tx) =>
      ledger.post(tx, id, grantOfA, 'commit', 400_000n, cp.id, null, `${YEAR}-02-01`),
    );
    expect(await refusal(years.update(cp, id, { poolAmount: 399_999 }))).toBe('LEDGER_POOL_BELOW_USE');
    const view = await years.update(cp, id, { poolAmount: 400_000 });
    expect(view).toMatchObject({ poolAmount: 400_000n, committed: 400_000n, available: 0n });

    expect((await years.get(workerA, id)).byUnit).toEqual([
      { unitId: workerA.unitId, allocation: 300_000n, committed: 400_000n, disbursed: 0n },
    ]);
    // another unit sees its own line only, empty, and nothing of A's allocation
    expect(await years.get(workerB, id)).toMatchObject({
      allocations: [],
      byUnit: [{ unitId: workerB.unitId, allocation: null, committed: 0n, disbursed: 0n }],
    });
  });

  it('closes a year only once nothing is committed in it, and a closed year takes no commitment', async () => {
    expect(await refusal(years.close(cp, id))).toBe('LEDGER_OPEN_COMMITMENTS');
    await t.db.transaction(async (tx) => ledger.release(tx, { ...grantOfA, budgetYearId: id }, 400_000n, cp.id));
    expect(await years.close(cp, id)).toMatchObject({ status: 'closed', committed: 0n, available: 400_000n });
    expect(await refusal(years.close(cp, id))).toBe('LEDGER_YEAR_CLOSED');
    expect(await refusal(t.db.transaction((tx) => ledger.lockOpenYear(tx, `${YEAR}-06-01`)))).toBe(
      'LEDGER_YEAR_CLOSED',
    );
    expect(await ledger.availableOn(t.db.manager, `${YEAR}-06-01`)).toBeNull();
  });
});
