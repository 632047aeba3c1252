import { demoGuideline } from './demo-guideline.js';
import type { CategoryRules, Guideline } from './types.js';
import { validateGuideline } from './validate-guideline.js';

const relocation = demoGuideline.categories[0];

function withCategory(overrides: Partial<CategoryRules>): Guideline {
  return { ...demoGuideline, categories: [{ ...relocation, ...overrides }] };
}

describe(validateGuideline.name, () => {
  it('finds nothing wrong with a sound guideline', () => {
    expect(validateGuideline(withCategory({}))).toEqual([]);
  });

  it('names negative limits', () => {
    expect(validateGuideline(withCategory({ maxUnitAmount: -1n, secondApprovalAbove: -5n }))).toEqual([
      'categories[0].maxUnitAmount must not be negative',
      'categories[0].secondApprovalAbove must not be negative',
    ]);
  });

  it('names duplicate category codes', () => {
    expect(validateGuideline({ ...demoGuideline, categories: [relocation, relocation] })).toEqual([
      'categories: "relocation" appears more than once',
    ]);
  });

  it('names a per-case limit below the per-application limit', () => {
    expect(validateGuideline(withCategory({ maxPerCase: 100n }))).toEqual([
      'categories[0].maxPerCase must be at least maxPerApplication',
    ]);
  });

  it('names money that is not a bigint, as a draft sent as JSON might hold', () => {
    expect(validateGuideline(withCategory({ maxPerApplication: 6000000 as unknown as bigint }))).toEqual([
      'categories[0].maxPerApplication must be an amount in minor units (bigint)',
    ]);
  });

  it('names bad codes, labels, counts, documents and statuses', () => {
    expect(
      validateGuideline(
        withCategory({
          categoryCode: 'Tattoo Removal',
          unitLabel: 'hour' as CategoryRules['unitLabel'],
          maxUnitsPerApplication: 2.5,
          requiredDocuments: ['quote', 'quote'],
          allowedCaseStatuses: [],
          minSessionSpacingDays: 0,
        }),
      ),
    ).toEqual([
      'categories[0].categoryCode must be a code of lower-case letters, digits and underscores, e.g. "tattoo_removal"',
      'categories[0].unitLabel must be one of night, session, item',
      'categories[0].maxUnitsPerApplication must be a whole number of 1 or more',
      'categories[0].requiredDocuments lists a document twice',
      'categories[0].allowedCaseStatuses must allow at least one case status',
      'categories[0].minSessionSpacingDays must be a whole number of days, 1 or more',
    ]);
  });

  it('names problems of the version itself', () => {
    expect(
      validateGuideline({
        ...demoGuideline,
        version: ' ',
        effectiveFrom: '2026-02-30',
        minAge: -1,
        maxCourseMonths: 0,
        categories: [],
      }),
    ).toEqual([
      'version must not be empty',
      'effectiveFrom must be an ISO date (YYYY-MM-DD)',
      'minAge must be a whole number of years from 0 to 120',
      'maxCourseMonths must be a whole number of 1 or more',
      'categories must hold at least one category',
    ]);
  });
});
