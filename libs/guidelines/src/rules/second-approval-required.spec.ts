import { aRuleInput } from '../testing/fixtures.js';
import { secondApprovalRequired } from './second-approval-required.js';

describe(secondApprovalRequired.name, () => {
  it('says nothing at exactly the threshold', () => {
    expect(secondApprovalRequired(aRuleInput({ categoryCode: 'relocation', amountRequested: 2_500_000n }))).toBeNull();
  });

  it('informs above the threshold', () => {
    expect(secondApprovalRequired(aRuleInput({ categoryCode: 'relocation', amountRequested: 2_500_001n }))).toEqual({
      rule: 'second-approval-required',
      severity: 'info',
      message: 'A grant above DKK 25,000.00 needs a second approval by another contact-point member.',
      messageDa:
        'En bevilling over 25.000,00 kr. kræver endnu en godkendelse fra en anden medarbejder i kontaktpunktet.',
      messageFi:
        'Avustus, joka ylittää 25 000,00 DKK, vaatii toisen hyväksynnän toiselta yhteyspisteen käsittelijältä.',
    });
  });
});
