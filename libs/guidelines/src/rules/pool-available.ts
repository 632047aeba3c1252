import { amountAtStake } from '../lines.js';
import { finding } from '../finding.js';
import type { Finding, RuleInput } from '../types.js';
import { money } from '../wording.js';

export function poolAvailable({ application, context }: RuleInput): Finding | null {
  if (context.poolAvailable === null) {
    return finding(
      'pool-available',
      'info',
      'The money left in the pool is not known yet; it is checked again when the grant is approved.',
      'Puljens restbeløb kendes endnu ikke; det kontrolleres igen, når bevillingen gives.',
      'Määrärahan jäljellä olevaa summaa ei vielä tiedetä; se tarkistetaan uudelleen, kun avustus myönnetään.',
    );
  }
  if (context.poolAvailable >= amountAtStake(application)) return null;
  const left = money(context.poolAvailable, context);
  const requested = money(amountAtStake(application), context);
  return finding(
    'pool-available',
    'block',
    `The pool has ${left.en} left, less than the amount requested, ${requested.en}.`,
    `Puljen har ${left.da} tilbage, mindre end det ansøgte beløb, ${requested.da}.`,
    `Määrärahaa on jäljellä ${left.fi}, vähemmän kuin haettu summa, ${requested.fi}.`,
  );
}
