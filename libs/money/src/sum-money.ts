/** The sum of money values in minor units; 0n for none. */
export function sumMoney(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}
