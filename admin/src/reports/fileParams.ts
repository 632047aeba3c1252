import type { CsvDelimiter } from '../types';

export type FileLanguage = 'da' | 'en';

/** The files' language: the UI's own. */
export const fileLanguage = (locale: string): FileLanguage => (locale === 'da' ? 'da' : 'en');

/** Danish spreadsheets expect `;` and a decimal comma, English ones `,` and a point. */
export const defaultDelimiter = (locale: string): CsvDelimiter => (locale === 'da' ? ';' : ',');
