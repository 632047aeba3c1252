import { formatMoney, toMajorString } from '@app/money';
import ExcelJS from 'exceljs';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import type { Language } from './report-language.js';

/** Text, money in bigint minor units, a whole number, or a month as `YYYY-MM`; null is an empty cell. */
export type SheetValue = string | bigint | number | null;

export interface SheetColumn {
  header: string;
  /** `month` takes `YYYY-MM` and writes the first of that month as a date in a month format */
  kind: 'text' | 'money' | 'count' | 'month';
  width?: number;
}

export interface SheetSpec {
  name: string;
  columns: SheetColumn[];
  rows: SheetValue[][];
  /** A last row with this label and a SUM formula under every money and count column. */
  totalsLabel?: string;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The currency format of the language; Excel shows it with the reader's own separators. */
export function moneyFormat(language: Language, currency: string): string {
  if (language === 'da') {
    const symbol = currency === 'DKK' ? 'kr.' : currency;
    return `#,##0.00 "${symbol}";-#,##0.00 "${symbol}"`;
  }
  if (language === 'fi') {
    const symbol = currency === 'EUR' ? '€' : currency;
    return `#,##0.00 "${symbol}";-#,##0.00 "${symbol}"`;
  }
  return `"${currency} "#,##0.00;-"${currency} "#,##0.00`;
}

/** A month as a date: the same in every language, sorts and filters as a date. */
export const MONTH_FORMAT = 'yyyy-mm';

/**
 * Kroner as the number a spreadsheet needs, computed from the exact decimal
 * of the minor units (no float arithmetic on money; amounts stay far below 2^53/100).
 */
export const major = (minor: bigint): number => Number(toMajorString(minor));

/** `YYYY-MM` as the first of that month at midnight UTC, which exceljs writes as that day's serial. */
export function monthDate(month: string): Date {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) throw new RangeError(`a month is YYYY-MM, got ${JSON.stringify(month)}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
}

function cellValue(value: SheetValue, kind: SheetColumn['kind']): ExcelJS.CellValue {
  if (value === null) return null;
  if (kind === 'month' && typeof value === 'string') return monthDate(value);
  if (typeof value === 'bigint') return kind === 'money' ? major(value) : Number(value);
  return value;
}

/** How many characters a cell shows: money as the currency format writes it. */
function shownLength(value: SheetValue, kind: SheetColumn['kind'], language: Language, currency: string): number {
  if (value === null) return 0;
  if (kind === 'money' && typeof value === 'bigint') return formatMoney(value, currency, language).length;
  if (kind === 'month') return MONTH_FORMAT.length;
  return String(value).length;
}

/**
 * A column's width in characters: its widest cell (the header in bold counts a
 * little wider) with room to spare, so no spreadsheet shows `###` for a number.
 */
export function columnWidth(
  column: SheetColumn,
  values: SheetValue[],
  options: { language: Language; currency: string },
): number {
  if (column.width !== undefined) return column.width;
  const widest = Math.max(
    Math.ceil(column.header.length * 1.15),
    ...values.map((v) => shownLength(v, column.kind, options.language, options.currency)),
  );
  return Math.min(Math.max(widest + 3, 8), 80);
}

/**
 * A workbook of one sheet per spec, written as it is made by exceljs'
 * streaming writer (each row committed to the zip as it is added, nothing
 * kept for the whole file): a bold header row that is frozen and filtered,
 * money as numbers in the currency format, months as dates, columns as wide
 * as their content, and a totals row of SUM formulas (with their results, for
 * readers that do not recalculate). Resolves once the stream has taken the file.
 */
export async function writeXlsx(
  sheets: SheetSpec[],
  options: { language: Language; currency: string; title: string },
  stream: Writable,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Exit Pool';
  workbook.title = options.title;
  workbook.created = new Date();
  const money = moneyFormat(options.language, options.currency);
  for (const spec of sheets) {
    const ws = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const totals = spec.totalsLabel === undefined ? null : totalsRow(spec);
    ws.columns = spec.columns.map((c, i) => ({
      header: c.header,
      width: columnWidth(c, [...spec.rows.map((r) => r[i]), ...(totals ? [totals[i]] : [])], options),
      style:
        c.kind === 'money'
          ? { numFmt: money }
          : c.kind === 'count'
            ? { numFmt: '0' }
            : c.kind === 'month'
              ? { numFmt: MONTH_FORMAT, alignment: { horizontal: 'left' } }
              : {},
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.commit();
    for (const row of spec.rows) ws.addRow(row.map((v, i) => cellValue(v, spec.columns[i].kind))).commit();
    const last = spec.rows.length + 1;
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: spec.columns.length } };
    if (totals) {
      const cells = spec.columns.map((c, i): ExcelJS.CellValue => {
        if (i === 0) return spec.totalsLabel ?? null;
        if (c.kind === 'text' || c.kind === 'month') return null;
        const result = c.kind === 'money' ? major(totals[i] as bigint) : (totals[i] as number);
        if (spec.rows.length === 0) return result;
        const letter = ws.getColumn(i + 1).letter;
        return { formula: `SUM(${letter}2:${letter}${last})`, result };
      });
      const row = ws.addRow(cells);
      row.font = { bold: true };
      row.commit();
    }
    ws.commit();
  }
  await workbook.commit();
}

/** The workbook as a stream to answer with; a failure while writing it fails the stream. */
export function xlsxStream(
  sheets: SheetSpec[],
  options: { language: Language; currency: string; title: string },
): Readable {
  const file = new PassThrough();
  writeXlsx(sheets, options, file).catch((error: unknown) => file.destroy(error as Error));
  return file;
}

/** The label, then the sum of each money and count column (null under text and months). */
function totalsRow(spec: SheetSpec): SheetValue[] {
  return spec.columns.map((c, i): SheetValue => {
    if (i === 0) return spec.totalsLabel ?? null;
    const values = spec.rows.map((r) => r[i]);
    if (c.kind === 'money') return values.reduce<bigint>((s, v) => (typeof v === 'bigint' ? s + v : s), 0n);
    if (c.kind === 'count') return values.reduce<number>((s, v) => (typeof v === 'number' ? s + v : s), 0);
    return null;
  });
}
