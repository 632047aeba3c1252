import { intlLocale } from '../i18n/intlLocale';

// One date format per language everywhere a date is shown: "15 Dec 2026" / "15. dec. 2026" (the guideline
// findings write theirs the same way), and a moment as that date with its minutes: "15 Dec 2026, 14:05".
export const DATE_OPTIONS = { dateStyle: 'medium' } as const satisfies Intl.DateTimeFormatOptions;
export const DATE_TIME_OPTIONS = {
  dateStyle: 'medium',
  timeStyle: 'short',
} as const satisfies Intl.DateTimeFormatOptions;

/** A calendar date (`YYYY-MM-DD`) for people to read, in the chosen language and never shifted by the time zone. */
export const formatIsoDate = (date: string, locale: string): string => {
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime())
    ? date
    : parsed.toLocaleDateString(intlLocale(locale), { timeZone: 'UTC', ...DATE_OPTIONS });
};

/** A month (`YYYY-MM`) for people to read: "Mar 2026" / "mar. 2026"; as given when it is not one. */
export const formatMonth = (month: string, locale: string, style: 'short' | 'long' = 'short'): string => {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)).toLocaleDateString(intlLocale(locale), {
    timeZone: 'UTC',
    month: style,
    year: 'numeric',
  });
};

/** The twelve months of a year as `YYYY-MM`. */
export const monthsOf = (year: number): string[] =>
  Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
