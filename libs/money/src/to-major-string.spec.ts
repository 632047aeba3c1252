import fc from 'fast-check';
import { fromMajorString, toMajorString } from './to-major-string.js';

describe(toMajorString.name, () => {
  it('writes major units with two decimals and no grouping', () => {
    expect(toMajorString(1250000n)).toBe('12500.00');
    expect(toMajorString(1250000n, ',')).toBe('12500,00');
  });

  it('writes small and negative amounts with a leading zero and a sign', () => {
    expect(toMajorString(5n)).toBe('0.05');
    expect(toMajorString(-5n, ',')).toBe('-0,05');
    expect(toMajorString(-123456n)).toBe('-1234.56');
  });
});

describe(fromMajorString.name, () => {
  it('reads major units into minor units', () => {
    expect(fromMajorString('12500.00')).toBe(1250000n);
    expect(fromMajorString('12500,5', ',')).toBe(1250050n);
    expect(fromMajorString('-12500')).toBe(-1250000n);
  });

  it.each([
    ['12.500,00', ','],
    ['12,500.00', '.'],
    ['12500.001', '.'],
    ['12500,00', '.'],
    ['', '.'],
    ['.5', '.'],
    ['1e3', '.'],
  ] as const)('refuses %j with %j as decimal separator', (text, separator) => {
    expect(() => fromMajorString(text, separator)).toThrow(RangeError);
  });

  it('reads back exactly what toMajorString wrote', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.constantFrom('.' as const, ',' as const), (minor, separator) => {
        return fromMajorString(toMajorString(minor, separator), separator) === minor;
      }),
    );
  });
});
