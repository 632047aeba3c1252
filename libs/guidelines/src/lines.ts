import { lineTotal, sumMoney } from '@app/money';
import type { ApplicationInput, ApplicationLine } from './types.js';

export function hasValidQuantity(line: ApplicationLine): boolean {
  return Number.isSafeInteger(line.quantity) && line.quantity >= 1;
}

export function isValidLine(line: ApplicationLine): boolean {
  return hasValidQuantity(line) && line.unitAmount >= 0n;
}

/** The sum of the lines that can be summed; the `lines-valid` rule reports the others. */
export function validLinesTotal(lines: readonly ApplicationLine[]): bigint {
  return sumMoney(lines.filter(hasValidQuantity).map((line) => lineTotal(line.quantity, line.unitAmount)));
}

/** The money a decision is about: the amount being granted at an approval, else the amount requested. */
export function amountAtStake(application: ApplicationInput): bigint {
  return application.amountToGrant ?? application.amountRequested;
}
