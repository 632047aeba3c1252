import { bySeverity } from './finding.js';
import { requireIsoDate } from './iso-date.js';
import { RULES } from './rules/index.js';
import type { ApplicationInput, CategoryRules, EvaluationContext, Finding, Guideline, Rule } from './types.js';

export function findCategory(guideline: Guideline, categoryCode: string): CategoryRules | undefined {
  return guideline.categories.find((c) => c.categoryCode === categoryCode);
}

/**
 * Checks an application against one guideline version. Pure: the same input
 * always gives the same findings — blocks first, then warnings, then information,
 * at most one finding per rule. Throws only for an invalid `context.today`.
 */
export function evaluate(application: ApplicationInput, context: EvaluationContext, guideline: Guideline): Finding[] {
  requireIsoDate(context.today, 'context.today');
  const input = { application, context, guideline, category: findCategory(guideline, application.categoryCode) };
  const rules: readonly Rule[] = Object.values(RULES);
  return rules
    .map((rule) => rule(input))
    .filter((f): f is Finding => f !== null)
    .sort(bySeverity);
}
