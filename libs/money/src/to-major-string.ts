import { MINOR_DIGITS, toMajorParts } from './major-units.js';

export type DecimalSeparator = '.' | ',';

/** Plain major units for CSV and spreadsheets: 1250000n → "12500.00" (or "12500,00"); no grouping. */
export function toMajorString(minor: bigint, decimalSeparator: DecimalSeparator = '.'): string {
  const { negative, whole, fraction } = toMajorParts(minor);
  return `${negative ? '-' : ''}${whole}${decimalSeparator}${fraction}`;
}

/**
 * The inverse of {@link toMajorString}: "12500.00", "12500,5" or "-12500" → minor
 * units. Refuses grouping separators and more than two decimals rather than guess.
 */
export function fromMajorString(text: string, decimalSeparator: DecimalSeparator = '.'): bigint {
  const sep = decimalSeparator === '.' ? '\\.' : ',';
  const match = new RegExp(`^(-?)(\\d+)(?:${sep}(\\d{1,${MINOR_DIGITS}}))?$`).exec(text);
  if (!match) {
    throw new RangeError(
      `not an amount in major units with "${decimalSeparator}" as decimal separator and at most ${MINOR_DIGITS} decimals: ${JSON.stringify(text)}`,
    );
  }
  const [, sign, whole, fraction = ''] = match;
  const minor = BigInt(whole + fraction.padEnd(MINOR_DIGITS, '0'));
  return sign === '-' ? -minor : minor;
}
