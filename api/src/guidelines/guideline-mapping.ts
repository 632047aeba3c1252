import type { CategoryRules, Guideline } from '@app/guidelines';
import type { StoredCategoryRules } from '@app/contract';
import type { GuidelineVersion } from './guideline-version.entity.js';

/** The stored version as the pure engine reads it: amounts as bigint. */
export function toEngineGuideline(
  g: Pick<GuidelineVersion, 'id' | 'version' | 'effectiveFrom' | 'minAge' | 'maxCourseMonths' | 'categories'>,
): Guideline {
  return {
    id: g.id,
    version: g.version,
    effectiveFrom: g.effectiveFrom,
    minAge: g.minAge,
    maxCourseMonths: g.maxCourseMonths,
    categories: g.categories.map(toEngineCategory),
  };
}

function toEngineCategory(c: StoredCategoryRules): CategoryRules {
  return {
    categoryCode: c.categoryCode,
    maxPerApplication: BigInt(c.maxPerApplication),
    maxPerCase: BigInt(c.maxPerCase),
    maxUnitAmount: BigInt(c.maxUnitAmount),
    unitLabel: c.unitLabel,
    maxUnitsPerApplication: c.maxUnitsPerApplication,
    secondApprovalAbove: BigInt(c.secondApprovalAbove),
    requiredDocuments: [...c.requiredDocuments],
    allowedCaseStatuses: [...c.allowedCaseStatuses],
    agreementRequired: c.agreementRequired,
    urgentMayPrecedeAgreement: c.urgentMayPrecedeAgreement,
    ...(c.minSessionSpacingDays ? { minSessionSpacingDays: c.minSessionSpacingDays } : {}),
  };
}

/** The engine's guideline as stored: for the demo seed. */
export function toStoredCategories(g: Guideline): StoredCategoryRules[] {
  return g.categories.map((c) => ({
    categoryCode: c.categoryCode,
    maxPerApplication: Number(c.maxPerApplication),
    maxPerCase: Number(c.maxPerCase),
    maxUnitAmount: Number(c.maxUnitAmount),
    unitLabel: c.unitLabel,
    maxUnitsPerApplication: c.maxUnitsPerApplication,
    secondApprovalAbove: Number(c.secondApprovalAbove),
    requiredDocuments: [...c.requiredDocuments],
    allowedCaseStatuses: [...c.allowedCaseStatuses],
    agreementRequired: c.agreementRequired,
    urgentMayPrecedeAgreement: c.urgentMayPrecedeAgreement,
    minSessionSpacingDays: c.minSessionSpacingDays ?? null,
  }));
}
