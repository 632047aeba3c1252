import { aRuleInput } from '../testing/fixtures.js';
import { coursePeriod } from './course-period.js';

describe(coursePeriod.name, () => {
  it('passes a course that started within 12 months', () => {
    expect(coursePeriod(aRuleInput({}, { today: '2026-11-21', case: { programmeStart: '2026-01-10' } }))).toBeNull();
  });

  it('passes on the last day, exactly 12 months after the start', () => {
    expect(coursePeriod(aRuleInput({}, { today: '2026-11-21', case: { programmeStart: '2025-11-21' } }))).toBeNull();
  });

  it('blocks the day after the 12 months', () => {
    expect(coursePeriod(aRuleInput({}, { today: '2026-11-22', case: { programmeStart: '2025-11-21' } }))).toEqual({
      rule: 'course-period',
      severity: 'block',
      message: 'The course started on 21 Nov 2025, more than 12 months ago (its last day was 21 Nov 2026).',
      messageDa: 'Forløbet startede 21. nov. 2025, for mere end 12 måneder siden (sidste dag var 21. nov. 2026).',
      messageFi: 'Ohjelma alkoi 21.11.2025, yli 12 kuukautta sitten (viimeinen päivä oli 21.11.2026).',
    });
  });

  it('blocks an active case without a programme start', () => {
    expect(coursePeriod(aRuleInput({}, { case: { status: 'active', programmeStart: null } }))).toMatchObject({
      rule: 'course-period',
      severity: 'block',
    });
  });

  it('does not need a programme start for a case in assessment', () => {
    expect(
      coursePeriod(
        aRuleInput(
          { categoryCode: 'psychological_treatment' },
          { case: { status: 'assessment', programmeStart: null } },
        ),
      ),
    ).toBeNull();
  });

  it('counts months from a month end into a shorter month', () => {
    const input = aRuleInput({}, { today: '2026-03-01', case: { programmeStart: '2026-01-31' } });
    const oneMonth = { ...input, guideline: { ...input.guideline, maxCourseMonths: 1 } };
    expect(coursePeriod(oneMonth)?.message).toContain('its last day was 28 Feb 2026');
  });
});
