import { isLanguage, type Language } from '@app/contract';
import type { CsvDelimiter } from '../types';

export type FileLanguage = Language;

/** The files' language: the UI's own. */
export const fileLanguage = (locale: string): FileLanguage => (isLanguage(locale) ? locale : 'en');

/** Danish and Finnish spreadsheets expect `;` and a decimal comma, English ones `,` and a point. */
export const defaultDelimiter = (locale: string): CsvDelimiter => (fileLanguage(locale) === 'en' ? ',' : ';');
