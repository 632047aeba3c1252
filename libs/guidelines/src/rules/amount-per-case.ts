import { amountAtStake } from '../lines.js';
import { finding } from '../finding.js';
import type { Finding, RuleInput } from '../types.js';
import { money } from '../wording.js';

export function amountPerCase({ application, context, category }: RuleInput): Finding | null {
  if (!category) return null;
  const total = context.grantedForCaseAndCategory + amountAtStake(application);
  if (total <= category.maxPerCase) return null;
  const granted = money(context.grantedForCaseAndCategory, context);
  const requested = money(amountAtStake(application), context);
  const sum = money(total, context);
  const max = money(category.maxPerCase, context);
  return finding(
    'amount-per-case',
    'block',
    `Earlier grants for this case in this category (${granted.en}) and this application (${requested.en}) come to ${sum.en}, more than the most per case, ${max.en}.`,
    `Tidligere bevillinger til sagen i kategorien (${granted.da}) og denne ansøgning (${requested.da}) udgør ${sum.da}, mere end højst ${max.da} pr. sag.`,
    `Tapauksen aiemmat avustukset tässä luokassa (${granted.fi}) ja tämä hakemus (${requested.fi}) ovat yhteensä ${sum.fi}, enemmän kuin enimmäismäärä tapausta kohden, ${max.fi}.`,
  );
}
