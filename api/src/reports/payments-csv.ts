import { MINOR_DIGITS } from '@app/money';
import { type CsvFormat, FORMULA_STARTS, guardFormula } from './csv.js';

/** The payments file as PostgreSQL writes it: its format, its words in the file's language, its first line. */
export interface PaymentsCsvFile {
  format: CsvFormat;
  /** Each category's code and its name in the file's language. */
  categories: ReadonlyMap<string, string>;
  /** Each payee type and its word in the file's language. */
  payeeTypes: ReadonlyMap<string, string>;
  /** What the file holds before the first payment: the byte-order mark and the header line. */
  head: string;
}

// one minor unit as a numeric literal ('0.01'): an amount times it has exactly MINOR_DIGITS decimals, as toMajorString
const MINOR_UNIT = (10 ** -MINOR_DIGITS).toFixed(MINOR_DIGITS);

const FORMULA_CODES = FORMULA_STARTS.map((c) => c.charCodeAt(0)).join(', ');

/**
 * A text column as csvRecord writes it, less the quoting (COPY's own, by the
 * same rule): a leading `'` where a spreadsheet would take it for a formula,
 * and an empty text NULL, which COPY writes empty (it writes '' as `""`).
 */
const text = (column: string): string =>
  `CASE WHEN ascii(${column}) IN (${FORMULA_CODES}) THEN '''' || ${column} ELSE NULLIF(${column}, '') END`;

/** A code as its word in the file, the code itself when it has none; words are values of the query, never its text. */
function labelled(column: string, labels: ReadonlyMap<string, string>, param: (value: string) => string): string {
  if (!labels.size) return text(column);
  const arms = [...labels].map(([code, label]) => {
    const cell = guardFormula(label);
    return `WHEN ${param(code)} THEN ${cell === '' ? 'NULL' : param(cell)}`;
  });
  return `CASE ${column} ${arms.join(' ')} ELSE ${text(column)} END`;
}

/**
 * The cells of a payment, in the file's order, as SQL over the export's
 * tables (d: disbursements, y: budget_years, un: units, a: applications):
 * each the text csvRecord would write for it, for `COPY … (FORMAT csv)` to
 * quote and pass on. `param` makes a value a parameter of the query.
 */
export function paymentCsvCells(file: PaymentsCsvFile, param: (value: string) => string): string[] {
  const amount = `(d.amount * ${MINOR_UNIT})::text`;
  return [
    `to_char(d.paid_on, 'YYYY-MM-DD')`,
    'y.year',
    text('un.code'),
    labelled('a.category_code', file.categories, param),
    text('a.reference'),
    file.format.decimal === '.' ? amount : `replace(${amount}, '.', ${param(file.format.decimal)})`,
    labelled('d.payee_type', file.payeeTypes, param),
    text('d.account_code'),
    'd.id',
  ];
}
