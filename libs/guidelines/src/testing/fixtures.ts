// Builders for the specs: an application and context that pass every rule of the
// demo guideline, so each test changes only what it is about.
import { demoGuideline } from '../demo-guideline.js';
import { findCategory } from '../evaluate.js';
import type { ApplicationInput, CaseFacts, EvaluationContext, Guideline, RuleInput } from '../types.js';

export const TODAY = '2026-11-21';

/** Ten nights of relocation at DKK 1,500: DKK 15,000, below every limit and the second-approval threshold. */
export function anApplication(overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    categoryCode: 'relocation',
    amountRequested: 1_500_000n,
    urgent: false,
    ordinaryFundingConsidered: true,
    lines: [{ description: 'Safe house', quantity: 10, unitAmount: 150_000n }],
    attachmentKinds: ['quote'],
    ...overrides,
  };
}

export type ContextOverrides = Partial<Omit<EvaluationContext, 'case'>> & { case?: Partial<CaseFacts> };

export function aContext(overrides: ContextOverrides = {}): EvaluationContext {
  const { case: caseOverrides, ...rest } = overrides;
  return {
    today: TODAY,
    case: {
      status: 'active',
      birthYear: 1995,
      consentRecordedOn: '2026-05-04',
      agreementSignedOn: '2026-05-04',
      programmeStart: '2026-05-04',
      ...caseOverrides,
    },
    grantedForCaseAndCategory: 0n,
    poolAvailable: 200_000_000n,
    ...rest,
  };
}

/** What a rule sees for this application and context under the guideline (the demo one by default). */
export function aRuleInput(
  application: Partial<ApplicationInput> = {},
  context: ContextOverrides = {},
  guideline: Guideline = demoGuideline,
): RuleInput {
  const app = anApplication(application);
  return {
    application: app,
    context: aContext(context),
    guideline,
    category: findCategory(guideline, app.categoryCode),
  };
}

/** A tattoo-removal application with one DKK 2,000 session line for each planned date. */
export function aTattooApplication(
  dates: string[],
  overrides: Partial<ApplicationInput> = {},
): Partial<ApplicationInput> {
  return {
    categoryCode: 'tattoo_removal',
    amountRequested: BigInt(dates.length) * 200_000n,
    lines: dates.map((date) => ({ description: `Laser session ${date}`, quantity: 1, unitAmount: 200_000n })),
    plannedSessionDates: dates,
    ...overrides,
  };
}
