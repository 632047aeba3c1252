import { parse } from 'csv-parse/sync';
import { BOM, csvFormat, csvRecord } from './csv.js';

describe(csvRecord.name, () => {
  const en = csvFormat('en');
  const da = csvFormat('da');

  it('writes amounts in major units with the decimal of the format', () => {
    expect(csvRecord(['KBH', 1250050n, -5n], en)).toBe('KBH,12500.50,-0.05\r\n');
    expect(csvRecord(['KBH', 1250050n, -5n], da)).toBe('KBH;12500,50;-0,05\r\n');
  });

  it('quotes a field holding the delimiter, a quote or a line break, doubling quotes', () => {
    expect(csvRecord(['a,b', 'say "hi"', 'one\ntwo', 'x;y'], en)).toBe('"a,b","say ""hi""","one\ntwo",x;y\r\n');
    expect(csvRecord(['a,b', 'x;y'], da)).toBe('a,b;"x;y"\r\n');
  });

  it('defuses a text that a spreadsheet would run as a formula', () => {
    expect(csvRecord(['=HYPERLINK("x")', '@SUM(A1)', '-1+2'], en)).toBe(`"'=HYPERLINK(""x"")",'@SUM(A1),'-1+2\r\n`);
  });

  it('writes nothing for null', () => {
    expect(csvRecord([null, 'a', undefined], da)).toBe(';a;\r\n');
  });

  it('reads back with a real CSV parser, Danish letters and all', () => {
    for (const format of [en, da, csvFormat('en', ';'), csvFormat('da', ',')]) {
      const rows = [
        ['Østjyllands Politi', 'a "quoted", text; here', 123456789n],
        ['Æblegård\r\nline two', '', -1n],
      ];
      const text = BOM + rows.map((r) => csvRecord(r, format)).join('');
      const parsed = parse(text, { bom: true, delimiter: format.delimiter, relax_quotes: false }) as string[][];
      expect(parsed).toEqual([
        ['Østjyllands Politi', 'a "quoted", text; here', format.decimal === ',' ? '1234567,89' : '1234567.89'],
        ['Æblegård\r\nline two', '', format.decimal === ',' ? '-0,01' : '-0.01'],
      ]);
    }
  });

  it('pairs the semicolon with the decimal comma, whatever the language', () => {
    expect(csvFormat('da')).toEqual({ delimiter: ';', decimal: ',' });
    expect(csvFormat('en')).toEqual({ delimiter: ',', decimal: '.' });
    expect(csvFormat('en', ';')).toEqual({ delimiter: ';', decimal: ',' });
    expect(csvFormat('da', ',')).toEqual({ delimiter: ',', decimal: '.' });
  });

  it('writes Finnish files as Danish ones: semicolon and decimal comma', () => {
    expect(csvFormat('fi')).toEqual({ delimiter: ';', decimal: ',' });
    expect(csvFormat('fi', ',')).toEqual({ delimiter: ',', decimal: '.' });
  });
});
