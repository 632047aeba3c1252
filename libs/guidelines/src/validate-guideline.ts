import { parseIsoDate } from './iso-date.js';
import { CASE_STATUSES, DOCUMENT_KINDS, UNIT_LABELS, type CategoryRules, type Guideline } from './types.js';

const CATEGORY_CODE = /^[a-z][a-z0-9_]*$/;
const MONEY_FIELDS = ['maxPerApplication', 'maxPerCase', 'maxUnitAmount', 'secondApprovalAbove'] as const;

function isWholeNumber(value: unknown, min: number): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

function duplicates<T>(values: readonly T[]): T[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

function categoryProblems(category: CategoryRules, at: string): string[] {
  const problems: string[] = [];
  if (typeof category.categoryCode !== 'string' || !CATEGORY_CODE.test(category.categoryCode)) {
    problems.push(
      `${at}.categoryCode must be a code of lower-case letters, digits and underscores, e.g. "tattoo_removal"`,
    );
  }
  for (const field of MONEY_FIELDS) {
    const value: unknown = category[field];
    if (typeof value !== 'bigint') problems.push(`${at}.${field} must be an amount in minor units (bigint)`);
    else if (value < 0n) problems.push(`${at}.${field} must not be negative`);
  }
  const { maxPerApplication, maxPerCase, maxUnitAmount } = category;
  if (typeof maxPerApplication === 'bigint' && maxPerApplication <= 0n) {
    problems.push(`${at}.maxPerApplication must be more than zero`);
  }
  if (typeof maxPerApplication === 'bigint' && typeof maxPerCase === 'bigint' && maxPerCase < maxPerApplication) {
    problems.push(`${at}.maxPerCase must be at least maxPerApplication`);
  }
  if (typeof maxUnitAmount === 'bigint' && maxUnitAmount === 0n) {
    problems.push(`${at}.maxUnitAmount must be more than zero`);
  }
  if (!(UNIT_LABELS as readonly string[]).includes(category.unitLabel)) {
    problems.push(`${at}.unitLabel must be one of ${UNIT_LABELS.join(', ')}`);
  }
  if (!isWholeNumber(category.maxUnitsPerApplication, 1)) {
    problems.push(`${at}.maxUnitsPerApplication must be a whole number of 1 or more`);
  }
  if (
    !Array.isArray(category.requiredDocuments) ||
    category.requiredDocuments.some((d) => !(DOCUMENT_KINDS as readonly string[]).includes(d))
  ) {
    problems.push(`${at}.requiredDocuments may hold only ${DOCUMENT_KINDS.join(', ')}`);
  } else if (duplicates(category.requiredDocuments).length > 0) {
    problems.push(`${at}.requiredDocuments lists a document twice`);
  }
  if (
    !Array.isArray(category.allowedCaseStatuses) ||
    category.allowedCaseStatuses.some((s) => !(CASE_STATUSES as readonly string[]).includes(s))
  ) {
    problems.push(`${at}.allowedCaseStatuses may hold only ${CASE_STATUSES.join(', ')}`);
  } else if (category.allowedCaseStatuses.length === 0) {
    problems.push(`${at}.allowedCaseStatuses must allow at least one case status`);
  } else if (duplicates(category.allowedCaseStatuses).length > 0) {
    problems.push(`${at}.allowedCaseStatuses lists a status twice`);
  }
  if (typeof category.agreementRequired !== 'boolean') problems.push(`${at}.agreementRequired must be true or false`);
  if (typeof category.urgentMayPrecedeAgreement !== 'boolean')
    problems.push(`${at}.urgentMayPrecedeAgreement must be true or false`);
  if (category.minSessionSpacingDays !== undefined && !isWholeNumber(category.minSessionSpacingDays, 1)) {
    problems.push(`${at}.minSessionSpacingDays must be a whole number of days, 1 or more`);
  }
  return problems;
}

/**
 * Everything wrong with a guideline version, one sentence each starting with the
 * field's path (`categories[1].maxPerCase ...`); empty when it can be published.
 * Checks the runtime values too, since a draft arrives as JSON.
 */
export function validateGuideline(guideline: Guideline): string[] {
  const problems: string[] = [];
  if (typeof guideline.id !== 'string' || guideline.id.trim() === '') problems.push('id must not be empty');
  if (typeof guideline.version !== 'string' || guideline.version.trim() === '')
    problems.push('version must not be empty');
  if (typeof guideline.effectiveFrom !== 'string' || !parseIsoDate(guideline.effectiveFrom)) {
    problems.push('effectiveFrom must be an ISO date (YYYY-MM-DD)');
  }
  if (!isWholeNumber(guideline.minAge, 0) || guideline.minAge > 120)
    problems.push('minAge must be a whole number of years from 0 to 120');
  if (!isWholeNumber(guideline.maxCourseMonths, 1))
    problems.push('maxCourseMonths must be a whole number of 1 or more');
  if (!Array.isArray(guideline.categories) || guideline.categories.length === 0) {
    problems.push('categories must hold at least one category');
    return problems;
  }
  guideline.categories.forEach((category, index) =>
    problems.push(...categoryProblems(category, `categories[${index}]`)),
  );
  for (const code of duplicates(guideline.categories.map((c) => c.categoryCode))) {
    problems.push(`categories: "${code}" appears more than once`);
  }
  return problems;
}
