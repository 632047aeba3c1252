// Every supported currency (DKK, EUR, SEK, NOK, ...) has 100 minor units to the major unit.
export const MINOR_DIGITS = 2;
const MINOR_PER_MAJOR = 10n ** BigInt(MINOR_DIGITS);

export interface MajorParts {
  negative: boolean;
  /** whole major units, as digits without grouping */
  whole: string;
  /** minor units, zero-padded to MINOR_DIGITS digits */
  fraction: string;
}

/** Splits minor units into sign, whole major units and the fraction, by bigint arithmetic only. */
export function toMajorParts(minor: bigint): MajorParts {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  return {
    negative,
    whole: (abs / MINOR_PER_MAJOR).toString(),
    fraction: (abs % MINOR_PER_MAJOR).toString().padStart(MINOR_DIGITS, '0'),
  };
}
