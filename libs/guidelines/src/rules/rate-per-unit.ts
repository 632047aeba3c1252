import { finding } from '../finding.js';
import type { Finding, RuleInput } from '../types.js';
import { money, perUnit } from '../wording.js';

// Lines are named by number, never by description: descriptions may be narrative text.
export function ratePerUnit({ application, context, category }: RuleInput): Finding | null {
  if (!category) return null;
  const over = application.lines
    .map((line, index) => ({ number: index + 1, rate: money(line.unitAmount, context), unitAmount: line.unitAmount }))
    .filter((line) => line.unitAmount > category.maxUnitAmount);
  if (over.length === 0) return null;
  const unit = perUnit(category.unitLabel);
  const max = money(category.maxUnitAmount, context);
  return finding(
    'rate-per-unit',
    'block',
    `${over.map((l) => `Line ${l.number}: ${l.rate.en} ${unit.en}`).join('; ')} — more than the most, ${max.en} ${unit.en}.`,
    `${over.map((l) => `Linje ${l.number}: ${l.rate.da} ${unit.da}`).join('; ')} — mere end højst ${max.da} ${unit.da}.`,
    `${over.map((l) => `Rivi ${l.number}: ${l.rate.fi} ${unit.fi}`).join('; ')} — enemmän kuin enimmäismäärä ${max.fi} ${unit.fi}.`,
  );
}
