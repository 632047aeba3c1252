import { describe, expect, it } from '@jest/globals';
import { dateWords } from '@app/guidelines';
import { formatIsoDate, formatMonth } from './dates';

describe('formatIsoDate', () => {
  it('writes one date format per language', () => {
    expect(formatIsoDate('2026-12-15', 'en')).toBe('15 Dec 2026');
    expect(formatIsoDate('2026-12-15', 'da')).toBe('15. dec. 2026');
    expect(formatIsoDate('2026-12-02', 'fi')).toBe('2.12.2026');
    expect(formatIsoDate('2027-01-09', 'fi')).toBe('9.1.2027');
  });

  it('writes a month in Finnish', () => {
    expect(formatMonth('2026-03', 'fi')).toBe('maalis 2026');
    expect(formatMonth('2026-03', 'fi', 'long')).toBe('maaliskuu 2026');
  });

  it('writes a date as the guideline findings do', () => {
    for (const iso of ['2026-01-10', '2026-05-01', '2027-09-30']) {
      expect(formatIsoDate(iso, 'en')).toBe(dateWords(iso).en);
      expect(formatIsoDate(iso, 'da')).toBe(dateWords(iso).da);
    }
  });

  it('leaves what is not a date as given', () => {
    expect(formatIsoDate('soon', 'en')).toBe('soon');
  });
});
