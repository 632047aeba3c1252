import fc from 'fast-check';
import { moneyToJson } from './money-to-json.js';
import { parseMoney } from './parse-money.js';

describe(moneyToJson.name, () => {
  it('gives the integer number of minor units', () => {
    expect(moneyToJson(1250000n)).toBe(1250000);
    expect(moneyToJson(-500n)).toBe(-500);
  });

  it('refuses a value a JSON number cannot hold exactly', () => {
    expect(() => moneyToJson(2n ** 53n)).toThrow(RangeError);
  });

  it('round-trips through parseMoney', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 53n) + 1n, max: 2n ** 53n - 1n }),
        (minor) => parseMoney(moneyToJson(minor)) === minor,
      ),
    );
  });
});
