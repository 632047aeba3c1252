import type { Role } from '@app/contract';

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'info_requested',
  'awaiting_second_approval',
  'approved',
  'partially_approved',
  'rejected',
  'withdrawn',
  'cancelled',
  'paid',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_ACTIONS = [
  'submit',
  'withdraw',
  'start-review',
  'request-info',
  'answer',
  'approve',
  'reject',
  'cancel',
  'carry-over',
] as const;
/** What a user does to an application through its own route (POST /api/applications/:id/<action>). */
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** What finance's payments do to a grant (POST /api/disbursements, a positive or a negative amount). */
export const PAYMENT_ACTIONS = ['pay', 'refund'] as const;
export type PaymentAction = (typeof PAYMENT_ACTIONS)[number];

/** Every transition of an application's life: its own actions and the payments on it. */
export type Transition = ApplicationAction | PaymentAction;

/** Before a decision: the unit may still withdraw, the contact point may still decide. */
export const OPEN_STATUSES: readonly ApplicationStatus[] = [
  'submitted',
  'in_review',
  'info_requested',
  'awaiting_second_approval',
];
/** A grant: money is committed to it. */
export const GRANTED_STATUSES: readonly ApplicationStatus[] = ['approved', 'partially_approved', 'paid'];
/** The unit may change the application's content. */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = ['draft', 'info_requested'];

interface Rule {
  from: readonly ApplicationStatus[];
  role: Role;
}

/** Who may take which action from which status: the whole state machine of the domain brief. */
export const WORKFLOW: Record<Transition, Rule> = {
  submit: { from: ['draft', 'info_requested'], role: 'unit_worker' },
  answer: { from: ['info_requested'], role: 'unit_worker' },
  withdraw: { from: ['draft', ...OPEN_STATUSES], role: 'unit_worker' },
  'start-review': { from: ['submitted'], role: 'contact_point' },
  'request-info': { from: ['submitted', 'in_review'], role: 'contact_point' },
  approve: { from: ['submitted', 'in_review', 'awaiting_second_approval'], role: 'contact_point' },
  reject: { from: ['submitted', 'in_review', 'info_requested', 'awaiting_second_approval'], role: 'contact_point' },
  cancel: { from: ['approved', 'partially_approved'], role: 'contact_point' },
  // year end: the unpaid rest of a grant moves to next year's pool; the grant's status stays
  'carry-over': { from: ['approved', 'partially_approved'], role: 'contact_point' },
  pay: { from: ['approved', 'partially_approved'], role: 'finance' },
  // a cancelled grant may still get back what was paid on it
  refund: { from: ['approved', 'partially_approved', 'paid', 'cancelled'], role: 'finance' },
};

export const mayAct = (action: Transition, role: Role): boolean => WORKFLOW[action].role === role;

/** The one role that takes an action: what its route declares. */
export const roleOf = (action: Transition): Role => WORKFLOW[action].role;

/** The roles that take any of these actions, once each: what a route serving them declares. */
export const rolesFor = (...actions: Transition[]): Role[] => [...new Set(actions.map(roleOf))];

export const canTransition = (action: Transition, status: ApplicationStatus): boolean =>
  WORKFLOW[action].from.includes(status);

/** The actions a role can take on an application in this status (for buttons and for checks). */
export function availableActions(status: ApplicationStatus, role: Role): ApplicationAction[] {
  return APPLICATION_ACTIONS.filter((action) => mayAct(action, role) && canTransition(action, status));
}

export interface ApprovalOutcome {
  status: ApplicationStatus;
  /** True when this approval is the first of two. */
  needsSecondApproval: boolean;
}

/**
 * Where an approval leads: above the threshold a first approval waits for a
 * second contact point; otherwise the grant is approved in full or in part.
 */
export function approvalOutcome(input: {
  status: ApplicationStatus;
  amountRequested: bigint;
  amountApproved: bigint;
  secondApprovalRequired: boolean;
}): ApprovalOutcome {
  if (input.status !== 'awaiting_second_approval' && input.secondApprovalRequired) {
    return { status: 'awaiting_second_approval', needsSecondApproval: true };
  }
  return {
    status: input.amountApproved < input.amountRequested ? 'partially_approved' : 'approved',
    needsSecondApproval: false,
  };
}

/** Where an action other than an approval or a payment leads from a status. */
export function statusAfter(action: Exclude<ApplicationAction, 'approve'>, from: ApplicationStatus): ApplicationStatus {
  switch (action) {
    case 'carry-over':
      return from;
    case 'submit':
    case 'answer':
      return 'submitted';
    case 'withdraw':
      return 'withdrawn';
    case 'start-review':
      return 'in_review';
    case 'request-info':
      return 'info_requested';
    case 'reject':
      return 'rejected';
    case 'cancel':
      return 'cancelled';
  }
}

/** A grant's figures, as a payment reads them; amounts in minor units. */
export interface GrantFigures {
  status: ApplicationStatus;
  amountRequested: bigint;
  amountApproved: bigint | null;
  paidAmount: bigint;
}

/**
 * Where a payment (a positive amount) or a refund (a negative one) leads: paid
 * in full is `paid`; a refund on a paid grant opens it again (approved, or
 * partially approved when less than requested was granted); a cancelled grant
 * stays cancelled.
 */
export function statusAfterPayment(grant: GrantFigures, amount: bigint): ApplicationStatus {
  if (grant.status === 'cancelled') return 'cancelled';
  const approved = grant.amountApproved ?? 0n;
  if (grant.paidAmount + amount === approved) return 'paid';
  return approved < grant.amountRequested ? 'partially_approved' : 'approved';
}
