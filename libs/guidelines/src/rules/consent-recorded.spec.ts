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

  it('passes when the consent covers the parties that work on the application', () => {
    expect(
      consentRecorded(
        aRuleInput(
          {},
          { case: { consentParties: ['police', 'municipality'] }, involvedParties: ['police', 'municipality'] },
        ),
      ),
    ).toBeNull();
  });

  it('blocks when a party that works on the application is not covered', () => {
    expect(
      consentRecorded(
        aRuleInput({}, { case: { consentParties: ['police'] }, involvedParties: ['police', 'prison_probation'] }),
      ),
    ).toEqual({
      rule: 'consent-recorded',
      severity: 'block',
      message: 'The consent does not cover the prison and probation service, which works on the application.',
      messageDa: 'Samtykket dækker ikke kriminalforsorgen, som arbejder på ansøgningen.',
      messageFi: 'Suostumus ei kata kaikkia hakemuksen parissa työskenteleviä osapuolia: Rikosseuraamuslaitos.',
    });
  });

  it('blocks when consent was withdrawn from every party', () => {
    expect(
      consentRecorded(aRuleInput({}, { case: { consentParties: [] }, involvedParties: ['police'] }))?.message,
    ).toBe('The candidate withdrew consent from every party.');
  });

  it('looks at the date only where parties are not modelled', () => {
    expect(consentRecorded(aRuleInput({}, { involvedParties: ['ngo'] }))).toBeNull();
  });
});
