import { aRuleInput } from '../testing/fixtures.js';
import { amountPerCase } from './amount-per-case.js';

describe(amountPerCase.name, () => {
  it('passes when earlier grants and this one reach exactly the most per case', () => {
    expect(
      amountPerCase(
        aRuleInput(
          { categoryCode: 'tattoo_removal', amountRequested: 1_500_000n },
          { grantedForCaseAndCategory: 2_500_000n },
        ),
      ),
    ).toBeNull();
  });

  it('blocks when together they exceed it', () => {
    expect(
      amountPerCase(
        aRuleInput(
          { categoryCode: 'tattoo_removal', amountRequested: 1_500_100n },
          { grantedForCaseAndCategory: 2_500_000n },
        ),
      ),
    ).toEqual({
      rule: 'amount-per-case',
      severity: 'block',
      message:
        'Earlier grants for this case in this category (DKK 25,000.00) and this application (DKK 15,001.00) come to DKK 40,001.00, more than the most per case, DKK 40,000.00.',
      messageDa:
        'Tidligere bevillinger til sagen i kategorien (25.000,00 kr.) og denne ansøgning (15.001,00 kr.) udgør 40.001,00 kr., mere end højst 40.000,00 kr. pr. sag.',
      messageFi:
        'Tapauksen aiemmat avustukset tässä luokassa (25 000,00 DKK) ja tämä hakemus (15 001,00 DKK) ovat yhteensä 40 001,00 DKK, enemmän kuin enimmäismäärä tapausta kohden, 40 000,00 DKK.',
    });
  });
});
