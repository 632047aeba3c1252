import { demoGuideline, demoGuidelineFi } from './demo-guideline.js';
import { findCategory } from './evaluate.js';
import { validateGuideline } from './validate-guideline.js';

describe('demoGuideline', () => {
  it('is a valid guideline', () => {
    expect(validateGuideline(demoGuideline)).toEqual([]);
  });

  it('holds the contract demo table in øre', () => {
    const row = (code: string) => {
      const c = findCategory(demoGuideline, code)!;
      return [
        c.maxPerApplication,
        c.maxPerCase,
        c.maxUnitAmount,
        c.unitLabel,
        c.maxUnitsPerApplication,
        c.secondApprovalAbove,
      ];
    };
    expect(row('relocation')).toEqual([6_000_000n, 12_000_000n, 150_000n, 'night', 90, 2_500_000n]);
    expect(row('tattoo_removal')).toEqual([2_500_000n, 4_000_000n, 250_000n, 'session', 10, 2_500_000n]);
    expect(row('psychological_treatment')).toEqual([1_800_000n, 3_600_000n, 150_000n, 'session', 12, 2_500_000n]);
  });

  it('lets only an urgent relocation precede the agreement and only psychological treatment start in assessment', () => {
    expect(demoGuideline.categories.filter((c) => c.urgentMayPrecedeAgreement).map((c) => c.categoryCode)).toEqual([
      'relocation',
    ]);
    expect(
      demoGuideline.categories.filter((c) => c.allowedCaseStatuses.includes('assessment')).map((c) => c.categoryCode),
    ).toEqual(['psychological_treatment']);
  });

  it('asks for a quote, adults, a course of at most 12 months and 42 days between tattoo sessions', () => {
    expect(demoGuideline.categories.every((c) => c.requiredDocuments.join() === 'quote' && c.agreementRequired)).toBe(
      true,
    );
    expect([demoGuideline.minAge, demoGuideline.maxCourseMonths]).toEqual([18, 12]);
    expect(findCategory(demoGuideline, 'tattoo_removal')?.minSessionSpacingDays).toBe(42);
  });

  it('cannot be changed in place by one of its users', () => {
    expect(() => {
      demoGuideline.categories[0].maxPerApplication = 1n;
    }).toThrow(TypeError);
    expect(() => demoGuideline.categories.push(demoGuideline.categories[0])).toThrow(TypeError);
  });
});

describe('demoGuidelineFi', () => {
  it('is a valid guideline with the same rules and its own limits, in cents', () => {
    expect(validateGuideline(demoGuidelineFi)).toEqual([]);
    const limits = (code: string) => {
      const c = findCategory(demoGuidelineFi, code)!;
      return [c.maxPerApplication, c.maxPerCase, c.maxUnitAmount, c.secondApprovalAbove];
    };
    expect(limits('relocation')).toEqual([800_000n, 1_600_000n, 20_000n, 350_000n]);
    expect(limits('tattoo_removal')).toEqual([340_000n, 540_000n, 35_000n, 350_000n]);
    expect(limits('psychological_treatment')).toEqual([240_000n, 480_000n, 20_000n, 350_000n]);
    const rules = (g: typeof demoGuideline) =>
      g.categories.map(({ categoryCode, unitLabel, maxUnitsPerApplication, allowedCaseStatuses }) => ({
        categoryCode,
        unitLabel,
        maxUnitsPerApplication,
        allowedCaseStatuses,
      }));
    expect(rules(demoGuidelineFi)).toEqual(rules(demoGuideline));
  });

  it('cannot be changed in place either', () => {
    expect(() => {
      demoGuidelineFi.categories[0].maxPerApplication = 1n;
    }).toThrow(TypeError);
  });
});
