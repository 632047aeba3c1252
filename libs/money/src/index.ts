export { InvalidMoneyError, parseMoney } from './parse-money.js';
export { moneyToJson } from './money-to-json.js';
export { sumMoney } from './sum-money.js';
export { lineTotal, linesTotal, type MoneyLine } from './line-total.js';
export { formatMoney, type MoneyLocale } from './format-money.js';
export { fromMajorString, toMajorString, type DecimalSeparator } from './to-major-string.js';
export { MINOR_DIGITS } from './major-units.js';
