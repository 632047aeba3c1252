import { dateWords } from './wording.js';

describe(dateWords.name, () => {
  it('writes a date as the admin does in each language', () => {
    expect(dateWords('2026-12-15')).toEqual({ en: '15 Dec 2026', da: '15. dec. 2026', fi: '15.12.2026' });
    expect(dateWords('2027-05-01')).toEqual({ en: '1 May 2027', da: '1. maj 2027', fi: '1.5.2027' });
  });

  it('leaves what is not a date as given', () => {
    expect(dateWords('1 March')).toEqual({ en: '1 March', da: '1 March', fi: '1 March' });
    expect(dateWords('2026-02-30x')).toEqual({ en: '2026-02-30x', da: '2026-02-30x', fi: '2026-02-30x' });
  });
});
