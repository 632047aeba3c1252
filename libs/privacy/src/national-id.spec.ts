import fc from 'fast-check';
import { findNationalIds } from './national-id.js';

describe(findNationalIds.name, () => {
  it.each([
    ['a CPR number with a dash', 'born 010203-1234 in town', ['cpr']],
    ['a CPR number without the dash', 'id 0102031234', ['cpr']],
    ['a CPR number at the start and end', '311299-9999', ['cpr']],
    ['a leap-day CPR number', '290200-1234', ['cpr']],
    ['a HETU with the 1900s sign', 'HETU 131052-308T', ['hetu']],
    ['a HETU with the 2000s sign', '010101A123N', ['hetu']],
    ['a lower-case HETU', '131052-308t', ['hetu']],
  ])('finds %s', (_, text, kinds) => {
    expect(findNationalIds(text)).toEqual(kinds);
  });

  it.each([
    ['an amount', 'quote of 1250000 øre'],
    ['an impossible date', '320199-1234'],
    ['month 13', '011399-1234'],
    ['a 29 February outside leap years', '290201-1234'],
    ['a longer number', '01020312345'],
    ['an invoice number', 'INV-0102031234X'],
    ['a HETU with the wrong check character', '131052-308A'],
    ['a date', '2026-11-21'],
    ['a phone number', '+45 12 34 56 78'],
  ])('leaves %s alone', (_, text) => {
    expect(findNationalIds(text)).toEqual([]);
  });

  it('finds every valid CPR date, with or without the dash', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 9999 }),
        fc.boolean(),
        (date, serial, dash) => {
          const dd = String(date.getUTCDate()).padStart(2, '0');
          const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
          const yy = String(date.getUTCFullYear() % 100).padStart(2, '0');
          const text = `note ${dd}${mm}${yy}${dash ? '-' : ''}${String(serial).padStart(4, '0')} end`;
          expect(findNationalIds(text)).toContain('cpr');
        },
      ),
    );
  });
});
