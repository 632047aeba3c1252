import { aRuleInput } from '../testing/fixtures.js';
import { ordinaryFundingConsidered } from './ordinary-funding-considered.js';

describe(ordinaryFundingConsidered.name, () => {
  it('passes when the unit declares ordinary funding was considered', () => {
    expect(ordinaryFundingConsidered(aRuleInput({ ordinaryFundingConsidered: true }))).toBeNull();
  });

  it('blocks when it was not', () => {
    expect(ordinaryFundingConsidered(aRuleInput({ ordinaryFundingConsidered: false }))).toMatchObject({
      rule: 'ordinary-funding-considered',
      severity: 'block',
    });
  });
});
