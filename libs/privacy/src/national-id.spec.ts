import fc from 'fast-check';
import { findNationalIds, nationalIdNames, normaliseForIdMatching } from './national-id.js';

/** ASCII digits in another script whose digits 0–9 are one run from `zero`. */
const inScript = (text: string, zero: number) => text.replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d)));

const FULL_WIDTH = 0xff10;
const ARABIC_INDIC = 0x0660;
const EXTENDED_ARABIC_INDIC = 0x06f0;
const DEVANAGARI = 0x0966;
const BENGALI = 0x09e6;
const THAI = 0x0e50;
const MATHEMATICAL_BOLD = 0x1d7ce;
const SCRIPTS = [FULL_WIDTH, ARABIC_INDIC, EXTENDED_ARABIC_INDIC, DEVANAGARI, BENGALI, THAI, MATHEMATICAL_BOLD];
/** Hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus, small and full-width hyphen-minus. */
const DASHES = ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe63', '\uff0d'];

describe(normaliseForIdMatching.name, () => {
  it('reads every script’s decimal digits, every dash and every space the same way', () => {
    expect(normaliseForIdMatching('０１０２０３\u2013١٢٣٤')).toBe('010203-1234');
    expect(normaliseForIdMatching('०१०२०३\u00a0\u00a0𝟏𝟐𝟑𝟒')).toBe('010203 1234');
    expect(normaliseForIdMatching('01\u200b0203\u00ad1234')).toBe('0102031234');
  });
});

describe(findNationalIds.name, () => {
  it.each([
    ['a CPR number with a dash', 'born 010203-1234 in town', ['cpr']],
    ['a CPR number without the dash', 'id 0102031234', ['cpr']],
    ['a CPR number with a space', 'id 010203 1234', ['cpr']],
    ['a CPR number with spaces round the dash', 'id 010203 - 1234', ['cpr']],
    ['a CPR number with a non-breaking space', 'id 010203\u00a01234', ['cpr']],
    ['a CPR number at the start and end', '311299-9999', ['cpr']],
    ['a leap-day CPR number', '290200-1234', ['cpr']],
    ['a CPR number that fails modulus 11 (issued since 2007)', '010203-1235', ['cpr']],
    ['a CPR number in brackets', '(010203-1234)', ['cpr']],
    ['a CPR number after a colon, without a space', 'CPR:0102031234', ['cpr']],
    ['a CPR number joined to its label by a dash', 'CPR-0102031234', ['cpr']],
    ['a CPR number with an underscore in a file name', 'faktura_010203-1234.pdf', ['cpr']],
    ['a CPR number with zero-width spaces inside', '0102\u200b03\u200b1234', ['cpr']],
    ['a CPR number in full-width digits', '０１０２０３－１２３４', ['cpr']],
    ['a CPR number in Arabic-Indic digits', '٠١٠٢٠٣-١٢٣٤', ['cpr']],
    ['a CPR number in Devanagari digits', '०१०२०३ १२३४', ['cpr']],
    ['a CPR number of mixed scripts', '0١0२0３\u20131234', ['cpr']],
    ['a HETU with the 1900s sign', 'HETU 131052-308T', ['hetu']],
    ['a HETU with the 2000s sign', '010101A123N', ['hetu']],
    ['a HETU with a new 1900s sign', '131052Y308T', ['hetu']],
    ['a lower-case HETU', '131052-308t', ['hetu']],
    ['a HETU with an en dash', '131052\u2013308T', ['hetu']],
    ['a HETU with a space for its sign', '131052 308T', ['hetu']],
    ['a HETU without its sign', '131052308T', ['hetu']],
    ['a HETU in full-width characters', '１３１０５２－３０８Ｔ', ['hetu']],
    ['a HETU in Thai digits', '๑๓๑๐๕๒-๓๐๘T', ['hetu']],
  ])('finds %s', (_, text, kinds) => {
    expect(findNationalIds(text)).toEqual(kinds);
  });

  // The false-positive policy: what the guard lets through, because it is an invoice or account number.
  it.each([
    ['an amount', 'quote of 1250000 øre'],
    ['an impossible date', '320199-1234'],
    ['month 13', '011399-1234'],
    ['a 29 February outside leap years', '290201-1234'],
    ['ten digits that are no date DDMMYY', 'invoice 3213991234'],
    ['ten digits inside a longer number', '01020312345'],
    ['ten digits at the end of a longer number', 'ref 990102031234'],
    ['an invoice number with the year and a serial', 'INV-2024-000123'],
    ['ten digits glued to letters', 'INV0102031234'],
    ['ten digits joined to an invoice prefix by a dash', 'INV-0102031234'],
    ['ten digits joined to a code by a slash', 'KBH/0102031234'],
    ['an invoice number ending in a letter', 'INV-0102031234X'],
    ['a bank account: registration number and account number', 'konto 1234 0102031234'],
    ['a bank account joined by a dash', '1234-0102031234'],
    ['a Danish IBAN grouped in fours', 'DK50 0040 0440 1162 43'],
    ['a Danish IBAN without spaces', 'DK5000400440116243'],
    ['a Finnish IBAN', 'FI21 1234 5600 0007 85'],
    ['a HETU with the wrong check character', '131052-308A'],
    ['a date', '2026-11-21'],
    ['a Danish date', '01.02.2003'],
    ['a phone number', '+45 12 34 56 78'],
  ])('leaves %s alone', (_, text) => {
    expect(findNationalIds(text)).toEqual([]);
  });

  it('refuses, on purpose, an account number written alone that reads as a CPR number', () => {
    // ten digits on their own that are a valid DDMMYY cannot be told from a CPR number;
    // written with its registration number (1234 0102031234) the account is accepted
    expect(findNationalIds('konto 0102031234')).toEqual(['cpr']);
  });

  const digitForm = fc.oneof(
    fc.constant((text: string) => text),
    fc.constantFrom(...SCRIPTS).map((zero) => (text: string) => inScript(text, zero)),
    // each digit in a script of its own
    fc.array(fc.constantFrom(0x30, ...SCRIPTS), { minLength: 12, maxLength: 12 }).map((zeros) => (text: string) => {
      let i = 0;
      return text.replace(/\d/g, (d) => String.fromCodePoint(zeros[i++ % zeros.length] + Number(d)));
    }),
  );
  const context = fc.tuple(
    fc.constantFrom('', 'note ', 'CPR: ', 'cpr.nr. ', '(', 'born\n', 'CPR-', 'id\u00a0', 'file_'),
    fc.constantFrom('', ' end', ')', '.', ', then', '.pdf', '\n'),
  );
  const day = fc.date({
    min: new Date('1800-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  });
  const ddmmyy = (date: Date) =>
    [date.getUTCDate(), date.getUTCMonth() + 1, date.getUTCFullYear() % 100]
      .map((n) => String(n).padStart(2, '0'))
      .join('');

  it('finds every valid CPR number, however it is written', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 9999 }),
        fc.constantFrom('', ' ', ' - ', ...DASHES),
        digitForm,
        context,
        (date, serial, separator, digits, [before, after]) => {
          const cpr = digits(`${ddmmyy(date)}${separator}${String(serial).padStart(4, '0')}`);
          expect(findNationalIds(`${before}${cpr}${after}`)).toContain('cpr');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('finds every valid HETU, however it is written', () => {
    const CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 2, max: 899 }),
        fc.nat(),
        fc.boolean(),
        digitForm,
        context,
        (date, serial, pick, lower, digits, [before, after]) => {
          const year = date.getUTCFullYear();
          const signs = year < 1900 ? ['+'] : year < 2000 ? [...DASHES, 'U', 'V', 'W', 'X', 'Y'] : [...'ABCDEF'];
          const zzz = String(serial).padStart(3, '0');
          const check = CHECK[Number(`${ddmmyy(date)}${zzz}`) % 31];
          let hetu = `${ddmmyy(date)}${signs[pick % signs.length]}${zzz}${check}`;
          if (lower) hetu = hetu.toLowerCase();
          expect(findNationalIds(`${before}${digits(hetu)}${after}`)).toContain('hetu');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never takes ten digits that are no date DDMMYY for a CPR number, in any script', () => {
    const notADate = fc.oneof(
      fc.tuple(fc.integer({ min: 32, max: 99 }), fc.integer({ min: 0, max: 99 })),
      fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 13, max: 99 })),
      fc.tuple(fc.integer({ min: 0, max: 99 }), fc.constant(0)),
      fc.tuple(fc.constant(0), fc.integer({ min: 0, max: 99 })),
    );
    fc.assert(
      fc.property(notADate, fc.integer({ min: 0, max: 999_999 }), digitForm, ([dd, mm], rest, digits) => {
        const text = [dd, mm].map((n) => String(n).padStart(2, '0')).join('') + String(rest).padStart(6, '0');
        expect(findNationalIds(`invoice ${digits(text)}`)).not.toContain('cpr');
      }),
    );
  });
});

describe('the installation’s own number first', () => {
  const both = 'CPR 010203-1234, HETU 131052-308T';
  it('finds both countries’ numbers whichever comes first', () => {
    expect(findNationalIds(both)).toEqual(['cpr', 'hetu']);
    expect(findNationalIds(both, 'hetu')).toEqual(['hetu', 'cpr']);
    expect(findNationalIds('131052-308T', 'cpr')).toEqual(['hetu']);
    expect(findNationalIds('010203-1234', 'hetu')).toEqual(['cpr']);
  });

  it('names them in the same order in a refusal', () => {
    expect(nationalIdNames('cpr')).toBe('CPR or HETU');
    expect(nationalIdNames('hetu')).toBe('HETU or CPR');
  });
});
