import { seedDemoHistory } from '../../../api/src/demo/demo-history.js';
import { DEMO_PROFILES } from '../../../api/src/demo/demo-data.js';
import { seedDemo } from '../../../api/src/demo/demo-seed.js';
import { checkLedger } from '../../../api/src/ledger/ledger-check.js';
import { figuresOf } from '../../../api/src/ledger/ledger-figures.js';
import type { PostingKind } from '../../../api/src/ledger/ledger-posting.entity.js';
import { LedgerRepository } from '../../../api/src/ledger/ledger.repository.js';
import { setPool } from '../../support/money.js';
import { createMediumTest, type MediumTest } from '../medium-db.js';

// The demo's invented history takes the ledger's own path (LedgerService.postMany,
// the budget years' repository): the books it leaves add up.

let t: MediumTest;
beforeAll(async () => {
  t = await createMediumTest();
  await seedDemo(t.db);
  await t.seedCatalog();
});
afterAll(() => t.close());

describe(seedDemoHistory.name, () => {
  it('leaves books that the ledger check finds nothing wrong with, and last year closed with nothing committed', async () => {
    const today = new Date(2031, 10, 21, 12);
    // this year's pool as the demo opens it: DKK 2,000,000
    await setPool(t, 200_000_000, 2031);
    await seedDemoHistory(t.module, DEMO_PROFILES.dk, today);

    expect(await checkLedger(t.db.manager)).toEqual([]);
    const years = t.get(LedgerRepository);
    const last = (await years.findYearNumbered(2030))!;
    expect(last).toMatchObject({ status: 'closed', poolAmount: 200_000_000n, committed: 0n });
    const postings: { kind: PostingKind; amount: string }[] = await t.db.query(
      `SELECT kind, amount::text FROM ledger_postings WHERE budget_year_id = $1`,
      [last.id],
    );
    expect(postings.length).toBeGreaterThan(100);
    expect(figuresOf(postings.map((p) => ({ kind: p.kind, amount: BigInt(p.amount) })))).toEqual({
      committed: 0n,
      disbursed: last.disbursed,
    });
    // every payment of last year has its posting, and the postings' disbursed is what the payments add up to
    const [{ paid }] = await t.db.query(
      `SELECT sum(amount)::text AS paid FROM disbursements WHERE budget_year_id = $1`,
      [last.id],
    );
    expect(last.disbursed).toBe(BigInt(paid));
    // the demo's rule: DKK 400,000 of this year's pool stays for the users to grant
    const current = (await years.findYearNumbered(2031))!;
    expect(current.poolAmount - current.committed - current.disbursed >= 40_000_000n).toBe(true);
  });
});
