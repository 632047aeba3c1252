import { finding } from '../finding.js';
import type { Finding, RuleInput } from '../types.js';
import { unitCount } from '../wording.js';

export function unitsPerApplication({ application, category }: RuleInput): Finding | null {
  if (!category) return null;
  const units = application.lines.reduce((total, line) => total + line.quantity, 0);
  if (units <= category.maxUnitsPerApplication) return null;
  const count = unitCount(units, category.unitLabel);
  return finding(
    'units-per-application',
    'block',
    `The lines come to ${count.en}, more than the most per application, ${category.maxUnitsPerApplication}.`,
    `Linjerne udgør ${count.da}, mere end højst ${category.maxUnitsPerApplication} pr. ansøgning.`,
    `Rivejä on yhteensä ${count.fi}, enemmän kuin enintään ${category.maxUnitsPerApplication} hakemusta kohden.`,
  );
}
