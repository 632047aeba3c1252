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
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), (minor) => {
        const major = minor / 100;
        return (
          formatMoney(BigInt(minor), 'DKK', 'en') === en.format(major).replace(/\u00a0/g, ' ') &&
          formatMoney(BigInt(minor), 'DKK', 'da') === da.format(major).replace(/\u00a0/g, ' ')
        );
      }),
    );
  });
});
