import { ApplicationWorkflowService } from '../../../api/src/applications/application-workflow.service.js';
import type { Actor } from '../../../api/src/auth/auth.decorators.js';
import { thisYear, todayIso } from '../../../api/src/common/dates.js';
import { DisbursementsService } from '../../../api/src/disbursements/disbursements.service.js';
import { BudgetYearsService } from '../../../api/src/ledger/budget-years.service.js';
import { actorOf, createMediumTest, type MediumTest } from '../medium-db.js';
import { draftRelocation, newActiveCase, QUOTE_OVERRIDE } from '../relocation.js';

// The workflow and the payments as services on the real database: the state
// machine's transitions, the four-eyes rule and the money each writes, with
// every expectation written out by hand.

let t: MediumTest;
let workflow: ApplicationWorkflowService;
let payments: DisbursementsService;
let worker: Actor;
let cp1: Actor;
let cp2: Actor;
let finance: Actor;
let caseId: string;

async function refusal(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
  } catch (error) {
    return (error as { code?: string }).code;
  }
  throw new Error('expected a refusal');
}

/** A submitted relocation of `nights` nights at DKK 1,000 (100,000 øre). */
async function submitted(nights: number): Promise<string> {
  const draft = await draftRelocation(t, worker, caseId, nights);
  await workflow.submit(worker, draft.id);
  return draft.id;
}

const row = async (id: string) =>
  (
    await t.db.query(
      `SELECT status, budget_year_id AS "budgetYearId", paid_amount::text AS paid, amount_approved::text AS approved
         FROM applications WHERE id = $1`,
      [id],
    )
  )[0];

const postings = async (id: string) =>
  (
    await t.db.query(
      `SELECT y.year, p.kind, p.amount::text AS amount FROM ledger_postings p JOIN budget_years y ON y.id = p.budget_year_id
        WHERE p.application_id = $1 ORDER BY p.id`,
      [id],
    )
  ).map((p: { year: number; kind: string; amount: string }) => `${p.year} ${p.kind} ${p.amount}`);

const lastEvent = async (id: string) =>
  (
    await t.db.query(
      `SELECT action, details FROM audit_events WHERE entity_id = $1 AND action LIKE 'application.%' ORDER BY seq DESC LIMIT 1`,
      [id],
    )
  )[0];

beforeAll(async () => {
  t = await createMediumTest();
  await t.seedCatalog();
  workflow = t.get(ApplicationWorkflowService);
  payments = t.get(DisbursementsService);
  worker = actorOf(await t.newUser('unit_worker'));
  cp1 = actorOf(await t.newUser('contact_point'));
  cp2 = actorOf(await t.newUser('contact_point'));
  finance = actorOf(await t.newUser('finance'));
  const created = await newActiveCase(t, worker);
  caseId = created.id;
});
afterAll(() => t.close());

describe('ApplicationWorkflowService', () => {
  it('refuses the decision to whoever wrote the application, even once they work at the contact point', async () => {
    const id = await submitted(3);
    // the unit worker who wrote it moves to the contact point
    await t.db.query(`UPDATE users SET role = 'contact_point', unit_id = NULL WHERE id = $1`, [worker.id]);
    const moved: Actor = { ...worker, role: 'contact_point', unitId: null };
    try {
      expect(
        await refusal(
          workflow.approve(moved, id, { amountApproved: 300_000, reason: 'ok', overrides: QUOTE_OVERRIDE }),
        ),
      ).toBe('APPLICATION_OWN');
      expect(await refusal(workflow.requestInfo(moved, id, 'Which dates?'))).toBe('APPLICATION_OWN');
      expect(await refusal(workflow.reject(moved, id, 'No.'))).toBe('APPLICATION_OWN');
    } finally {
      await t.db.query(`UPDATE users SET role = 'unit_worker', unit_id = $2 WHERE id = $1`, [worker.id, worker.unitId]);
    }
    expect((await row(id)).status).toBe('submitted');
    expect(await postings(id)).toEqual([]);
    // another contact point may
    await workflow.requestInfo(cp1, id, 'Which dates?');
    expect((await row(id)).status).toBe('info_requested');
  });

  it('commits the money at the first of two approvals, and needs another contact point for the second', async () => {
    const id = await submitted(30);
    await workflow.approve(cp1, id, { amountApproved: 3_000_000, reason: 'Needed now.', overrides: QUOTE_OVERRIDE });
    expect(await row(id)).toMatchObject({ status: 'awaiting_second_approval', approved: null });
    expect(await postings(id)).toEqual([`${thisYear()} commit 3000000`]);

    expect(await refusal(workflow.approve(cp1, id, { amountApproved: 3_000_000, reason: 'again' }))).toBe(
      'APPLICATION_SAME_APPROVER',
    );
    await workflow.approve(cp2, id, { amountApproved: 3_000_000, reason: 'Agreed.', overrides: QUOTE_OVERRIDE });
    expect(await row(id)).toMatchObject({ status: 'approved', approved: '3000000' });
    // the second approval commits nothing more
    expect(await postings(id)).toEqual([`${thisYear()} commit 3000000`]);
  });

  it('grants less than requested without a finding about the cost lines', async () => {
    const id = await submitted(5);
    const view = await workflow.approve(cp1, id, {
      amountApproved: 300_000,
      reason: 'Three nights are enough.',
      overrides: QUOTE_OVERRIDE,
    });
    expect(view.status).toBe('partially_approved');
    const [{ findings }] = await t.db.query(`SELECT findings FROM applications WHERE id = $1`, [id]);
    expect(findings.map((f: { rule: string }) => f.rule)).not.toContain('amount-matches-lines');
    expect(await postings(id)).toEqual([`${thisYear()} commit 300000`]);
  });

  it('carries the unpaid rest of a grant over to next year as a transition, with its audit event', async () => {
    await t.get(BudgetYearsService).create(cp1, { year: thisYear() + 1, poolAmount: 10_000_000 } as never);
    const id = await submitted(4);
    await workflow.approve(cp1, id, { amountApproved: 400_000, reason: 'ok', overrides: QUOTE_OVERRIDE });
    await payments.create(finance, { applicationId: id, amount: 150_000, paidOn: todayIso() } as never);

    await workflow.carryOver(cp1, id, 'The stay runs into January.');
    const [{ id: nextYearId }] = await t.db.query(`SELECT id FROM budget_years WHERE year = $1`, [thisYear() + 1]);
    expect(await row(id)).toMatchObject({ status: 'approved', budgetYearId: nextYearId, paid: '150000' });
    expect(await postings(id)).toEqual([
      `${thisYear()} commit 400000`,
      `${thisYear()} disburse 150000`,
      `${thisYear()} release 250000`,
      `${thisYear() + 1} commit 250000`,
    ]);
    expect(await lastEvent(id)).toEqual({
      action: 'application.carry-over',
      details: { from: 'approved', to: 'approved', fromYear: thisYear(), toYear: thisYear() + 1, amount: '250000' },
    });
    // a unit worker may not carry over, and a rejected application has nothing to carry
    expect(await refusal(workflow.carryOver(worker, id, 'mine'))).toBe('APPLICATION_NOT_YOUR_ROLE');
  });
});

describe('DisbursementsService', () => {
  it('refuses the approver the payment, pays to paid, and a refund opens the grant again', async () => {
    const id = await submitted(2);
    await workflow.approve(cp1, id, { amountApproved: 200_000, reason: 'ok', overrides: QUOTE_OVERRIDE });
    const approverAsFinance = { ...cp1, role: 'finance' as const };
    expect(await refusal(payments.create(approverAsFinance, { applicationId: id, amount: 200_000 } as never))).toBe(
      'DISBURSEMENT_APPROVER',
    );

    await payments.create(finance, { applicationId: id, amount: 200_000, paidOn: todayIso() } as never);
    expect(await row(id)).toMatchObject({ status: 'paid', paid: '200000' });
    await payments.create(finance, { applicationId: id, amount: -50_000, paidOn: todayIso() } as never);
    expect(await row(id)).toMatchObject({ status: 'approved', paid: '150000' });
    expect(await postings(id)).toEqual([
      `${thisYear()} commit 200000`,
      `${thisYear()} disburse 200000`,
      `${thisYear()} refund 50000`,
    ]);
    const events = await t.db.query(
      `SELECT action, details->>'statusFrom' AS "from", details->>'statusTo' AS "to" FROM audit_events
        WHERE details->>'applicationId' = $1 ORDER BY seq`,
      [id],
    );
    expect(events).toEqual([
      { action: 'disbursement.pay', from: 'approved', to: 'paid' },
      { action: 'disbursement.refund', from: 'paid', to: 'approved' },
    ]);
  });

  it('refuses a payment on an application that is no grant', async () => {
    const id = await submitted(2);
    expect(await refusal(payments.create(finance, { applicationId: id, amount: 100_000 } as never))).toBe(
      'DISBURSEMENT_NOT_A_GRANT',
    );
  });
});
