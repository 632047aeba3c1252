import fc from 'fast-check';
import { addMonths, latestDueStart } from './retention-dates.js';

describe('retention dates', () => {
  describe(addMonths.name, () => {
    it.each([
      ['2026-03-15', 36, '2029-03-15'],
      ['2026-03-15', 0, '2026-03-15'],
      ['2026-11-30', 3, '2027-02-28'],
      ['2027-11-30', 3, '2028-02-29'],
      ['2026-01-31', 1, '2026-02-28'],
      ['2028-02-29', 12, '2029-02-28'],
      ['2028-02-29', 48, '2032-02-29'],
      ['2026-12-31', 1, '2027-01-31'],
      ['2026-03-31', -1, '2026-02-28'],
      ['2026-01-15', -13, '2024-12-15'],
    ])('%s + %i months is %s', (date, months, expected) => {
      expect(addMonths(date, months)).toBe(expected);
    });

    it('refuses what is not a date', () => {
      expect(() => addMonths('2026-3-1', 1)).toThrow('2026-3-1 is not a date YYYY-MM-DD');
    });
  });

  describe(latestDueStart.name, () => {
    it.each([
      ['2029-03-15', 36, '2026-03-15'],
      ['2029-03-15', 0, '2029-03-15'],
      // the last day of a month: every start that reaches it by clamping is due
      ['2026-02-28', 1, '2026-01-31'],
      ['2026-04-30', 1, '2026-03-31'],
      ['2029-02-28', 12, '2028-02-29'],
      ['2028-02-29', 12, '2027-02-28'],
      ['2026-03-30', 1, '2026-02-28'],
    ])('on %s with %i months: clocks started up to %s are due', (today, months, expected) => {
      expect(latestDueStart(today, months)).toBe(expected);
    });

    const day = fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));

    it('is due exactly when the period after the start has run out by today', () => {
      fc.assert(
        fc.property(day, day, fc.integer({ min: 0, max: 240 }), (start, today, months) => {
          expect(start <= latestDueStart(today, months)).toBe(addMonths(start, months) <= today);
        }),
        { numRuns: 5000 },
      );
    });

    it('holds at the ends of months, where clamping makes several starts end on one day', () => {
      const monthEnds = fc
        .tuple(fc.integer({ min: 2000, max: 2090 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 25, max: 31 }))
        .map(([y, m, d]) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10));
      fc.assert(
        fc.property(monthEnds, monthEnds, fc.integer({ min: 0, max: 60 }), (start, today, months) => {
          expect(start <= latestDueStart(today, months)).toBe(addMonths(start, months) <= today);
        }),
        { numRuns: 5000 },
      );
    });
  });
});
