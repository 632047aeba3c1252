import { amountAtStake } from '../lines.js';
import { finding } from '../finding.js';
import type { Finding, RuleInput } from '../types.js';
import { money } from '../wording.js';

export function secondApprovalRequired({ application, context, category }: RuleInput): Finding | null {
  if (!category || amountAtStake(application) <= category.secondApprovalAbove) return null;
  const threshold = money(category.secondApprovalAbove, context);
  return finding(
    'second-approval-required',
    'info',
    `A grant above ${threshold.en} needs a second approval by another contact-point member.`,
    `En bevilling over ${threshold.da} kræver endnu en godkendelse fra en anden medarbejder i kontaktpunktet.`,
    `Avustus, joka ylittää ${threshold.fi}, vaatii toisen hyväksynnän toiselta yhteyspisteen käsittelijältä.`,
  );
}
