import { describe, expect, it } from '@jest/globals';
import { BOM, csvFormat, csvText, localDateTime, money } from './csv';

describe('csvText', () => {
  const en = csvFormat('en');
  const da = csvFormat('da');

  it('starts with a byte-order mark and ends every line with CRLF', () => {
    expect(csvText(['A', 'B'], [['x', 1]], en)).toBe(`${BOM}A,B\r\nx,1\r\n`);
  });

  it('writes money in kroner with the decimal of the language, and never as øre', () => {
    expect(csvText(['Beløb'], [[money(1250050)], [money(-5)], [money(null)]], da)).toBe(
      `${BOM}Beløb\r\n12500,50\r\n-0,05\r\n\r\n`,
    );
    expect(csvText(['Amount'], [[money('200000000')]], en)).toBe(`${BOM}Amount\r\n2000000.00\r\n`);
  });

  it('quotes a field holding the delimiter, a quote or a line break', () => {
    expect(csvText(['h'], [['Midt- og Vestjyllands Politi; KBH'], ['say "hi"']], da)).toBe(
      `${BOM}h\r\n"Midt- og Vestjyllands Politi; KBH"\r\n"say ""hi"""\r\n`,
    );
    expect(csvText(['h'], [['a;b']], en)).toBe(`${BOM}h\r\na;b\r\n`);
  });

  it('defuses a text that a spreadsheet would run as a formula', () => {
    expect(csvText(['h'], [['=HYPERLINK("x")'], ['-1+2']], en)).toBe(`${BOM}h\r\n"'=HYPERLINK(""x"")"\r\n'-1+2\r\n`);
  });

  it('keeps the Danish letters as they are', () => {
    expect(csvText(['Enhed'], [['Sydsjællands og Lolland-Falsters Politi'], ['Østjyllands Politi']], da)).toContain(
      'Sydsjællands og Lolland-Falsters Politi\r\nØstjyllands Politi',
    );
  });
});

describe('csvFormat', () => {
  it('gives Finnish files a semicolon and a decimal comma, as Danish ones', () => {
    expect(csvFormat('fi')).toEqual({ delimiter: ';', decimal: ',' });
    expect(csvText(['Summa'], [[money(123450)], [2.5]], csvFormat('fi'))).toBe(`${BOM}Summa\r\n1234,50\r\n2,5\r\n`);
    expect(csvFormat('da')).toEqual({ delimiter: ';', decimal: ',' });
    expect(csvFormat('en')).toEqual({ delimiter: ',', decimal: '.' });
  });
});

describe('localDateTime', () => {
  it('writes the local date and time a spreadsheet reads as such', () => {
    const iso = '2026-12-03T07:45:00.000Z';
    const text = localDateTime(iso)!;
    expect(text).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(new Date(text.replace(' ', 'T')).getTime()).toBe(new Date(iso).getTime());
  });

  it('is empty for nothing or for what is not a time', () => {
    expect(localDateTime(null)).toBeNull();
    expect(localDateTime('soon')).toBeNull();
  });
});
