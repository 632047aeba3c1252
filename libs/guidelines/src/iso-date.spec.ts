import fc from 'fast-check';
import {
  addMonths,
  compareDates,
  dayNumber,
  daysBetween,
  formatIsoDate,
  parseIsoDate,
  requireIsoDate,
} from './iso-date.js';

const civil = (text: string) => requireIsoDate(text, 'test');

describe(parseIsoDate.name, () => {
  it('reads a calendar date', () => {
    expect(parseIsoDate('2026-11-21')).toEqual({ year: 2026, month: 11, day: 21 });
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it.each([
    '2026-02-29',
    '1900-02-29',
    '2026-13-01',
    '2026-04-31',
    '2026-00-10',
    '2026-1-1',
    '2026-11-21T00:00:00Z',
    '',
    '21-11-2026',
  ])('refuses %j', (text) => {
    expect(parseIsoDate(text)).toBeNull();
  });
});

describe(requireIsoDate.name, () => {
  it('names the field of an invalid date', () => {
    expect(() => requireIsoDate('2026-02-30', 'context.today')).toThrow(
      'context.today must be an ISO date (YYYY-MM-DD), got "2026-02-30"',
    );
  });
});

describe(dayNumber.name, () => {
  it('counts days from 1970-01-01', () => {
    expect(dayNumber(civil('1970-01-01'))).toBe(0);
    expect(dayNumber(civil('2000-03-01'))).toBe(11017);
    expect(dayNumber(civil('1969-12-31'))).toBe(-1);
  });

  it('agrees with the UTC calendar of Date for any date', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          return dayNumber(civil(iso)) === Math.floor(Date.parse(iso) / 86_400_000);
        },
      ),
    );
  });
});

describe(daysBetween.name, () => {
  it('counts the days across a leap day', () => {
    expect(daysBetween(civil('2024-02-28'), civil('2024-03-01'))).toBe(2);
    expect(daysBetween(civil('2026-03-01'), civil('2026-01-18'))).toBe(-42);
  });
});

describe(addMonths.name, () => {
  it('keeps the day of the month', () => {
    expect(formatIsoDate(addMonths(civil('2025-03-15'), 12))).toBe('2026-03-15');
    expect(formatIsoDate(addMonths(civil('2025-11-15'), 3))).toBe('2026-02-15');
  });

  it('clamps to the end of a shorter month', () => {
    expect(formatIsoDate(addMonths(civil('2026-01-31'), 1))).toBe('2026-02-28');
    expect(formatIsoDate(addMonths(civil('2024-02-29'), 12))).toBe('2025-02-28');
  });

  it('goes back for negative months', () => {
    expect(formatIsoDate(addMonths(civil('2026-01-15'), -1))).toBe('2025-12-15');
  });
});

describe(compareDates.name, () => {
  it('orders dates as their ISO strings sort', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true }),
        (a, b) => {
          const [isoA, isoB] = [a.toISOString().slice(0, 10), b.toISOString().slice(0, 10)];
          return Math.sign(compareDates(civil(isoA), civil(isoB))) === Math.sign(isoA.localeCompare(isoB));
        },
      ),
    );
  });
});
