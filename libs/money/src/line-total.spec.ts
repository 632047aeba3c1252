import { lineTotal, linesTotal } from './line-total.js';

describe(lineTotal.name, () => {
  it('multiplies the quantity by the unit amount', () => {
    expect(lineTotal(3, 150000n)).toBe(450000n);
    expect(lineTotal(0, 150000n)).toBe(0n);
  });

  it('stays exact beyond the safe range of a number', () => {
    expect(lineTotal(1000, 2n ** 60n)).toBe(1000n * 2n ** 60n);
  });

  it.each([1.5, -1, Number.NaN, 2 ** 53])('refuses the quantity %p', (quantity) => {
    expect(() => lineTotal(quantity, 100n)).toThrow(/quantity must be a whole number/);
  });
});

describe(linesTotal.name, () => {
  it('sums the totals of all lines', () => {
    expect(
      linesTotal([
        { quantity: 30, unitAmount: 150000n },
        { quantity: 1, unitAmount: 75000n },
      ]),
    ).toBe(4575000n);
  });

  it('is 0n for no lines', () => {
    expect(linesTotal([])).toBe(0n);
  });
});
