import { toMajorParts } from './major-units.js';

export type MoneyLocale = 'da' | 'en' | 'fi';

const NBSP = '\u00a0';

const CURRENCY_CODE = /^[A-Z]{3}$/;

function group(digits: string, separator: string): string {
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) {
    groups.unshift(digits.slice(Math.max(0, end - 3), end));
  }
  return groups.join(separator);
}

/**
 * Money for people to read: 1250000n → "12.500,00 kr." (da), "DKK 12,500.00" (en) or
 * "12 500,00 €" (fi, with no-break spaces so that an amount never wraps).
 * Danish writes DKK as "kr." after the amount, Finnish EUR as "€"; other currencies by their code.
 * Works on the bigint digits, so no amount is ever rounded through a float.
 */
export function formatMoney(minor: bigint, currency = 'DKK', locale: MoneyLocale = 'da'): string {
  if (!CURRENCY_CODE.test(currency)) {
    throw new RangeError(`currency must be a three-letter ISO 4217 code, got ${JSON.stringify(currency)}`);
  }
  const { negative, whole, fraction } = toMajorParts(minor);
  const sign = negative ? '-' : '';
  if (locale === 'da') {
    const symbol = currency === 'DKK' ? 'kr.' : currency;
    return `${sign}${group(whole, '.')},${fraction} ${symbol}`;
  }
  if (locale === 'fi') {
    const symbol = currency === 'EUR' ? '€' : currency;
    return `${sign}${group(whole, NBSP)},${fraction}${NBSP}${symbol}`;
  }
  return `${sign}${currency} ${group(whole, ',')}.${fraction}`;
}
