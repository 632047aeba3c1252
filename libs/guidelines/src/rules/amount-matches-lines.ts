import { finding } from '../finding.js';
import { validLinesTotal } from '../lines.js';
import type { Finding, RuleInput } from '../types.js';
import { money } from '../wording.js';

/**
 * The cost lines describe the request: a partial grant (`amountToGrant` below
 * the amount requested) differs from them on purpose and is not weighed here.
 */
export function amountMatchesLines({ application, context }: RuleInput): Finding | null {
  const total = validLinesTotal(application.lines);
  if (total === application.amountRequested) return null;
  const requested = money(application.amountRequested, context);
  const lines = money(total, context);
  return finding(
    'amount-matches-lines',
    'block',
    `The amount requested, ${requested.en}, does not equal the sum of the lines, ${lines.en}.`,
    `Det ansøgte beløb, ${requested.da}, svarer ikke til summen af linjerne, ${lines.da}.`,
    `Haettu summa, ${requested.fi}, ei vastaa rivien summaa, ${lines.fi}.`,
  );
}
