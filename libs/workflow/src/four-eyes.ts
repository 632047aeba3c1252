import type { ApplicationAction, ApplicationStatus, PaymentAction, Transition } from './application-workflow.js';

/** Who has done what with an application so far: all that segregation of duties reads. */
export interface FourEyesFacts {
  status: ApplicationStatus;
  /** Everyone who wrote the application's content. */
  editors: readonly string[];
  submittedBy: string | null;
  firstApprovedBy: string | null;
  /** The approver of the grant (the second, for a two-stage grant). */
  decidedBy: string | null;
}

/**
 * The ways an action can break segregation of duties (domain brief): nobody
 * decides an application they wrote or submitted; a grant above the threshold
 * needs a second, different approver; whoever records a payment or a refund
 * approved no stage of the grant.
 */
export type FourEyesBreach = 'own-application' | 'same-approver' | 'approver-pays';

/** The actions that decide, or steer the decision on, an application. */
const DECIDING: readonly Transition[] = ['request-info', 'approve', 'reject'];

/** The breach this user would commit by this action, or null when four eyes allow it. */
export function fourEyesBreach(
  action: ApplicationAction,
  userId: string,
  a: FourEyesFacts,
): Exclude<FourEyesBreach, 'approver-pays'> | null;
export function fourEyesBreach(action: PaymentAction, userId: string, a: FourEyesFacts): 'approver-pays' | null;
export function fourEyesBreach(action: Transition, userId: string, a: FourEyesFacts): FourEyesBreach | null;
export function fourEyesBreach(action: Transition, userId: string, a: FourEyesFacts): FourEyesBreach | null {
  if (DECIDING.includes(action) && (a.editors.includes(userId) || a.submittedBy === userId)) return 'own-application';
  if (action === 'approve' && a.status === 'awaiting_second_approval' && a.firstApprovedBy === userId) {
    return 'same-approver';
  }
  if ((action === 'pay' || action === 'refund') && (a.decidedBy === userId || a.firstApprovedBy === userId)) {
    return 'approver-pays';
  }
  return null;
}
