import { findCategory } from './evaluate.js';
import type { Guideline } from './types.js';

/**
 * Whether granting `amount` needs a second, different contact-point approver.
 * A category the guideline does not cover answers true: when in doubt, four eyes.
 */
export function requiresSecondApproval(amount: bigint, guideline: Guideline, categoryCode: string): boolean {
  const category = findCategory(guideline, categoryCode);
  return category === undefined || amount > category.secondApprovalAbove;
}
