import { toMajorString, type DecimalSeparator } from '@app/money';

/** A money amount in minor units, written in major units (kroner) as a number. */
export interface MoneyCell {
  minor: bigint;
}

/** A cell of an exported list: text, a whole number, money, or nothing. */
export type CsvCell = string | number | MoneyCell | null | undefined;

export interface CsvFormat {
  delimiter: ',' | ';';
  decimal: DecimalSeparator;
}

/** The byte-order mark that makes Excel read the file as UTF-8 (æøå intact). */
export const BOM = '\uFEFF';

/**
 * As the API's files: Danish and Finnish spreadsheets expect `;` between fields and a
 * decimal comma, English ones `,` and a decimal point, so a number never needs quoting.
 */
export const csvFormat = (locale: string): CsvFormat =>
  locale === 'da' || locale === 'fi' ? { delimiter: ';', decimal: ',' } : { delimiter: ',', decimal: '.' };

/** Money from JSON (integer minor units) as a cell; empty when absent. */
export const money = (minor: number | string | bigint | null | undefined): MoneyCell | null =>
  minor === null || minor === undefined || minor === '' ? null : { minor: BigInt(minor) };

// a cell starting with one of these is taken for a formula by spreadsheets
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: CsvCell, format: CsvFormat): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return toMajorString(value.minor, format.decimal);
  if (typeof value === 'number') return String(value).replace('.', format.decimal);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /["\r\n]/.test(text) || text.includes(format.delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file (RFC 4180, CRLF, UTF-8 with a byte-order mark): the header, then a line a row. */
export function csvText(headers: readonly string[], rows: readonly (readonly CsvCell[])[], format: CsvFormat): string {
  const line = (cells: readonly CsvCell[]) => cells.map((c) => field(c, format)).join(format.delimiter) + '\r\n';
  return BOM + line(headers) + rows.map(line).join('');
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A timestamp as the reader's local `YYYY-MM-DD HH:MM`, which spreadsheets in
 * every language read as a date and time; empty when absent or not a time.
 */
export const localDateTime = (iso: string | null | undefined): string | null => {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
