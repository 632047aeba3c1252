import fc from 'fast-check';
import { formatMoney } from './format-money.js';

describe(formatMoney.name, () => {
  it('formats Danish kroner the Danish way', () => {
    expect(formatMoney(1250000n, 'DKK', 'da')).toBe('12.500,00 kr.');
  });

  it('formats Danish kroner the English way', () => {
    expect(formatMoney(1250000n, 'DKK', 'en')).toBe('DKK 12,500.00');
  });

  it('defaults to DKK in Danish', () => {
    expect(formatMoney(5n)).toBe('0,05 kr.');
  });

  it('formats euros the Finnish way, with no-break spaces', () => {
    expect(formatMoney(123450n, 'EUR', 'fi')).toBe('1\u00a0234,50\u00a0€');
    expect(formatMoney(200000000n, 'EUR', 'fi')).toBe('2\u00a0000\u00a0000,00\u00a0€');
    expect(formatMoney(5n, 'EUR', 'fi')).toBe('0,05\u00a0€');
    expect(formatMoney(-1250000n, 'EUR', 'fi')).toBe('-12\u00a0500,00\u00a0€');
  });

  it('writes another currency by its code in Finnish', () => {
    expect(formatMoney(123450n, 'DKK', 'fi')).toBe('1\u00a0234,50\u00a0DKK');
  });

  it('groups every three digits of the whole units', () => {
    expect(formatMoney(0n, 'DKK', 'en')).toBe('DKK 0.00');
    expect(formatMoney(99999n, 'DKK', 'en')).toBe('DKK 999.99');
    expect(formatMoney(100000n, 'DKK', 'en')).toBe('DKK 1,000.00');
    expect(formatMoney(200000000n, 'DKK', 'da')).toBe('2.000.000,00 kr.');
  });

  it('puts the minus sign first', () => {
    expect(formatMoney(-1250000n, 'DKK', 'da')).toBe('-12.500,00 kr.');
    expect(formatMoney(-5n, 'DKK', 'en')).toBe('-DKK 0.05');
  });

  it('writes other currencies by their code', () => {
    expect(formatMoney(1250000n, 'EUR', 'da')).toBe('12.500,00 EUR');
    expect(formatMoney(1250000n, 'EUR', 'en')).toBe('EUR 12,500.00');
  });

  it('formats amounts beyond the safe range of a number without rounding', () => {
    expect(formatMoney(123456789012345678901n, 'DKK', 'en')).toBe('DKK 1,234,567,890,123,456,789.01');
  });

  it('refuses a currency that is not a three-letter code', () => {
    expect(() => formatMoney(1n, 'kr')).toThrow(RangeError);
  });

  it('agrees with Intl.NumberFormat wherever a number holds the amount exactly', () => {
    // Intl puts a no-break space between code and amount in English; this module uses a plain space.
    const en = new Intl.NumberFormat('en', { style: 'currency', currency: 'DKK' });
    const da = new Intl.NumberFormat('da', { style: 'currency', currency: 'DKK' });
    // Intl writes the Finnish minus as U+2212; this module writes "-" in every language.
    const fi = new Intl.NumberFormat('fi', { style: 'currency', currency: 'EUR' });
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), (minor) => {
        const major = minor / 100;
        return (
          formatMoney(BigInt(minor), 'DKK', 'en') === en.format(major).replace(/\u00a0/g, ' ') &&
          formatMoney(BigInt(minor), 'DKK', 'da') === da.format(major).replace(/\u00a0/g, ' ') &&
          formatMoney(BigInt(minor), 'EUR', 'fi') === fi.format(major).replace('\u2212', '-')
        );
      }),
    );
  });
});
