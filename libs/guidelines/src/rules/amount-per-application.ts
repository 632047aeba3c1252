import { amountAtStake } from '../lines.js';
import { finding } from '../finding.js';
import type { Finding, RuleInput } from '../types.js';
import { money } from '../wording.js';

export function amountPerApplication({ application, context, category }: RuleInput): Finding | null {
  if (!category || amountAtStake(application) <= category.maxPerApplication) return null;
  const requested = money(amountAtStake(application), context);
  const max = money(category.maxPerApplication, context);
  return finding(
    'amount-per-application',
    'block',
    `The amount requested, ${requested.en}, is more than the most per application in this category, ${max.en}.`,
    `Det ansøgte beløb, ${requested.da}, er mere end det højeste beløb pr. ansøgning i kategorien, ${max.da}.`,
    `Haettu summa, ${requested.fi}, on enemmän kuin luokan enimmäismäärä hakemusta kohden, ${max.fi}.`,
  );
}
