import { finding } from '../finding.js';
import { isValidLine } from '../lines.js';
import type { Finding, RuleInput } from '../types.js';

export function linesValid({ application }: RuleInput): Finding | null {
  if (application.lines.length === 0) {
    return finding(
      'lines-valid',
      'block',
      'The application has no cost lines.',
      'Ansøgningen har ingen udgiftslinjer.',
      'Hakemuksessa ei ole kustannusrivejä.',
    );
  }
  const invalid = application.lines.flatMap((line, index) => (isValidLine(line) ? [] : [index + 1]));
  if (invalid.length === 0) return null;
  return finding(
    'lines-valid',
    'block',
    `Line ${invalid.join(', ')}: the quantity must be a whole number of 1 or more and the unit amount must not be negative.`,
    `Linje ${invalid.join(', ')}: antallet skal være et helt tal på mindst 1, og enhedsbeløbet må ikke være negativt.`,
    `Rivi ${invalid.join(', ')}: määrän on oltava vähintään 1 oleva kokonaisluku, eikä yksikköhinta saa olla negatiivinen.`,
  );
}
