import { demoGuideline } from '../demo-guideline.js';
import { aRuleInput } from '../testing/fixtures.js';
import { cooperationAgreement } from './cooperation-agreement.js';

describe(cooperationAgreement.name, () => {
  it('passes a signed agreement', () => {
    expect(cooperationAgreement(aRuleInput({}, { case: { agreementSignedOn: '2026-03-01' } }))).toBeNull();
  });

  it('blocks when the agreement is not signed', () => {
    expect(
      cooperationAgreement(aRuleInput({ categoryCode: 'tattoo_removal' }, { case: { agreementSignedOn: null } })),
    ).toEqual({
      rule: 'cooperation-agreement',
      severity: 'block',
      message: 'The cooperation agreement is not signed.',
      messageDa: 'Samarbejdsaftalen er ikke underskrevet.',
      messageFi: 'Yhteistyösopimusta ei ole allekirjoitettu.',
    });
  });

  it('blocks an agreement dated after today', () => {
    expect(
      cooperationAgreement(aRuleInput({}, { today: '2026-11-21', case: { agreementSignedOn: '2026-12-01' } }))?.message,
    ).toBe('The cooperation agreement is dated 2026-12-01, which is after today.');
  });

  it('only warns when an urgent relocation precedes the agreement', () => {
    expect(
      cooperationAgreement(
        aRuleInput({ categoryCode: 'relocation', urgent: true }, { case: { agreementSignedOn: null } }),
      ),
    ).toMatchObject({
      rule: 'cooperation-agreement',
      severity: 'warn',
    });
  });

  it('blocks a relocation without the agreement that is not urgent', () => {
    expect(
      cooperationAgreement(
        aRuleInput({ categoryCode: 'relocation', urgent: false }, { case: { agreementSignedOn: null } }),
      )?.severity,
    ).toBe('block');
  });

  it('blocks an urgent application without the agreement where urgency does not excuse it', () => {
    expect(
      cooperationAgreement(
        aRuleInput({ categoryCode: 'tattoo_removal', urgent: true }, { case: { agreementSignedOn: null } }),
      )?.severity,
    ).toBe('block');
  });

  it('only informs when a psychological assessment comes before admission', () => {
    expect(
      cooperationAgreement(
        aRuleInput(
          { categoryCode: 'psychological_treatment' },
          { case: { status: 'assessment', agreementSignedOn: null } },
        ),
      ),
    ).toMatchObject({ rule: 'cooperation-agreement', severity: 'info' });
  });

  it('passes a category that does not require an agreement', () => {
    const guideline = {
      ...demoGuideline,
      categories: demoGuideline.categories.map((c) => ({ ...c, agreementRequired: false })),
    };
    expect(cooperationAgreement(aRuleInput({}, { case: { agreementSignedOn: null } }, guideline))).toBeNull();
  });
});
