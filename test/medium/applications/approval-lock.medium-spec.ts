import { ApplicationWorkflowService } from '../../../api/src/applications/application-workflow.service.js';
import type { Actor } from '../../../api/src/auth/auth.decorators.js';
import { thisYear } from '../../../api/src/common/dates.js';
import { checkLedger } from '../../../api/src/ledger/ledger-check.js';
import { actorOf, createMediumTest, type MediumTest } from '../medium-db.js';
import { draftRelocation, newActiveCase, QUOTE_OVERRIDE } from '../relocation.js';

// An approval reads what it can before the budget year's lock and only what other decisions
// change under it. These pin the second half: a grant that commits while the approval waits
// for the lock is seen by it.

let t: MediumTest;
let workflow: ApplicationWorkflowService;
let worker: Actor;
let cp1: Actor;
let cp2: Actor;

beforeAll(async () => {
  t = await createMediumTest();
  await t.seedCatalog();
  workflow = t.get(ApplicationWorkflowService);
  worker = actorOf(await t.newUser('unit_worker'));
  cp1 = actorOf(await t.newUser('contact_point'));
  cp2 = actorOf(await t.newUser('contact_point'));
});
afterAll(() => t.close());

async function submitted(caseId: string, nights: number): Promise<string> {
  const draft = await draftRelocation(t, worker, caseId, nights);
  await workflow.submit(worker, draft.id);
  return draft.id;
}

/** Until another session of this database waits for a lock. */
async function untilOneWaitsForALock(): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const [{ waiting }] = await t.db.query(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no session came to wait for a lock');
}

/** The findings' rules of the refusal a call threw. */
async function refusedFor(work: Promise<unknown>): Promise<{ code?: string; rules: string[] }> {
  try {
    await work;
  } catch (error) {
    const e = error as { code?: string; getResponse?: () => { findings?: { rule: string; severity: string }[] } };
    const findings = e.getResponse?.().findings ?? [];
    return { code: e.code, rules: findings.filter((f) => f.severity === 'block').map((f) => f.rule) };
  }
  throw new Error('expected a refusal, and the approval succeeded');
}

describe('An approval under the budget year lock', () => {
  it("sees the case's grants committed while it waited for the year's lock, and refuses what the case may no longer have", async () => {
    const { id: caseId } = await newActiveCase(t, worker);
    // two grants of DKK 60,000 take the relocation's DKK 120,000 a case: one more night is too much
    const siblings = [await submitted(caseId, 60), await submitted(caseId, 60)];
    const id = await submitted(caseId, 1);

    const other = t.db.createQueryRunner();
    await other.connect();
    try {
      await other.startTransaction();
      const [year] = await other.query(`SELECT id FROM budget_years WHERE year = $1 FOR UPDATE`, [thisYear()]);
      const approval = refusedFor(
        workflow.approve(cp1, id, { amountApproved: 100_000, reason: 'ok', overrides: QUOTE_OVERRIDE }),
      );
      await untilOneWaitsForALock();
      // the siblings granted, as a colleague's approvals would, while the approval above waits
      for (const sibling of siblings) {
        await other.query(
          `UPDATE applications SET status = 'approved', amount_approved = amount_requested, decided_at = now(),
                  decided_by = $2, budget_year_id = $3 WHERE id = $1`,
          [sibling, cp2.id, year.id],
        );
        await other.query(
          `INSERT INTO ledger_postings (budget_year_id, application_id, unit_id, category_code, kind, amount, posted_on, created_by)
           SELECT $2, id, unit_id, category_code, 'commit', amount_requested, current_date, $3 FROM applications WHERE id = $1`,
          [sibling, year.id, cp2.id],
        );
      }
      await other.commitTransaction();
      expect(await approval).toEqual({ code: 'APPLICATION_BLOCKED_BY_FINDINGS', rules: ['amount-per-case'] });
    } finally {
      await other.release();
    }
    const [row] = await t.db.query(`SELECT status FROM applications WHERE id = $1`, [id]);
    expect(row.status).toBe('submitted');
    const [{ count }] = await t.db.query(
      `SELECT (SELECT count(*) FROM ledger_postings WHERE application_id = $1)
            + (SELECT count(*) FROM application_messages WHERE application_id = $1)::int AS count`,
      [id],
    );
    // nothing of the refused approval stays: no posting, no thread message
    expect(Number(count)).toBe(0);
    expect(await checkLedger(t.db.manager)).toEqual([]);
  });

  it("sees the pool as it is once it holds the year's lock: room freed while it waited is there for it", async () => {
    const { id: caseId } = await newActiveCase(t, worker);
    const id = await submitted(caseId, 1);
    const other = t.db.createQueryRunner();
    await other.connect();
    try {
      // the pool exactly full when the approval starts; a colleague is sizing it up by the one night it needs
      await t.db.query(`UPDATE budget_years SET pool_amount = committed + disbursed WHERE year = $1`, [thisYear()]);
      await other.startTransaction();
      await other.query(`UPDATE budget_years SET pool_amount = pool_amount + 100000 WHERE year = $1`, [thisYear()]);
      const approval = workflow.approve(cp1, id, { amountApproved: 100_000, reason: 'ok', overrides: QUOTE_OVERRIDE });
      await untilOneWaitsForALock();
      await other.commitTransaction();
      expect(await approval).toMatchObject({ status: 'approved' });
      const [year] = await t.db.query(
        `SELECT (pool_amount - committed - disbursed)::int AS available FROM budget_years WHERE year = $1`,
        [thisYear()],
      );
      expect(year.available).toBe(0);
    } finally {
      await other.release();
      await t.db.query(`UPDATE budget_years SET pool_amount = 1000000000000 WHERE year = $1`, [thisYear()]);
    }
    expect(await checkLedger(t.db.manager)).toEqual([]);
  });
});
