import { formatMoney } from '@app/money';
import ExcelJS from 'exceljs';
import { columnWidth, MONTH_FORMAT, monthDate, xlsxBuffer } from './xlsx.js';

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

describe(xlsxBuffer.name, () => {
  it('writes months as dates in a month format, money as numbers and empty cells as empty', async () => {
    const buffer = await xlsxBuffer(
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
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
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
