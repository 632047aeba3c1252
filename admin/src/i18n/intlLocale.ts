/** BCP 47 tag for dates and numbers in the chosen language. */
export const intlLocale = (locale: string): string => (locale === 'da' ? 'da-DK' : 'en-GB');
