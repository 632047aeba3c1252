import { sumMoney } from './sum-money.js';

export interface MoneyLine {
  quantity: number;
  unitAmount: bigint;
}

/** quantity × unitAmount; the quantity must be a whole, non-negative number. */
export function lineTotal(quantity: number, unitAmount: bigint): bigint {
  if (!Number.isSafeInteger(quantity) || quantity < 0) {
    throw new RangeError(`quantity must be a whole number of 0 or more, got ${quantity}`);
  }
  return BigInt(quantity) * unitAmount;
}

/** The sum of every line's total. */
export function linesTotal(lines: Iterable<MoneyLine>): bigint {
  const totals: bigint[] = [];
  for (const line of lines) totals.push(lineTotal(line.quantity, line.unitAmount));
  return sumMoney(totals);
}
