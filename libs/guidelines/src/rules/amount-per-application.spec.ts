import { aRuleInput } from '../testing/fixtures.js';
import { amountPerApplication } from './amount-per-application.js';

describe(amountPerApplication.name, () => {
  it('passes exactly the most per application', () => {
    expect(amountPerApplication(aRuleInput({ categoryCode: 'relocation', amountRequested: 6_000_000n }))).toBeNull();
  });

  it('blocks one øre more', () => {
    expect(amountPerApplication(aRuleInput({ categoryCode: 'relocation', amountRequested: 6_000_001n }))).toEqual({
      rule: 'amount-per-application',
      severity: 'block',
      message:
        'The amount requested, DKK 60,000.01, is more than the most per application in this category, DKK 60,000.00.',
      messageDa:
        'Det ansøgte beløb, 60.000,01 kr., er mere end det højeste beløb pr. ansøgning i kategorien, 60.000,00 kr.',
      messageFi: 'Haettu summa, 60 000,01 DKK, on enemmän kuin luokan enimmäismäärä hakemusta kohden, 60 000,00 DKK.',
    });
  });

  it('writes amounts in the currency of the context', () => {
    expect(
      amountPerApplication(
        aRuleInput({ categoryCode: 'psychological_treatment', amountRequested: 2_000_000n }, { currency: 'EUR' }),
      )?.message,
    ).toContain('EUR 20,000.00');
  });

  it('weighs the amount being granted at an approval, not the amount requested', () => {
    const over = { categoryCode: 'relocation', amountRequested: 7_000_000n };
    expect(amountPerApplication(aRuleInput({ ...over, amountToGrant: 6_000_000n }))).toBeNull();
    expect(amountPerApplication(aRuleInput({ ...over, amountToGrant: 6_000_001n }))?.message).toContain(
      'DKK 60,000.01',
    );
  });
});
