const TAGS: Readonly<Record<string, string>> = { da: 'da-DK', fi: 'fi-FI' };

/** BCP 47 tag for dates and numbers in the chosen language. */
export const intlLocale = (locale: string): string => TAGS[locale] ?? 'en-GB';
