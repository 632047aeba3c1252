import { useCallback } from 'react';
import { useLocaleState } from 'react-admin';
import { intlLocale } from '../i18n';

/**
 * `part` as a share of `whole` (0.125 for 12.5 %), worked out on the bigint
 * minor units and rounded down to a hundredth of a percent; null when `whole` is 0.
 */
export const share = (part: bigint, whole: bigint): number | null =>
  whole === 0n ? null : Number((part * 10_000n) / whole) / 10_000;

/** A share as a percentage in the user's language ("12,5 %" / "12.5%"); "–" for none. */
export const useFormatPercent = () => {
  const [locale] = useLocaleState();
  return useCallback(
    (value: number | null) =>
      value === null
        ? '–'
        : new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 1 }).format(value),
    [locale],
  );
};
