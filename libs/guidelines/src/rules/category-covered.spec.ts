import { aRuleInput } from '../testing/fixtures.js';
import { categoryCovered } from './category-covered.js';

describe(categoryCovered.name, () => {
  it('passes a category the guideline covers', () => {
    expect(categoryCovered(aRuleInput({ categoryCode: 'tattoo_removal' }))).toBeNull();
  });

  it('blocks a category the guideline does not cover', () => {
    expect(categoryCovered(aRuleInput({ categoryCode: 'driving_licence' }))).toEqual({
      rule: 'category-covered',
      severity: 'block',
      message: 'Guideline version 2026.1 does not cover the category "driving_licence".',
      messageDa: 'Retningslinjerne, version 2026.1, dækker ikke kategorien "driving_licence".',
      messageFi: 'Ohjeversio 2026.1 ei kata luokkaa "driving_licence".',
    });
  });
});
