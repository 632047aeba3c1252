import { ApplicationsService } from '../../../api/src/applications/applications.service.js';
import { ApplicationWorkflowService } from '../../../api/src/applications/application-workflow.service.js';
import type { Actor } from '../../../api/src/auth/auth.decorators.js';
import { daysAgoIso } from '../../../api/src/common/dates.js';
import { actorOf, createMediumTest, type MediumTest } from '../medium-db.js';
import { newActiveCase, QUOTE_OVERRIDE } from '../relocation.js';

// The case limit (amount-per-case) adds up the case's earlier grants of the category, each once,
// however many sessions a grant plans.

let t: MediumTest;
let workflow: ApplicationWorkflowService;
let worker: Actor;
let cp: Actor;

beforeAll(async () => {
  t = await createMediumTest();
  await t.seedCatalog();
  workflow = t.get(ApplicationWorkflowService);
  worker = actorOf(await t.newUser('unit_worker'));
  cp = actorOf(await t.newUser('contact_point'));
});
afterAll(() => t.close());

/** Tattoo removal sessions at DKK 2,500 (250,000 øre) each, on the given dates. */
async function submittedSessions(caseId: string, dates: string[]): Promise<string> {
  const draft = await t.get(ApplicationsService).create(worker, {
    caseId,
    categoryCode: 'tattoo_removal',
    amountRequested: dates.length * 250_000,
    justification: 'Visible gang tattoos stand in the way of work.',
    ordinaryFundingConsidered: true,
    urgent: false,
    lines: [{ description: 'Laser session', quantity: dates.length, unitAmount: 250_000 }],
    plannedSessionDates: dates,
  } as never);
  await workflow.submit(worker, draft.id);
  return draft.id;
}

const inDays = (days: number) => daysAgoIso(-days);
const weeksApart = (from: number, n: number) => Array.from({ length: n }, (_, i) => inDays(from + 7 * 7 * i));

describe('The case limit', () => {
  it('counts a granted application with several planned sessions once, not once per session', async () => {
    const { id: caseId } = await newActiveCase(t, worker);
    // DKK 7,500 granted for three sessions; DKK 25,000 more comes to DKK 32,500 of the case's DKK 40,000
    const first = await submittedSessions(caseId, weeksApart(10, 3));
    await workflow.approve(cp, first, {
      amountApproved: 750_000,
      reason: 'As asked.',
      overrides: QUOTE_OVERRIDE,
    } as never);
    const second = await submittedSessions(caseId, weeksApart(10 + 7 * 7 * 3, 10));

    const { findings } = await workflow.check(cp, second);
    expect(findings.filter((f) => f.rule === 'amount-per-case')).toEqual([]);
    await expect(
      workflow.approve(cp, second, {
        amountApproved: 2_500_000,
        reason: 'As asked.',
        overrides: QUOTE_OVERRIDE,
      } as never),
    ).resolves.toMatchObject({ status: 'approved' });
  });
});
