import { formatMoney } from '@app/money';
import ExcelJS from 'exceljs';
import { buffer } from 'node:stream/consumers';
import { Writable } from 'node:stream';
import { columnWidth, MONTH_FORMAT, monthDate, writeXlsx, xlsxStream } from './xlsx.js';

describe(monthDate.name, () => {
  it('is the first of the month at midnight UTC', () => {
    expect(monthDate('2026-02').toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(monthDate('2025-12').toISOString()).toBe('2025-12-01T00:00:00.000Z');
  });

  it('refuses anything but YYYY-MM', () => {
    expect(() => monthDate('2026-Q1')).toThrow(RangeError);
  });
});

describe(columnWidth.name, () => {
  const options = { language: 'en' as const, currency: 'DKK' };

  it('fits the widest amount as the currency format shows it, with room to spare', () => {
    const amount = 199_999_999n;
    const shown = formatMoney(amount, 'DKK', 'en'); // "DKK 1,999,999.99"
    const width = columnWidth({ header: 'Paid', kind: 'money' }, [1n, amount, null], options);
    expect(width).toBeGreaterThanOrEqual(shown.length + 2);
  });

  it('fits a long header, and keeps a width it was given', () => {
    expect(columnWidth({ header: 'Disbursed (DKK)', kind: 'money' }, [5n], options)).toBeGreaterThan(
      'Disbursed (DKK)'.length,
    );
    expect(columnWidth({ header: 'About', kind: 'text', width: 120 }, ['x'], options)).toBe(120);
  });

  it('measures the Danish format, which is longer for DKK', () => {
    const amount = -123_456_789n;
    const width = columnWidth({ header: 'x', kind: 'money' }, [amount], { language: 'da', currency: 'DKK' });
    expect(width).toBeGreaterThanOrEqual(formatMoney(amount, 'DKK', 'da').length + 2);
  });
});

describe(xlsxStream.name, () => {
  it('writes months as dates in a month format, money as numbers and empty cells as empty', async () => {
    const file = await buffer(
      xlsxStream(
        [
          {
            name: 'Pr. måned',
            columns: [
              { header: 'Måned', kind: 'month' },
              { header: 'Udbetalt (DKK)', kind: 'money' },
              { header: 'Tilbageholdt', kind: 'text' },
            ],
            rows: [
              ['2026-01', 1234567890n, null],
              ['2026-02', null, 'diskretioneret'],
            ],
            totalsLabel: 'I alt',
          },
        ],
        { language: 'da', currency: 'DKK', title: 't' },
      ),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Pr. måned')!;
    expect(ws.getCell('A2').value).toEqual(new Date(Date.UTC(2026, 0, 1)));
    expect(ws.getCell('A2').numFmt).toBe(MONTH_FORMAT);
    expect(ws.getCell('B2').value).toBe(12345678.9);
    expect(ws.getCell('B3').value).toBeNull();
    expect(ws.getCell('C3').value).toBe('diskretioneret');
    expect((ws.getCell('B4').value as ExcelJS.CellFormulaValue).formula).toBe('SUM(B2:B3)');
    expect(ws.getCell('A4').value).toBe('I alt');
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(formatMoney(1234567890n, 'DKK', 'da').length + 2);
  });
});

describe(writeXlsx.name, () => {
  it('writes a large sheet as it goes, in many pieces, and every row arrives', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i): [string, bigint] => [`KBH-${i}`, BigInt(i)]);
    const pieces: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        pieces.push(chunk);
        done();
      },
    });
    await writeXlsx(
      [
        {
          name: 'Rows',
          columns: [
            { header: 'Unit', kind: 'text' },
            { header: 'Paid', kind: 'money' },
          ],
          rows,
          totalsLabel: 'Total',
        },
      ],
      { language: 'en', currency: 'DKK', title: 't' },
      sink,
    );
    // written whole at the end, it would be one piece
    expect(pieces.length).toBeGreaterThan(10);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(pieces) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Rows')!;
    expect(ws.rowCount).toBe(5_002);
    expect(ws.getCell('A5001').value).toBe('KBH-4999');
    expect(ws.getCell('B5002').value).toEqual({ formula: 'SUM(B2:B5001)', result: 124975 });
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeDefined();
  });
});
