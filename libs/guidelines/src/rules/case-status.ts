import { finding } from '../finding.js';
import type { Finding, RuleInput } from '../types.js';
import { caseStatus, orList } from '../wording.js';

export function caseStatusAllowed({ context, category }: RuleInput): Finding | null {
  if (!category) return null;
  const { status } = context.case;
  if (category.allowedCaseStatuses.includes(status)) return null;
  const allowed = category.allowedCaseStatuses.map(caseStatus);
  const [namesEn, namesDa, namesFi] = [allowed.map((s) => s.en), allowed.map((s) => s.da), allowed.map((s) => s.fi)];
  const allowedEn = orList(namesEn, 'or') || 'in a status the guideline allows';
  const allowedDa = orList(namesDa, 'eller') || 'i en status, som retningslinjerne tillader';
  const allowedFi = orList(namesFi, 'tai') || 'ohjeen sallimassa tilassa';
  return finding(
    'case-status',
    'block',
    `The case is ${caseStatus(status).en}; this category needs a case that is ${allowedEn}.`,
    `Sagen er ${caseStatus(status).da}; kategorien kræver en sag, der er ${allowedDa}.`,
    `Tapaus on ${caseStatus(status).fi}; tässä luokassa tapauksen on oltava ${allowedFi}.`,
  );
}
