import { toMinor } from '../common/money';
import type { Application, ApplicationStatus } from '../types';

/** Statuses of a grant: money was committed to it at some point. */
export const GRANT_STATUSES: readonly ApplicationStatus[] = ['approved', 'partially_approved', 'paid', 'cancelled'];
/** Statuses in which money may still be paid out. */
export const PAYABLE_STATUSES: readonly ApplicationStatus[] = ['approved', 'partially_approved'];

/** What is still to pay on a grant: the API's unpaidAmount, else approved − paid. */
export const unpaidOf = (record: Application): bigint => {
  const sent = toMinor(record.unpaidAmount);
  if (sent !== null) return sent;
  if (!PAYABLE_STATUSES.includes(record.status)) return 0n;
  const approved = toMinor(record.amountApproved) ?? 0n;
  const paid = toMinor(record.paidAmount) ?? 0n;
  return approved > paid ? approved - paid : 0n;
};
