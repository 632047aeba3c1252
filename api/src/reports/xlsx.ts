import { toMajorString } from '@app/money';
import ExcelJS from 'exceljs';
import type { Language } from './report-language.js';

/** Text, money in bigint minor units, or a whole number; null is an empty cell. */
export type SheetValue = string | bigint | number | null;

export interface SheetColumn {
  header: string;
  kind: 'text' | 'money' | 'count';
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
  return `"${currency} "#,##0.00;-"${currency} "#,##0.00`;
}

/**
 * Kroner as the number a spreadsheet needs, computed from the exact decimal
 * of the minor units (no float arithmetic on money; amounts stay far below 2^53/100).
 */
export const major = (minor: bigint): number => Number(toMajorString(minor));

function cellValue(value: SheetValue, kind: SheetColumn['kind']): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === 'bigint') return kind === 'money' ? major(value) : Number(value);
  return value;
}

/**
 * A workbook of one sheet per spec: a bold header row that is frozen and
 * filtered, money as numbers in the currency format, and a totals row of
 * SUM formulas (with their results, for readers that do not recalculate).
 */
export async function xlsxBuffer(
  sheets: SheetSpec[],
  options: { language: Language; currency: string; title: string },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Exit Pool';
  workbook.title = options.title;
  workbook.created = new Date();
  const money = moneyFormat(options.language, options.currency);
  for (const spec of sheets) {
    const ws = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = spec.columns.map((c) => ({
      header: c.header,
      width: c.width ?? (c.kind === 'text' ? 18 : 16),
      style: c.kind === 'money' ? { numFmt: money } : c.kind === 'count' ? { numFmt: '0' } : {},
    }));
    ws.getRow(1).font = { bold: true };
    for (const row of spec.rows) {
      const added = ws.addRow(row.map((v, i) => cellValue(v, spec.columns[i].kind)));
      // a marker in a number column (a suppressed figure) sits where the numbers do
      row.forEach((v, i) => {
        if (typeof v === 'string' && spec.columns[i].kind !== 'text') {
          added.getCell(i + 1).alignment = { horizontal: 'right' };
        }
      });
    }
    const last = spec.rows.length + 1;
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: spec.columns.length } };
    if (spec.totalsLabel !== undefined) {
      const totals = spec.columns.map((c, i): ExcelJS.CellValue => {
        if (i === 0) return spec.totalsLabel!;
        if (c.kind === 'text') return null;
        const result = total(
          spec.rows.map((r) => r[i]),
          c.kind,
        );
        if (spec.rows.length === 0) return result;
        const letter = ws.getColumn(i + 1).letter;
        return { formula: `SUM(${letter}2:${letter}${last})`, result };
      });
      ws.addRow(totals).font = { bold: true };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function total(values: SheetValue[], kind: SheetColumn['kind']): number {
  if (kind === 'money') return major(values.reduce<bigint>((s, v) => (typeof v === 'bigint' ? s + v : s), 0n));
  return values.reduce<number>((s, v) => (typeof v === 'number' ? s + v : s), 0);
}
