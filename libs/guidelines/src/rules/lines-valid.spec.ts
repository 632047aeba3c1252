import { aRuleInput } from '../testing/fixtures.js';
import { linesValid } from './lines-valid.js';

describe(linesValid.name, () => {
  it('passes whole positive quantities and non-negative unit amounts', () => {
    expect(linesValid(aRuleInput({ lines: [{ description: 'Free night', quantity: 1, unitAmount: 0n }] }))).toBeNull();
  });

  it('blocks an application without lines', () => {
    expect(linesValid(aRuleInput({ lines: [] }))).toEqual({
      rule: 'lines-valid',
      severity: 'block',
      message: 'The application has no cost lines.',
      messageDa: 'Ansøgningen har ingen udgiftslinjer.',
      messageFi: 'Hakemuksessa ei ole kustannusrivejä.',
    });
  });

  it('blocks fractional, zero and negative quantities and negative unit amounts, naming the lines', () => {
    const result = linesValid(
      aRuleInput({
        lines: [
          { description: 'a', quantity: 1.5, unitAmount: 100n },
          { description: 'b', quantity: 2, unitAmount: 100n },
          { description: 'c', quantity: 0, unitAmount: 100n },
          { description: 'd', quantity: -1, unitAmount: 100n },
          { description: 'e', quantity: 1, unitAmount: -100n },
        ],
      }),
    );
    expect(result?.message).toBe(
      'Line 1, 3, 4, 5: the quantity must be a whole number of 1 or more and the unit amount must not be negative.',
    );
  });
});
