import { aRuleInput } from '../testing/fixtures.js';
import { unitAllocation } from './unit-allocation.js';

describe(unitAllocation.name, () => {
  it('passes when the unit has enough allocation left', () => {
    expect(
      unitAllocation(aRuleInput({ amountRequested: 1_500_000n }, { unitAllocationRemaining: 1_500_000n })),
    ).toBeNull();
  });

  it('passes when the unit has no allocation', () => {
    expect(unitAllocation(aRuleInput({}, { unitAllocationRemaining: null }))).toBeNull();
    expect(unitAllocation(aRuleInput({}, {}))).toBeNull();
  });

  it('warns when the allocation left is smaller than the amount requested', () => {
    expect(
      unitAllocation(aRuleInput({ amountRequested: 1_500_000n }, { unitAllocationRemaining: 1_000_000n })),
    ).toEqual({
      rule: 'unit-allocation',
      severity: 'warn',
      message: "The unit's allocation has DKK 10,000.00 left, less than the amount requested, DKK 15,000.00.",
      messageDa: 'Enhedens ramme har 10.000,00 kr. tilbage, mindre end det ansøgte beløb, 15.000,00 kr.',
      messageFi: 'Yksikön osuudesta on jäljellä 10 000,00 DKK, vähemmän kuin haettu summa, 15 000,00 DKK.',
    });
  });
});
