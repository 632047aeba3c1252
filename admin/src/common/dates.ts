import { intlLocale } from '../i18n';

/** A calendar date (`YYYY-MM-DD`) for people to read, in the chosen language and never shifted by the time zone. */
export const formatIsoDate = (date: string, locale: string, style: 'medium' | 'long' = 'medium'): string => {
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime())
    ? date
    : parsed.toLocaleDateString(intlLocale(locale), { timeZone: 'UTC', dateStyle: style });
};
