import type { INestApplicationContext } from '@nestjs/common';
import { AdmissionReviewsService } from '../admission-reviews/admission-reviews.service.js';
import { CaseAdmissionService } from '../admission-reviews/case-admission.service.js';
import type { Actor } from '../auth/auth.decorators.js';
import { CasesService } from '../cases/cases.service.js';

const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** An invented assessment, as a unit writes one (seed 002's motivation and suitability). */
const assessment = (fearAlone: boolean, steps: string) => ({
  pushFactors: 'Tired of the conflicts; a friend was badly hurt last year.',
  pullFactors: 'A partner and a small child outside the milieu; an offer of an apprenticeship.',
  ownExplanation: 'Wants a calm life for the child and to finish an education.',
  helpWished: 'Help with housing in another town and with a school place.',
  fearAlone,
  understandsLeaving: 'Knows that the old friends will be gone and the protection with them.',
  understandsLifestyle: 'Has thought about daily life with work and no nights out with the group.',
  stepsTaken: steps,
  willToCooperate: 'Meets the unit as agreed and has signed the consent declaration.',
});

/**
 * A few admission assessments and reviews of the profile's two units (the
 * first and second unit worker): one in assessment, one admitted by the unit,
 * a refusal under review, one the contact point admitted after a question and
 * answer, and one whose refusal it upheld. Made through the services, so the
 * narrative is encrypted and the audit trail real.
 */
export async function seedDemoAdmissions(
  app: INestApplicationContext,
  [first, second, ncp, ncp2]: [Actor, Actor, Actor, Actor],
): Promise<void> {
  const cases = app.get(CasesService);
  const admission = app.get(CaseAdmissionService);
  const reviews = app.get(AdmissionReviewsService);
  const inAssessment = (unit: Actor, birthYear: number) =>
    cases.create(unit, { status: 'assessment', birthYear, consentRecordedOn: daysAgo(20) });

  const open = await inAssessment(first, 2000);
  await admission.writeAssessment(first, open.id, {
    pushFactors: 'Pressure from the group to take part in conflicts.',
    ownExplanation: 'Says he has had enough.',
  });

  const admitted = await inAssessment(second, 1997);
  await admission.writeAssessment(second, admitted.id, assessment(false, 'Has moved to a relative and changed phone.'));
  await admission.admit(second, admitted.id);

  const refuse = async (unit: Actor, birthYear: number, fearAlone: boolean, steps: string, reason: string) => {
    const c = await inAssessment(unit, birthYear);
    await admission.writeAssessment(unit, c.id, assessment(fearAlone, steps));
    await admission.refuse(unit, c.id, reason);
    return c;
  };
  const underReview = await refuse(
    first,
    1999,
    true,
    'None yet.',
    'The motivation rests on fear after a threat; no steps taken yet.',
  );
  await reviews.create(first, { caseId: underReview.id, requestedOn: daysAgo(0) });

  const reversed = await refuse(
    first,
    1995,
    true,
    'Has stopped going to the clubhouse.',
    'The motivation seems to rest on fear alone.',
  );
  const r1 = await reviews.create(first, { caseId: reversed.id, requestedOn: daysAgo(0) });
  await reviews.startReview(ncp, r1.id);
  await reviews.requestInfo(ncp, r1.id, 'Has the candidate taken any step beyond leaving the clubhouse?');
  await reviews.answer(first, r1.id, 'Yes: he has started evening school and sees the municipality weekly.');
  await reviews.admit(ncp, r1.id, 'The steps taken show a motivation beyond fear; the unit is to start the course.');

  const upheld = await refuse(second, 2002, false, 'None.', 'Not within the target group: no longer part of a group.');
  const r2 = await reviews.create(second, { caseId: upheld.id, requestedOn: daysAgo(0) });
  await reviews.uphold(ncp2, r2.id, 'The unit has assessed the target group correctly.');
}
