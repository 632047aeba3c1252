import fc from 'fast-check';
import { InvalidMoneyError, parseMoney } from './parse-money.js';

describe(parseMoney.name, () => {
  it('accepts a bigint as it is', () => {
    expect(parseMoney(1250000n)).toBe(1250000n);
  });

  it('accepts a safe integer number', () => {
    expect(parseMoney(1250000)).toBe(1250000n);
    expect(parseMoney(-500)).toBe(-500n);
    expect(parseMoney(0)).toBe(0n);
  });

  it('accepts an integer string as the database driver returns it', () => {
    expect(parseMoney('1250000')).toBe(1250000n);
    expect(parseMoney('-500')).toBe(-500n);
    expect(parseMoney('9223372036854775807')).toBe(9223372036854775807n);
  });

  it.each([12.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('refuses the number %p', (value) => {
    expect(() => parseMoney(value)).toThrow(InvalidMoneyError);
  });

  it.each(['12.50', '1e5', '', ' 5', '5 ', '+5', '0x10', 'abc', '1_000', '12,50'])('refuses the string %j', (value) => {
    expect(() => parseMoney(value)).toThrow(/must be an integer string of minor units/);
  });

  it.each([null, undefined, true, {}, [1]])('refuses the non-money value %p', (value) => {
    expect(() => parseMoney(value)).toThrow(/must be an integer number of minor units/);
  });

  it('refuses a value that does not fit a PostgreSQL bigint', () => {
    expect(() => parseMoney('9223372036854775808')).toThrow(/out of range/);
    expect(() => parseMoney(-(2n ** 63n) - 1n)).toThrow(/out of range/);
    expect(() => parseMoney('1'.repeat(1000))).toThrow(/out of range/);
  });

  it('names the field in the error', () => {
    const error = (() => {
      try {
        parseMoney('12.50', 'amountRequested');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidMoneyError);
    expect(error).toMatchObject({
      field: 'amountRequested',
      message: 'amountRequested must be an integer string of minor units, got "12.50"',
    });
  });

  it('reads back what bigint, number and string forms of the same value say', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        const expected = BigInt(n);
        return parseMoney(n) === expected && parseMoney(String(n)) === expected && parseMoney(expected) === expected;
      }),
    );
  });
});
