import { type DecimalSeparator, toMajorString } from '@app/money';
import type { Language } from './report-language.js';

export type CsvDelimiter = ',' | ';';
export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';'];

/** The byte-order mark that makes Excel read the file as UTF-8 (æøå intact). */
export const BOM = '\uFEFF';

export interface CsvFormat {
  delimiter: CsvDelimiter;
  decimal: DecimalSeparator;
}

/**
 * Danish and Finnish spreadsheets expect `;` between fields and a decimal comma; English
 * ones `,` and a decimal point. The decimal follows the delimiter, so a
 * number never needs quoting.
 */
export function csvFormat(language: Language, delimiter?: CsvDelimiter): CsvFormat {
  const d = delimiter ?? (language === 'en' ? ',' : ';');
  return { delimiter: d, decimal: d === ';' ? ',' : '.' };
}

/** A CSV field: text, a money amount in minor units, or a whole number; null is empty. */
export type CsvValue = string | bigint | number | null | undefined;

/** The characters that make a spreadsheet take a cell starting with one of them for a formula. */
export const FORMULA_STARTS: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];
const FORMULA_START = new RegExp(`^[${FORMULA_STARTS.join('').replace(/[-\\\]^]/g, '\\$&')}]`);

/** Text as a cell shows it: with a leading `'` where a spreadsheet would take it for a formula. */
export const guardFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

function field(value: CsvValue, format: CsvFormat): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'bigint') return toMajorString(value, format.decimal);
  if (typeof value === 'number') return String(value);
  const text = guardFormula(value);
  return /["\r\n]/.test(text) || text.includes(format.delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One RFC 4180 record, CRLF-terminated. Amounts are bigint minor units, written as major units. */
export function csvRecord(values: readonly CsvValue[], format: CsvFormat): string {
  // a loop rather than map and join: a million payments pass through here
  let line = field(values[0], format);
  for (let i = 1; i < values.length; i++) line += format.delimiter + field(values[i], format);
  return line + '\r\n';
}
