import { aRuleInput } from '../testing/fixtures.js';
import { poolAvailable } from './pool-available.js';

describe(poolAvailable.name, () => {
  it('passes when the pool holds exactly the amount requested', () => {
    expect(poolAvailable(aRuleInput({ amountRequested: 1_500_000n }, { poolAvailable: 1_500_000n }))).toBeNull();
  });

  it('blocks when the pool holds less', () => {
    expect(poolAvailable(aRuleInput({ amountRequested: 1_500_000n }, { poolAvailable: 1_499_999n }))).toEqual({
      rule: 'pool-available',
      severity: 'block',
      message: 'The pool has DKK 14,999.99 left, less than the amount requested, DKK 15,000.00.',
      messageDa: 'Puljen har 14.999,99 kr. tilbage, mindre end det ansøgte beløb, 15.000,00 kr.',
      messageFi: 'Määrärahaa on jäljellä 14 999,99 DKK, vähemmän kuin haettu summa, 15 000,00 DKK.',
    });
  });

  it('informs when the money left in the pool is unknown', () => {
    expect(poolAvailable(aRuleInput({}, { poolAvailable: null }))).toMatchObject({
      rule: 'pool-available',
      severity: 'info',
    });
  });
});
