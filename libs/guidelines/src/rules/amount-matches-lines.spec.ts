import { aRuleInput } from '../testing/fixtures.js';
import { amountMatchesLines } from './amount-matches-lines.js';

describe(amountMatchesLines.name, () => {
  it('passes an amount equal to the sum of the lines', () => {
    expect(
      amountMatchesLines(
        aRuleInput({
          amountRequested: 1_575_000n,
          lines: [
            { description: 'Hotel', quantity: 10, unitAmount: 150_000n },
            { description: 'Transport', quantity: 1, unitAmount: 75_000n },
          ],
        }),
      ),
    ).toBeNull();
  });

  it('blocks an amount that differs from the sum of the lines by one øre', () => {
    expect(amountMatchesLines(aRuleInput({ amountRequested: 1_500_001n }))).toEqual({
      rule: 'amount-matches-lines',
      severity: 'block',
      message: 'The amount requested, DKK 15,000.01, does not equal the sum of the lines, DKK 15,000.00.',
      messageDa: 'Det ansøgte beløb, 15.000,01 kr., svarer ikke til summen af linjerne, 15.000,00 kr.',
      messageFi: 'Haettu summa, 15 000,01 DKK, ei vastaa rivien summaa, 15 000,00 DKK.',
    });
  });

  it('leaves out lines with a fractional quantity instead of throwing', () => {
    expect(
      amountMatchesLines(
        aRuleInput({ amountRequested: 150_000n, lines: [{ description: 'x', quantity: 0.5, unitAmount: 300_000n }] }),
      )?.message,
    ).toContain('the sum of the lines, DKK 0.00');
  });

  it('does not weigh a partial grant: the lines describe the request, not what is granted', () => {
    // the default lines add up to DKK 15,000.00, the amount requested
    expect(amountMatchesLines(aRuleInput({ amountRequested: 1_500_000n, amountToGrant: 900_000n }))).toBeNull();
  });
});
