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

// a cell starting with one of these is taken for a formula by spreadsheets
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: CsvValue, format: CsvFormat): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'bigint') return toMajorString(value, format.decimal);
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /["\r\n]/.test(text) || text.includes(format.delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One RFC 4180 record, CRLF-terminated. Amounts are bigint minor units, written as major units. */
export function csvRecord(values: readonly CsvValue[], format: CsvFormat): string {
  // a loop rather than map and join: a million payments pass through here
  let line = field(values[0], format);
  for (let i = 1; i < values.length; i++) line += format.delimiter + field(values[i], format);
  return line + '\r\n';
}
