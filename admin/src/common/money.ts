import { useCallback } from 'react';
import { useLocaleState } from 'react-admin';
import {
  formatMoney,
  fromMajorString,
  parseMoney,
  toMajorString,
  type DecimalSeparator,
  type MoneyLocale,
} from '@app/money';
import { intlLocale } from '../i18n';
import { useCurrency } from './settings';

export const moneyLocale = (locale: string): MoneyLocale => (locale === 'da' || locale === 'fi' ? locale : 'en');
/** Danish and Finnish write a decimal comma, English a point. */
export const decimalSeparator = (locale: string): DecimalSeparator => (moneyLocale(locale) === 'en' ? '.' : ',');
/** Whether the language writes the currency by its sign: DKK as "kr." in Danish, EUR as "€" in Finnish. */
const ownSign = (locale: string, currency: string): boolean =>
  (locale === 'da' && currency === 'DKK') || (locale === 'fi' && currency === 'EUR');
/** What stands beside an amount input: "kr." for DKK in Danish, "€" for EUR in Finnish, otherwise the currency's code. */
export const currencySymbol = (locale: string, currency: string): string =>
  ownSign(locale, currency) ? (currency === 'EUR' ? '€' : 'kr.') : currency;

/** A money value from JSON (integer minor units) as a bigint; null when absent or not money. */
export const toMinor = (value: unknown): bigint | null => {
  if (value === null || value === undefined || value === '') return null;
  try {
    return parseMoney(value);
  } catch {
    return null;
  }
};

/** formatMoney in the user's language and the installation's currency (GET /api/settings). */
export const useFormatMoney = () => {
  const [locale] = useLocaleState();
  const currency = useCurrency();
  return useCallback(
    (minor: bigint | number) =>
      formatMoney(typeof minor === 'bigint' ? minor : BigInt(minor), currency, moneyLocale(locale)),
    [locale, currency],
  );
};

/** An amount as useFormatMoney writes it, or a dash where there is none (an unpriced line, no allocation). */
export const useFormatAmount = () => {
  const format = useFormatMoney();
  return useCallback(
    (value: unknown) => {
      const minor = typeof value === 'bigint' ? value : toMinor(value);
      return minor === null ? '–' : format(minor);
    },
    [format],
  );
};

/** Minor units as the user edits them: "12500,00" (da, fi) or "12500.00" (en), without grouping. */
export const minorToText = (value: unknown, separator: DecimalSeparator): string => {
  const minor = toMinor(value);
  return minor === null ? '' : toMajorString(minor, separator);
};

/**
 * What the user typed, in major units, as minor units: null for nothing, undefined
 * when it is not an amount. Takes grouping in the language's own style
 * ("12.500,50" in Danish, "12,500.50" in English) and the other decimal sign when
 * it cannot be a grouping ("12.5" in Danish).
 */
export const textToMinor = (text: string, separator: DecimalSeparator): bigint | null | undefined => {
  let plain = text.replace(/[\s\u00a0]/g, '');
  if (plain === '') return null;
  const grouping = separator === ',' ? '.' : ',';
  const g = `\\${grouping}`;
  const s = `\\${separator}`;
  if (new RegExp(`^-?\\d{1,3}(${g}\\d{3})+(${s}\\d{1,2})?$`).test(plain)) plain = plain.split(grouping).join('');
  else if (!plain.includes(separator) && new RegExp(`^-?\\d+${g}\\d{1,2}$`).test(plain)) {
    plain = plain.replace(grouping, separator);
  }
  try {
    return fromMajorString(plain, separator);
  } catch {
    return undefined;
  }
};

/** A bigint as the JSON number the API takes; undefined beyond what a number holds exactly. */
export const minorToJson = (minor: bigint): number | undefined => {
  const n = Number(minor);
  return Number.isSafeInteger(n) ? n : undefined;
};

/**
 * An amount in short form for a chart's axis, whole major units only: "1,2 mio. kr." (da) or
 * "DKK 1.2M" (en). The division is on the bigint; the float is only what Intl rounds for display.
 */
export const useFormatMoneyCompact = () => {
  const [locale] = useLocaleState();
  const currency = useCurrency();
  return useCallback(
    (minor: bigint | number) => {
      const whole = (typeof minor === 'bigint' ? minor : BigInt(Math.round(minor))) / 100n;
      return new Intl.NumberFormat(intlLocale(locale), {
        style: 'currency',
        currency,
        currencyDisplay: ownSign(locale, currency) ? 'symbol' : 'code',
        notation: 'compact',
        minimumFractionDigits: 0,
        maximumFractionDigits: 1,
      }).format(Number(whole));
    },
    [locale, currency],
  );
};
