import type { CategoryRules, Guideline } from './types.js';

const DKK = 100n; // øre per krone

// Shared by the API and the UI for the lifetime of the process: nobody may change it in place.
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const common = {
  requiredDocuments: ['quote'],
  agreementRequired: true,
  urgentMayPrecedeAgreement: false,
} satisfies Partial<CategoryRules>;

/** The guideline version of the demo installation (API contract, "Demo installation"); amounts in øre. */
export const demoGuideline: Guideline = deepFreeze({
  id: 'demo-2026-1',
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  minAge: 18,
  maxCourseMonths: 12,
  categories: [
    {
      ...common,
      categoryCode: 'relocation',
      maxPerApplication: 60_000n * DKK,
      maxPerCase: 120_000n * DKK,
      maxUnitAmount: 1_500n * DKK,
      unitLabel: 'night',
      maxUnitsPerApplication: 90,
      secondApprovalAbove: 25_000n * DKK,
      allowedCaseStatuses: ['active'],
      // Safety first: a threatened candidate may be moved before the agreement is signed.
      urgentMayPrecedeAgreement: true,
    },
    {
      ...common,
      categoryCode: 'tattoo_removal',
      maxPerApplication: 25_000n * DKK,
      maxPerCase: 40_000n * DKK,
      maxUnitAmount: 2_500n * DKK,
      unitLabel: 'session',
      maxUnitsPerApplication: 10,
      secondApprovalAbove: 25_000n * DKK,
      allowedCaseStatuses: ['active'],
      // Laser sessions at least six weeks apart.
      minSessionSpacingDays: 42,
    },
    {
      ...common,
      categoryCode: 'psychological_treatment',
      maxPerApplication: 18_000n * DKK,
      maxPerCase: 36_000n * DKK,
      maxUnitAmount: 1_500n * DKK,
      unitLabel: 'session',
      maxUnitsPerApplication: 12,
      secondApprovalAbove: 25_000n * DKK,
      // Includes the psychological assessment of a candidate not yet admitted.
      allowedCaseStatuses: ['active', 'assessment'],
    },
  ],
});

const EUR = 100n; // cents per euro

const FI_LIMITS: Record<string, Partial<CategoryRules>> = {
  relocation: {
    maxPerApplication: 8_000n * EUR,
    maxPerCase: 16_000n * EUR,
    maxUnitAmount: 200n * EUR,
    secondApprovalAbove: 3_500n * EUR,
  },
  tattoo_removal: {
    maxPerApplication: 3_400n * EUR,
    maxPerCase: 5_400n * EUR,
    maxUnitAmount: 350n * EUR,
    secondApprovalAbove: 3_500n * EUR,
  },
  psychological_treatment: {
    maxPerApplication: 2_400n * EUR,
    maxPerCase: 4_800n * EUR,
    maxUnitAmount: 200n * EUR,
    secondApprovalAbove: 3_500n * EUR,
  },
};

/**
 * The Finnish demo installation's version (INSTALLATION=fi): the same rules, with limits in
 * cents invented for Finland (the Danish ones at about 7.5 kroner a euro, rounded).
 */
export const demoGuidelineFi: Guideline = deepFreeze({
  ...demoGuideline,
  id: 'demo-fi-2026-1',
  categories: demoGuideline.categories.map((category) => ({ ...category, ...FI_LIMITS[category.categoryCode] })),
});
