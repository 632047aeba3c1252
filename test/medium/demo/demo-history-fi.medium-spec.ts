import { requiresSecondApproval } from '@app/guidelines';
import { DEMO_PROFILES } from '../../../api/src/demo/demo-data.js';
import { seedDemoHistory } from '../../../api/src/demo/demo-history.js';
import { seedDemo } from '../../../api/src/demo/demo-seed.js';
import { checkLedger } from '../../../api/src/ledger/ledger-check.js';
import { LedgerRepository } from '../../../api/src/ledger/ledger.repository.js';
import { setPool } from '../../support/money.js';
import { createMediumTest, type MediumTest } from '../medium-db.js';

// The Finnish demo's history (INSTALLATION=fi): the same invented year and a half, in euros.

const fi = DEMO_PROFILES.fi;
let t: MediumTest;
beforeAll(async () => {
  t = await createMediumTest();
  await seedDemo(t.db, fi);
  await t.seedCatalog();
});
afterAll(() => t.close());

describe('the Finnish demo history', () => {
  it('books whole euros against a EUR 270,000 pool, two approvals above the Finnish threshold, and clean books', async () => {
    const today = new Date(2031, 10, 21, 12);
    await setPool(t, 27_000_000, 2031);
    await seedDemoHistory(t.module, fi, today);

    expect(await checkLedger(t.db.manager)).toEqual([]);
    const last = (await t.get(LedgerRepository).findYearNumbered(2030))!;
    expect(last).toMatchObject({ status: 'closed', poolAmount: 27_000_000n, committed: 0n });
    const grants: { category_code: string; amount_approved: string; first_approved_by: string | null }[] =
      await t.db.query(
        `SELECT category_code, amount_approved::text, first_approved_by FROM applications WHERE amount_approved IS NOT NULL`,
      );
    expect(grants.length).toBeGreaterThan(50);
    for (const g of grants) {
      const amount = BigInt(g.amount_approved);
      expect({ amount, wholeEuros: amount % 100n === 0n }).toEqual({ amount, wholeEuros: true });
      const twoStep = requiresSecondApproval(amount, fi.guideline, g.category_code);
      expect({ amount, twoStep: g.first_approved_by !== null }).toEqual({ amount, twoStep });
    }
    // the largest relocation night is the Finnish guideline's EUR 200 at most
    const [{ rate }] = await t.db.query(
      `SELECT max((l->>'unitAmount')::bigint)::int AS rate FROM applications, jsonb_array_elements(lines) l WHERE category_code = 'relocation'`,
    );
    expect(rate).toBeLessThanOrEqual(20_000);
    // the history's units are the Finnish ones
    const [{ units }] = await t.db.query(
      `SELECT array_agg(DISTINCT u.code ORDER BY u.code) AS units FROM applications a JOIN units u ON u.id = a.unit_id`,
    );
    expect(units).toContain('HEL');
    expect(units).toContain('RISE');
  });
});
