import { aRuleInput } from '../testing/fixtures.js';
import { caseStatusAllowed } from './case-status.js';

describe(caseStatusAllowed.name, () => {
  it('passes an active case', () => {
    expect(caseStatusAllowed(aRuleInput({}, { case: { status: 'active' } }))).toBeNull();
  });

  it('passes psychological treatment of a case in assessment', () => {
    expect(
      caseStatusAllowed(aRuleInput({ categoryCode: 'psychological_treatment' }, { case: { status: 'assessment' } })),
    ).toBeNull();
  });

  it('blocks relocation for a case in assessment', () => {
    expect(caseStatusAllowed(aRuleInput({ categoryCode: 'relocation' }, { case: { status: 'assessment' } }))).toEqual({
      rule: 'case-status',
      severity: 'block',
      message: 'The case is in assessment; this category needs a case that is active.',
      messageDa: 'Sagen er under vurdering; kategorien kræver en sag, der er aktiv.',
      messageFi: 'Tapaus on arvioinnissa; tässä luokassa tapauksen on oltava aktiivinen.',
    });
  });

  it.each(['completed', 'discontinued'] as const)('blocks a %s case even where assessment is allowed', (status) => {
    expect(
      caseStatusAllowed(aRuleInput({ categoryCode: 'psychological_treatment' }, { case: { status } }))?.message,
    ).toBe(`The case is ${status}; this category needs a case that is active or in assessment.`);
  });

  it('leaves an uncovered category to category-covered', () => {
    expect(caseStatusAllowed(aRuleInput({ categoryCode: 'unknown' }, { case: { status: 'completed' } }))).toBeNull();
  });
});
