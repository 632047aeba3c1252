import { aRuleInput } from '../testing/fixtures.js';
import { amountPositive } from './amount-positive.js';

describe(amountPositive.name, () => {
  it('passes an amount of one øre', () => {
    expect(amountPositive(aRuleInput({ amountRequested: 1n }))).toBeNull();
  });

  it.each([0n, -100n])('blocks %p', (amountRequested) => {
    expect(amountPositive(aRuleInput({ amountRequested }))).toMatchObject({
      rule: 'amount-positive',
      severity: 'block',
    });
  });
});
