import { aRuleInput, aTattooApplication } from '../testing/fixtures.js';
import { sessionSpacing } from './session-spacing.js';

describe(sessionSpacing.name, () => {
  it('passes planned sessions exactly 42 days apart', () => {
    expect(sessionSpacing(aRuleInput(aTattooApplication(['2026-12-01', '2027-01-12'])))).toBeNull();
  });

  it('passes a planned session 42 days after the last earlier one', () => {
    expect(
      sessionSpacing(aRuleInput(aTattooApplication(['2026-12-01']), { previousSessionDates: ['2026-10-20'] })),
    ).toBeNull();
  });

  it('warns about planned sessions closer than 42 days', () => {
    expect(sessionSpacing(aRuleInput(aTattooApplication(['2026-12-01', '2027-01-11'])))).toEqual({
      rule: 'session-spacing',
      severity: 'warn',
      message: 'Sessions must be at least 42 days apart. Too close (days apart): 1 Dec 2026 and 11 Jan 2027 (41).',
      messageDa:
        'Behandlinger skal ligge mindst 42 dage fra hinanden. For tæt (dage imellem): 1. dec. 2026 og 11. jan. 2027 (41).',
      messageFi:
        'Käyntikertojen välillä on oltava vähintään 42 päivää. Liian lähekkäin (päiviä välissä): 1.12.2026 ja 11.1.2027 (41).',
    });
  });

  it('warns about a planned session too close to an earlier one, in whatever order the dates come', () => {
    const result = sessionSpacing(
      aRuleInput(aTattooApplication(['2027-03-01', '2026-12-01']), {
        previousSessionDates: ['2026-11-10', '2026-09-01'],
      }),
    );
    expect(result?.message).toBe(
      'Sessions must be at least 42 days apart. Too close (days apart): 10 Nov 2026 and 1 Dec 2026 (21).',
    );
  });

  it('does not hold the spacing of earlier sessions against this application', () => {
    expect(
      sessionSpacing(
        aRuleInput(aTattooApplication(['2027-03-01']), { previousSessionDates: ['2026-09-01', '2026-09-08'] }),
      ),
    ).toBeNull();
  });

  it('warns about two sessions planned on the same day', () => {
    expect(sessionSpacing(aRuleInput(aTattooApplication(['2026-12-01', '2026-12-01'])))?.message).toContain(
      '1 Dec 2026 and 1 Dec 2026 (0)',
    );
  });

  it('warns about a planned date it cannot read instead of throwing', () => {
    expect(sessionSpacing(aRuleInput(aTattooApplication(['2026-12-01', '1 March'])))?.message).toBe(
      'Sessions must be at least 42 days apart. Not a date (YYYY-MM-DD): "1 March".',
    );
  });

  it('passes when no session dates are planned', () => {
    expect(
      sessionSpacing(aRuleInput({ ...aTattooApplication(['2026-12-01']), plannedSessionDates: undefined })),
    ).toBeNull();
  });

  it('passes a category without a spacing rule', () => {
    expect(
      sessionSpacing(
        aRuleInput({ ...aTattooApplication(['2026-12-01', '2026-12-02']), categoryCode: 'psychological_treatment' }),
      ),
    ).toBeNull();
  });
});
