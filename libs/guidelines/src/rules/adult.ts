import { finding } from '../finding.js';
import { requireIsoDate } from '../iso-date.js';
import type { Finding, RuleInput } from '../types.js';

// Only the birth year is stored (no birth dates: pseudonymity), so someone born in
// year Y counts as turning minAge during Y + minAge.
export function adult({ context, guideline }: RuleInput): Finding | null {
  const { birthYear } = context.case;
  const { minAge } = guideline;
  if (birthYear === null) {
    return finding(
      'adult',
      'block',
      `The candidate's birth year is not recorded; the programme is for candidates aged ${minAge} or older.`,
      `Kandidatens fødselsår er ikke registreret; programmet er for kandidater på ${minAge} år eller derover.`,
      `Asiakkaan syntymävuotta ei ole kirjattu; ohjelma on ${minAge} vuotta täyttäneille.`,
    );
  }
  const year = requireIsoDate(context.today, 'context.today').year;
  if (year - birthYear >= minAge) return null;
  return finding(
    'adult',
    'block',
    `A candidate born in ${birthYear} does not turn ${minAge} until ${birthYear + minAge}.`,
    `En kandidat født i ${birthYear} fylder først ${minAge} år i ${birthYear + minAge}.`,
    `Vuonna ${birthYear} syntynyt asiakas täyttää ${minAge} vuotta vasta vuonna ${birthYear + minAge}.`,
  );
}
