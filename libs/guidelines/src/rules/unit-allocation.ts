import { amountAtStake } from '../lines.js';
import { finding } from '../finding.js';
import type { Finding, RuleInput } from '../types.js';
import { money } from '../wording.js';

export function unitAllocation({ application, context }: RuleInput): Finding | null {
  const remaining = context.unitAllocationRemaining;
  if (remaining === undefined || remaining === null || remaining >= amountAtStake(application)) return null;
  const left = money(remaining, context);
  const requested = money(amountAtStake(application), context);
  return finding(
    'unit-allocation',
    'warn',
    `The unit's allocation has ${left.en} left, less than the amount requested, ${requested.en}.`,
    `Enhedens ramme har ${left.da} tilbage, mindre end det ansøgte beløb, ${requested.da}.`,
    `Yksikön osuudesta on jäljellä ${left.fi}, vähemmän kuin haettu summa, ${requested.fi}.`,
  );
}
