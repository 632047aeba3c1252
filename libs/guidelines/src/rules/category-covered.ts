import { finding } from '../finding.js';
import type { Finding, RuleInput } from '../types.js';

export function categoryCovered({ application, guideline, category }: RuleInput): Finding | null {
  if (category) return null;
  const code = application.categoryCode;
  return finding(
    'category-covered',
    'block',
    `Guideline version ${guideline.version} does not cover the category "${code}".`,
    `Retningslinjerne, version ${guideline.version}, dækker ikke kategorien "${code}".`,
    `Ohjeversio ${guideline.version} ei kata luokkaa "${code}".`,
  );
}
