import { aRuleInput } from '../testing/fixtures.js';
import { ratePerUnit } from './rate-per-unit.js';

describe(ratePerUnit.name, () => {
  it('passes lines at the most per night', () => {
    expect(
      ratePerUnit(aRuleInput({ lines: [{ description: 'Hotel', quantity: 4, unitAmount: 150_000n }] })),
    ).toBeNull();
  });

  it('blocks each line above the most, naming lines by number only', () => {
    const result = ratePerUnit(
      aRuleInput({
        lines: [
          { description: 'Hotel Søpavillonen', quantity: 2, unitAmount: 180_000n },
          { description: 'Flat', quantity: 3, unitAmount: 150_000n },
          { description: 'Hostel', quantity: 1, unitAmount: 150_001n },
        ],
      }),
    );
    expect(result).toEqual({
      rule: 'rate-per-unit',
      severity: 'block',
      message: 'Line 1: DKK 1,800.00 a night; Line 3: DKK 1,500.01 a night — more than the most, DKK 1,500.00 a night.',
      messageDa: 'Linje 1: 1.800,00 kr. pr. nat; Linje 3: 1.500,01 kr. pr. nat — mere end højst 1.500,00 kr. pr. nat.',
      messageFi: 'Rivi 1: 1 800,00 DKK / yö; Rivi 3: 1 500,01 DKK / yö — enemmän kuin enimmäismäärä 1 500,00 DKK / yö.',
    });
  });

  it('uses the session rate for tattoo removal', () => {
    expect(
      ratePerUnit(
        aRuleInput({
          categoryCode: 'tattoo_removal',
          lines: [{ description: 'Laser', quantity: 1, unitAmount: 260_000n }],
        }),
      )?.message,
    ).toBe('Line 1: DKK 2,600.00 a session — more than the most, DKK 2,500.00 a session.');
  });
});
