import { caseDateErrors } from './case-dates.js';

describe(caseDateErrors.name, () => {
  const facts = {
    birthYear: 1995,
    consentRecordedOn: '2026-01-02',
    agreementSignedOn: '2026-01-03',
    programmeStart: '2026-01-05',
  };

  it('accepts dates in or after the birth year, and any dates without one', () => {
    expect(caseDateErrors(facts, ['consentRecordedOn'])).toEqual({});
    expect(caseDateErrors({ ...facts, consentRecordedOn: '1995-01-01' }, ['consentRecordedOn'])).toEqual({});
    expect(caseDateErrors({ ...facts, birthYear: null, programmeStart: '2001-01-01' }, ['programmeStart'])).toEqual({});
  });

  it('names each date sent that comes before the birth year', () => {
    expect(
      caseDateErrors({ ...facts, consentRecordedOn: '1994-12-31', programmeStart: '2000-01-01', birthYear: 2001 }, [
        'consentRecordedOn',
        'programmeStart',
        'birthYear',
      ]),
    ).toEqual({
      consentRecordedOn: "consentRecordedOn must not be before the candidate's birth year 2001",
      programmeStart: "programmeStart must not be before the candidate's birth year 2001",
    });
  });

  it('names the birth year when only the birth year was sent', () => {
    expect(caseDateErrors({ ...facts, birthYear: 2026 }, ['birthYear']).birthYear).toBeUndefined();
    expect(caseDateErrors({ ...facts, birthYear: 2027 }, ['birthYear'])).toEqual({
      birthYear: 'birthYear must not be after consentRecordedOn (2026-01-02)',
    });
  });
});
