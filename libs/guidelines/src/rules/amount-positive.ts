import { amountAtStake } from '../lines.js';
import { finding } from '../finding.js';
import type { Finding, RuleInput } from '../types.js';

export function amountPositive({ application }: RuleInput): Finding | null {
  if (amountAtStake(application) > 0n) return null;
  return finding(
    'amount-positive',
    'block',
    'The amount requested must be more than zero.',
    'Det ansøgte beløb skal være større end nul.',
    'Haetun summan on oltava suurempi kuin nolla.',
  );
}
