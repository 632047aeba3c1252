import { ApplicationWorkflowService } from '../../api/src/applications/application-workflow.service.js';
import { ApplicationsService } from '../../api/src/applications/applications.service.js';
import type { Actor } from '../../api/src/auth/auth.decorators.js';
import { CasesService } from '../../api/src/cases/cases.service.js';
import { daysAgoIso } from '../../api/src/common/dates.js';
import type { MediumTest } from './medium-db.js';

// What most medium tests of money need: an active case and a relocation
// request, written through the services as a unit worker writes them.

/** The override every approval here needs: the demo guideline warns when no quote is attached. */
export const QUOTE_OVERRIDE = [{ rule: 'required-documents', justification: 'The quote follows with the invoice.' }];

/** An active case of the worker's unit: consent, agreement and programme start a few weeks ago. */
export function newActiveCase(t: MediumTest, worker: Actor): Promise<{ id: string; reference: string }> {
  return t.get(CasesService).create(worker, {
    status: 'active',
    birthYear: 1995,
    consentRecordedOn: daysAgoIso(40),
    agreementSignedOn: daysAgoIso(35),
    programmeStart: daysAgoIso(30),
  } as never);
}

/** A draft relocation of `nights` nights at DKK 1,000 (100,000 øre) a night. */
export function draftRelocation(
  t: MediumTest,
  worker: Actor,
  caseId: string,
  nights: number,
): Promise<{ id: string; reference: string }> {
  return t.get(ApplicationsService).create(worker, {
    caseId,
    categoryCode: 'relocation',
    amountRequested: nights * 100_000,
    justification: 'A short stay away from the old milieu.',
    ordinaryFundingConsidered: true,
    urgent: false,
    lines: [{ description: 'Room, per night', quantity: nights, unitAmount: 100_000 }],
  } as never);
}

/** A relocation of `nights` nights for a new case of the worker's unit, submitted and approved in full by `cp`. */
export async function approvedRelocation(
  t: MediumTest,
  worker: Actor,
  cp: Actor,
  nights: number,
): Promise<{ id: string; reference: string }> {
  const created = await newActiveCase(t, worker);
  const draft = await draftRelocation(t, worker, created.id, nights);
  const workflow = t.get(ApplicationWorkflowService);
  await workflow.submit(worker, draft.id);
  await workflow.approve(cp, draft.id, {
    amountApproved: nights * 100_000,
    reason: 'Within.',
    overrides: QUOTE_OVERRIDE,
  });
  return draft;
}
