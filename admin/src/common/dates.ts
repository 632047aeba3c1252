import { intlLocale } from '../i18n';

/** A calendar date (`YYYY-MM-DD`) for people to read, in the chosen language and never shifted by the time zone. */
export const formatIsoDate = (date: string, locale: string, style: 'medium' | 'long' = 'medium'): string => {
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime())
    ? date
    : parsed.toLocaleDateString(intlLocale(locale), { timeZone: 'UTC', dateStyle: style });
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
