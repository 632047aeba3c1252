import fc from 'fast-check';
import { demoGuideline } from './demo-guideline.js';
import { evaluate, findCategory } from './evaluate.js';
import { RULE_IDS } from './rules/index.js';
import { aContext, anApplication, TODAY } from './testing/fixtures.js';
import type { ApplicationInput, ApplicationLine, EvaluationContext, Finding } from './types.js';

const isoDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2029-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const validLine: fc.Arbitrary<ApplicationLine> = fc.record({
  description: fc.constantFrom('Safe house', 'Laser session', 'Psychologist'),
  quantity: fc.integer({ min: 1, max: 40 }),
  unitAmount: fc.bigInt({ min: 0n, max: 400_000n }),
});

const anyLine: fc.Arbitrary<ApplicationLine> = fc.oneof(
  validLine,
  fc.record({
    description: fc.constant('odd'),
    quantity: fc.oneof(fc.constant(0), fc.constant(-2), fc.constant(1.5)),
    unitAmount: fc.bigInt({ min: -1_000n, max: 400_000n }),
  }),
);

const application: fc.Arbitrary<ApplicationInput> = fc.record(
  {
    categoryCode: fc.constantFrom('relocation', 'tattoo_removal', 'psychological_treatment', 'driving_licence'),
    amountRequested: fc.bigInt({ min: -100_000n, max: 20_000_000n }),
    urgent: fc.boolean(),
    ordinaryFundingConsidered: fc.boolean(),
    lines: fc.array(anyLine, { maxLength: 4 }),
    attachmentKinds: fc.subarray(['quote', 'invoice', 'other'] as const),
    plannedSessionDates: fc.array(fc.oneof(isoDate, fc.constant('not a date')), { maxLength: 4 }),
  },
  {
    requiredKeys: [
      'categoryCode',
      'amountRequested',
      'urgent',
      'ordinaryFundingConsidered',
      'lines',
      'attachmentKinds',
    ],
  },
);

const context: fc.Arbitrary<EvaluationContext> = fc.record(
  {
    today: isoDate,
    case: fc.record({
      status: fc.constantFrom('assessment', 'active', 'completed', 'discontinued'),
      birthYear: fc.option(fc.integer({ min: 1950, max: 2015 })),
      consentRecordedOn: fc.option(isoDate),
      agreementSignedOn: fc.option(isoDate),
      programmeStart: fc.option(isoDate),
    }),
    grantedForCaseAndCategory: fc.bigInt({ min: 0n, max: 15_000_000n }),
    poolAvailable: fc.option(fc.bigInt({ min: 0n, max: 200_000_000n })),
    previousSessionDates: fc.array(isoDate, { maxLength: 4 }),
    unitAllocationRemaining: fc.option(fc.bigInt({ min: 0n, max: 20_000_000n })),
  },
  { requiredKeys: ['today', 'case', 'grantedForCaseAndCategory', 'poolAvailable'] },
);

const blockRules = (findings: Finding[]) => new Set(findings.filter((f) => f.severity === 'block').map((f) => f.rule));

describe(evaluate.name, () => {
  it('finds nothing in an application that meets every rule', () => {
    expect(evaluate(anApplication(), aContext(), demoGuideline)).toEqual([]);
  });

  it('gives one finding per broken rule, blocks first', () => {
    const findings = evaluate(
      anApplication({
        urgent: true,
        attachmentKinds: [],
        amountRequested: 7_000_000n,
        lines: [{ description: 'Safe house', quantity: 70, unitAmount: 100_000n }],
      }),
      aContext({ case: { agreementSignedOn: null }, poolAvailable: null }),
      demoGuideline,
    );
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['amount-per-application', 'block'],
      ['cooperation-agreement', 'warn'],
      ['required-documents', 'warn'],
      ['pool-available', 'info'],
      ['second-approval-required', 'info'],
    ]);
  });

  it('still checks the case when the category is not covered', () => {
    const findings = evaluate(
      anApplication({ categoryCode: 'driving_licence' }),
      aContext({ case: { consentRecordedOn: null } }),
      demoGuideline,
    );
    expect(findings.map((f) => f.rule)).toEqual(['category-covered', 'consent-recorded']);
  });

  it('refuses a today that is not an ISO date', () => {
    expect(() => evaluate(anApplication(), aContext({ today: '21/11/2026' }), demoGuideline)).toThrow(/context.today/);
  });

  it('gives each rule at most once, only known rules, blocks before warnings before information', () => {
    const rank = { block: 0, warn: 1, info: 2 };
    fc.assert(
      fc.property(application, context, (app, ctx) => {
        const findings = evaluate(app, ctx, demoGuideline);
        const rules = findings.map((f) => f.rule);
        expect(new Set(rules).size).toBe(rules.length);
        expect(rules.every((r) => (RULE_IDS as string[]).includes(r))).toBe(true);
        expect(findings.map((f) => rank[f.severity])).toEqual([...findings.map((f) => rank[f.severity])].sort());
        expect(findings.every((f) => f.message.length > 0 && f.messageDa.length > 0)).toBe(true);
      }),
    );
  });

  it('is deterministic and leaves its input untouched', () => {
    fc.assert(
      fc.property(application, context, (app, ctx) => {
        const [appBefore, ctxBefore] = [structuredClone(app), structuredClone(ctx)];
        const first = evaluate(app, ctx, demoGuideline);
        expect(evaluate(structuredClone(app), structuredClone(ctx), demoGuideline)).toEqual(first);
        expect(app).toEqual(appBefore);
        expect(ctx).toEqual(ctxBefore);
      }),
    );
  });

  it('never removes a limit block when only the amount requested rises', () => {
    // amount-positive and amount-matches-lines check the amount's consistency, not a limit: a higher amount can fix them.
    const consistencyRules = new Set(['amount-positive', 'amount-matches-lines']);
    fc.assert(
      fc.property(application, context, fc.bigInt({ min: 1n, max: 10_000_000n }), (app, ctx, raise) => {
        const before = blockRules(evaluate(app, ctx, demoGuideline));
        const after = blockRules(
          evaluate({ ...app, amountRequested: app.amountRequested + raise }, ctx, demoGuideline),
        );
        for (const rule of before) if (!consistencyRules.has(rule)) expect(after).toContain(rule);
      }),
    );
  });

  it('never removes a block when a cost line is added to a consistent application', () => {
    const consistent = fc
      .tuple(application, fc.array(validLine, { minLength: 1, maxLength: 4 }))
      .map(([app, lines]) => ({
        ...app,
        lines,
        amountRequested: lines.reduce((t, l) => t + BigInt(l.quantity) * l.unitAmount, 0n),
      }));
    fc.assert(
      fc.property(consistent, context, validLine, (app, ctx, extra) => {
        const before = blockRules(evaluate(app, ctx, demoGuideline));
        const raised = {
          ...app,
          lines: [...app.lines, extra],
          amountRequested: app.amountRequested + BigInt(extra.quantity) * extra.unitAmount,
        };
        const after = blockRules(evaluate(raised, ctx, demoGuideline));
        for (const rule of before) if (rule !== 'amount-positive') expect(after).toContain(rule);
      }),
    );
  });

  it('blocks nothing more for a psychological assessment before admission than the agreement info and missing course', () => {
    const findings = evaluate(
      anApplication({
        categoryCode: 'psychological_treatment',
        amountRequested: 600_000n,
        lines: [{ description: 'Assessment', quantity: 4, unitAmount: 150_000n }],
      }),
      aContext({ today: TODAY, case: { status: 'assessment', agreementSignedOn: null, programmeStart: null } }),
      demoGuideline,
    );
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['cooperation-agreement', 'info']]);
  });
});

describe(findCategory.name, () => {
  it('finds a category by its code', () => {
    expect(findCategory(demoGuideline, 'tattoo_removal')?.minSessionSpacingDays).toBe(42);
  });

  it('is undefined for a category the guideline does not cover', () => {
    expect(findCategory(demoGuideline, 'driving_licence')).toBeUndefined();
  });
});
