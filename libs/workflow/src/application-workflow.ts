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
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

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
export const WORKFLOW: Record<ApplicationAction, Rule> = {
  submit: { from: ['draft', 'info_requested'], role: 'unit_worker' },
  answer: { from: ['info_requested'], role: 'unit_worker' },
  withdraw: { from: ['draft', ...OPEN_STATUSES], role: 'unit_worker' },
  'start-review': { from: ['submitted'], role: 'contact_point' },
  'request-info': { from: ['submitted', 'in_review'], role: 'contact_point' },
  approve: { from: ['submitted', 'in_review', 'awaiting_second_approval'], role: 'contact_point' },
  reject: { from: ['submitted', 'in_review', 'info_requested', 'awaiting_second_approval'], role: 'contact_point' },
  cancel: { from: ['approved', 'partially_approved'], role: 'contact_point' },
};

export const mayAct = (action: ApplicationAction, role: Role): boolean => WORKFLOW[action].role === role;

export const canTransition = (action: ApplicationAction, status: ApplicationStatus): boolean =>
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

export function statusAfter(action: Exclude<ApplicationAction, 'approve'>): ApplicationStatus {
  switch (action) {
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
