import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApplicationWorkflowService } from '../applications/application-workflow.service.js';
import { ApplicationsService } from '../applications/applications.service.js';
import type { Actor } from '../auth/auth.decorators.js';
import { CasesService } from '../cases/cases.service.js';
import { DisbursementsService } from '../disbursements/disbursements.service.js';
import { seedDemoAdvice } from './demo-advice.js';
import { seedDemoAdmissions } from './demo-admissions.js';
import { seedDemoHistory } from './demo-history.js';
import { seedDemoTransfers } from './demo-transfers.js';
import { GuidelineVersion } from '../guidelines/guideline-version.entity.js';
import { LedgerRepository } from '../ledger/ledger.repository.js';
import { toStoredCategories } from '../guidelines/guideline-mapping.js';
import { User } from '../auth/user.entity.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DEMO_PROFILES } from './demo-data.js';

const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/**
 * The published demo guideline version of the contract, and invented cases and
 * applications of two units in every status, made through the same services a
 * user's clicks go through (so findings, threads and the audit trail are real).
 */
export async function seedDemoApplications(app: INestApplicationContext): Promise<void> {
  const db = app.get(DataSource);
  const profile = DEMO_PROFILES[app.get<AppConfig>(APP_CONFIG).installation];
  const { guideline: demoGuideline, money } = profile;
  const cases = app.get(CasesService);
  const applications = app.get(ApplicationsService);
  const workflow = app.get(ApplicationWorkflowService);

  const users = await db.getRepository(User).find();
  const actor = (email: string): Actor => {
    const u = users.find((x) => x.email === email)!;
    return {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      role: u.role,
      unitId: u.unitId,
      party: u.party,
      sessionId: 'demo-seed',
    };
  };
  // the first and second unit: Copenhagen and Funen in Denmark, Helsinki and Oulu in Finland
  const [kbh, fyn, ncp, ncp2, finance] = [
    ...profile.workers,
    'ncp@demo.test',
    'ncp2@demo.test',
    'finance@demo.test',
  ].map(actor);
  const payments = app.get(DisbursementsService);

  await db.getRepository(GuidelineVersion).save({
    version: demoGuideline.version,
    effectiveFrom: demoGuideline.effectiveFrom,
    status: 'published',
    minAge: demoGuideline.minAge,
    maxCourseMonths: demoGuideline.maxCourseMonths,
    categories: toStoredCategories(demoGuideline),
    publishedAt: new Date(`${demoGuideline.effectiveFrom}T08:00:00Z`),
    publishedBy: ncp.id,
    createdBy: ncp.id,
  });

  // the contract's pool: DKK 2,000,000 for this year (EUR 270,000 in Finland)
  await app.get(LedgerRepository).insertYear(db.manager, {
    year: new Date().getUTCFullYear(),
    poolAmount: BigInt(profile.pool),
    createdBy: ncp.id,
  });

  const active = (unit: Actor, birthYear: number, startedDaysAgo: number) =>
    cases.create(unit, {
      status: 'active',
      birthYear,
      consentRecordedOn: daysAgo(startedDaysAgo + 7),
      agreementSignedOn: daysAgo(startedDaysAgo + 2),
      programmeStart: daysAgo(startedDaysAgo),
    });
  const k1 = await active(kbh, 1996, 120);
  const k2 = await active(kbh, 2001, 45);
  // the candidate consents to the police and the municipality only: the unit's probation worker does not see the case
  const k3 = await cases.create(kbh, {
    status: 'assessment',
    birthYear: 1999,
    consent: { parties: ['police', 'municipality'], givenOn: daysAgo(12) },
  });
  // threatened before the agreement could be signed: an urgent relocation may come first
  const k4 = await cases.create(kbh, {
    status: 'active',
    birthYear: 1994,
    consentRecordedOn: daysAgo(4),
    programmeStart: daysAgo(3),
  });
  const f1 = await active(fyn, 1990, 200);
  const f2 = await active(fyn, 2003, 30);
  const f3 = await cases.create(fyn, {
    status: 'completed',
    birthYear: 1988,
    consentRecordedOn: daysAgo(400),
    agreementSignedOn: daysAgo(395),
    programmeStart: daysAgo(390),
  });
  // after the course the candidate no longer wants the municipality to know: its workers lose the case
  await cases.withdrawConsent(fyn, f3.id, {
    parties: ['municipality'],
    reason: 'The candidate moved and asked that the old municipality no longer be told about the case.',
  });

  const draft = (
    unit: Actor,
    caseId: string,
    categoryCode: string,
    lines: [string, number, number][],
    justification: string,
    urgent = false,
  ) =>
    applications.create(unit, {
      caseId,
      categoryCode,
      urgent,
      ordinaryFundingConsidered: true,
      justification,
      lines: lines.map(([description, quantity, kroner]) => ({ description, quantity, unitAmount: money(kroner) })),
      amountRequested: lines.reduce((sum, [, q, kroner]) => sum + q * money(kroner), 0),
    });
  const quoteToFollow = (rule = 'required-documents') => [
    { rule, justification: 'The clinic’s quote was read on the phone; the written copy follows with the invoice.' },
  ];

  // draft
  await draft(
    kbh,
    k1.id,
    'tattoo_removal',
    [['Laser session at a dermatology clinic', 4, 2000]],
    'Visible gang tattoo on the hand blocks job interviews; four sessions planned six weeks apart.',
  );

  // submitted
  const a2 = await draft(
    fyn,
    f1.id,
    'psychological_treatment',
    [['Session with an authorised psychologist', 8, 1200]],
    'Anxiety after leaving the group; the municipality’s offer has a waiting list of five months.',
  );
  await workflow.submit(fyn, a2.id);

  // in review
  const a3 = await draft(
    kbh,
    k2.id,
    'relocation',
    [['Furnished room in another municipality, per night', 10, 1400]],
    'Former associates know the current address; a short stay elsewhere while the housing office finds a flat.',
  );
  await workflow.submit(kbh, a3.id);
  await workflow.startReview(ncp, a3.id);

  // information requested
  const a4 = await draft(
    fyn,
    f2.id,
    'tattoo_removal',
    [['Laser session', 3, 2500]],
    'Removal of a club emblem on the neck.',
  );
  await workflow.submit(fyn, a4.id);
  await workflow.requestInfo(
    ncp,
    a4.id,
    'Please attach the clinic’s quote and confirm that the sessions are six weeks apart.',
  );

  // awaiting second approval: urgent relocation above the DKK 25,000 (EUR 3,500) threshold
  const a5 = await draft(
    kbh,
    k4.id,
    'relocation',
    [['Safe house, per night', 20, 1500]],
    'Acute threat after the candidate left the group; moved the same evening.',
    true,
  );
  await workflow.submit(kbh, a5.id);
  await workflow.approve(ncp, a5.id, {
    amountApproved: Number(a5.amountRequested),
    reason: 'Acute safety need documented by the local unit.',
    overrides: [
      ...quoteToFollow(),
      { rule: 'cooperation-agreement', justification: 'Safety first: the agreement is signed at the next meeting.' },
    ],
  });

  // approved
  const a6 = await draft(
    kbh,
    k1.id,
    'psychological_treatment',
    [['Session with an authorised psychologist', 10, 1500]],
    'Treatment for trauma; no public offer within six months.',
  );
  await workflow.submit(kbh, a6.id);
  await workflow.approve(ncp, a6.id, {
    amountApproved: Number(a6.amountRequested),
    reason: 'Within the guideline.',
    paymentInstructions: 'Paid directly to the psychologist against invoice, after each block of sessions.',
    overrides: quoteToFollow(),
  });

  // paid in full: the psychologist's invoice
  await payments.create(finance, {
    applicationId: a6.id,
    amount: Number(a6.amountRequested),
    payeeType: 'psychologist',
    payeeReference: 'INV-7731',
  });

  // partially approved
  const a7 = await draft(
    fyn,
    f1.id,
    'relocation',
    [['Room in a hostel, per night', 14, 1500]],
    'Temporary move while a flat in another town is prepared.',
  );
  await workflow.submit(fyn, a7.id);
  await workflow.approve(ncp2, a7.id, {
    amountApproved: 10 * money(1500),
    reason: 'Ten nights are enough until the flat is ready on the first of the month.',
    conditions: 'The unit reports the moving date to the contact point.',
    overrides: quoteToFollow(),
  });

  // approved above the threshold by two contact points
  const a8 = await draft(
    fyn,
    f2.id,
    'relocation',
    [['Safe house, per night', 30, 1000]],
    'Move to another region with the family’s consent.',
  );
  await workflow.submit(fyn, a8.id);
  const second = {
    amountApproved: Number(a8.amountRequested),
    reason: 'Necessary for the candidate’s safety.',
    paymentInstructions: 'Rent paid to the landlord month by month against the lease.',
    overrides: quoteToFollow(),
  };
  await workflow.approve(ncp, a8.id, second);
  await workflow.approve(ncp2, a8.id, second);
  // paid in part: the first month's rent
  await payments.create(finance, {
    applicationId: a8.id,
    amount: money(12000),
    payeeType: 'landlord',
    payeeReference: 'RENT-0412',
  });

  // rejected
  const a9 = await draft(
    kbh,
    k3.id,
    'psychological_treatment',
    [['Psychological assessment', 2, 1500]],
    'Assessment of suitability before admission.',
  );
  await workflow.submit(kbh, a9.id);
  await workflow.reject(ncp2, a9.id, 'The municipality’s own psychologist can make the assessment within two weeks.');

  // withdrawn
  const a10 = await draft(
    fyn,
    f2.id,
    'psychological_treatment',
    [['Session with a psychologist', 6, 1200]],
    'Support during the first months outside the group.',
  );
  await workflow.submit(fyn, a10.id);
  await workflow.withdraw(fyn, a10.id, 'The municipality covers the sessions after all.');

  // cancelled
  const a11 = await draft(kbh, k2.id, 'tattoo_removal', [['Laser session', 2, 2500]], 'Small tattoo on the forearm.');
  await workflow.submit(kbh, a11.id);
  await workflow.approve(ncp, a11.id, {
    amountApproved: Number(a11.amountRequested),
    reason: 'Within the guideline.',
    overrides: quoteToFollow(),
  });
  await workflow.cancel(ncp2, a11.id, 'The candidate moved abroad; the sessions will not take place.');

  await seedDemoAdvice(app, {
    first: kbh,
    second: fyn,
    ncp,
    ncp2,
    assessmentCase: k3.id,
    threatenedCase: k4.id,
    secondCase: f2.id,
  });

  await seedDemoAdmissions(app, [kbh, fyn, ncp, ncp2]);
  await seedDemoHistory(app, profile);
  await seedDemoTransfers(app, profile);
}
