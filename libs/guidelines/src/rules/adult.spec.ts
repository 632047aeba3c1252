import { aRuleInput } from '../testing/fixtures.js';
import { adult } from './adult.js';

describe(adult.name, () => {
  it('passes a candidate who turns 18 during the current year', () => {
    expect(adult(aRuleInput({}, { today: '2026-01-01', case: { birthYear: 2008 } }))).toBeNull();
  });

  it('passes an older candidate', () => {
    expect(adult(aRuleInput({}, { case: { birthYear: 1980 } }))).toBeNull();
  });

  it('blocks a candidate who turns 18 only next year', () => {
    expect(adult(aRuleInput({}, { today: '2026-12-31', case: { birthYear: 2009 } }))).toMatchObject({
      rule: 'adult',
      severity: 'block',
      message: 'A candidate born in 2009 does not turn 18 until 2027.',
      messageDa: 'En kandidat født i 2009 fylder først 18 år i 2027.',
    });
  });

  it('blocks when the birth year is not recorded', () => {
    expect(adult(aRuleInput({}, { case: { birthYear: null } }))).toMatchObject({ rule: 'adult', severity: 'block' });
  });

  it('takes the age limit from the guideline', () => {
    const input = aRuleInput({}, { case: { birthYear: 2005 } });
    expect(adult({ ...input, guideline: { ...input.guideline, minAge: 25 } })?.message).toBe(
      'A candidate born in 2005 does not turn 25 until 2030.',
    );
  });
});
