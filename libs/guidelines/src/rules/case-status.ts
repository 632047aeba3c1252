import { finding } from '../finding.js';
import type { Finding, RuleInput } from '../types.js';
import { caseStatus, orList } from '../wording.js';

export function caseStatusAllowed({ context, category }: RuleInput): Finding | null {
  if (!category) return null;
  const { status } = context.case;
  if (category.allowedCaseStatuses.includes(status)) return null;
  const allowed = category.allowedCaseStatuses.map(caseStatus);
  const [namesEn, namesDa] = [allowed.map((s) => s.en), allowed.map((s) => s.da)];
  const allowedEn = orList(namesEn, 'or') || 'in a status the guideline allows';
  const allowedDa = orList(namesDa, 'eller') || 'i en status, som retningslinjerne tillader';
  return finding(
    'case-status',
    'block',
    `The case is ${caseStatus(status).en}; this category needs a case that is ${allowedEn}.`,
    `Sagen er ${caseStatus(status).da}; kategorien kræver en sag, der er ${allowedDa}.`,
  );
}
