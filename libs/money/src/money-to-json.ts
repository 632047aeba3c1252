/**
 * The JSON form of a money value: a plain integer number of minor units, as the
 * API contract fixes. Throws rather than lose precision beyond 2^53 øre.
 */
export function moneyToJson(minor: bigint): number {
  const n = Number(minor);
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`money value ${minor} is too large to send as a JSON number`);
  }
  return n;
}
