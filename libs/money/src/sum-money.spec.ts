import fc from 'fast-check';
import { sumMoney } from './sum-money.js';

describe(sumMoney.name, () => {
  it('is 0n for no values', () => {
    expect(sumMoney([])).toBe(0n);
  });

  it('adds values beyond the safe range of a number exactly', () => {
    expect(sumMoney([2n ** 60n, 1n, -2n])).toBe(2n ** 60n - 1n);
  });

  it('takes any iterable', () => {
    expect(sumMoney(new Set([100n, 250n]))).toBe(350n);
  });

  it('does not depend on the order of the values', () => {
    const valuesAndPermutation = fc
      .array(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }))
      .chain((values) => fc.tuple(fc.constant(values), fc.shuffledSubarray(values, { minLength: values.length })));
    fc.assert(fc.property(valuesAndPermutation, ([values, permuted]) => sumMoney(values) === sumMoney(permuted)));
  });

  it('sums a concatenation as the sum of the parts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt()),
        fc.array(fc.bigInt()),
        (a, b) => sumMoney([...a, ...b]) === sumMoney(a) + sumMoney(b),
      ),
    );
  });
});
