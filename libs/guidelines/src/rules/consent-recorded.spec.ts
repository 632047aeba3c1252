import { aRuleInput } from '../testing/fixtures.js';
import { consentRecorded } from './consent-recorded.js';

describe(consentRecorded.name, () => {
  it('passes a consent recorded before today', () => {
    expect(consentRecorded(aRuleInput({}, { case: { consentRecordedOn: '2026-01-02' } }))).toBeNull();
  });

  it('passes a consent recorded today', () => {
    expect(
      consentRecorded(aRuleInput({}, { today: '2026-11-21', case: { consentRecordedOn: '2026-11-21' } })),
    ).toBeNull();
  });

  it('blocks when no consent is recorded', () => {
    expect(consentRecorded(aRuleInput({}, { case: { consentRecordedOn: null } }))).toEqual({
      rule: 'consent-recorded',
      severity: 'block',
      message: "The candidate's consent declaration is not recorded.",
      messageDa: 'Kandidatens samtykkeerklæring er ikke registreret.',
      messageFi: 'Asiakkaan suostumusta ei ole kirjattu.',
    });
  });

  it('blocks a consent dated after today', () => {
    expect(
      consentRecorded(aRuleInput({}, { today: '2026-11-21', case: { consentRecordedOn: '2026-11-22' } }))?.message,
    ).toBe('The consent declaration is dated 2026-11-22, which is after today.');
  });

  it('blocks a consent date that is not a date', () => {
    expect(consentRecorded(aRuleInput({}, { case: { consentRecordedOn: '2026-02-30' } }))?.severity).toBe('block');
  });
});
