import { ROLES } from '@app/contract';
import {
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  approvalOutcome,
  availableActions,
  canTransition,
  mayAct,
} from './application-workflow.js';

describe('the application workflow', () => {
  it('lets a unit worker submit, answer and withdraw, and a contact point review and decide', () => {
    expect(availableActions('draft', 'unit_worker')).toEqual(['submit', 'withdraw']);
    expect(availableActions('info_requested', 'unit_worker')).toEqual(['submit', 'withdraw', 'answer']);
    expect(availableActions('submitted', 'contact_point')).toEqual([
      'start-review',
      'request-info',
      'approve',
      'reject',
    ]);
    expect(availableActions('in_review', 'contact_point')).toEqual(['request-info', 'approve', 'reject']);
    expect(availableActions('awaiting_second_approval', 'contact_point')).toEqual(['approve', 'reject']);
    expect(availableActions('approved', 'contact_point')).toEqual(['cancel']);
  });

  it.each(['rejected', 'withdrawn', 'cancelled', 'paid'] as const)('ends in %s: nobody can act', (status) => {
    for (const role of ROLES) expect(availableActions(status, role)).toEqual([]);
  });

  it('gives finance and admin no action at all', () => {
    for (const status of APPLICATION_STATUSES) {
      expect(availableActions(status, 'finance')).toEqual([]);
      expect(availableActions(status, 'admin')).toEqual([]);
    }
  });

  it('never lets a unit withdraw after a decision', () => {
    for (const status of ['approved', 'partially_approved', 'rejected', 'paid'] as const) {
      expect(canTransition('withdraw', status)).toBe(false);
    }
  });

  it('gives every action exactly one role', () => {
    for (const action of APPLICATION_ACTIONS) {
      expect(ROLES.filter((role) => mayAct(action, role))).toHaveLength(1);
    }
  });

  describe(approvalOutcome.name, () => {
    it('sends an approval above the threshold to a second approver', () => {
      expect(
        approvalOutcome({
          status: 'in_review',
          amountRequested: 100n,
          amountApproved: 100n,
          secondApprovalRequired: true,
        }),
      ).toEqual({ status: 'awaiting_second_approval', needsSecondApproval: true });
    });

    it('completes the grant at the second approval', () => {
      expect(
        approvalOutcome({
          status: 'awaiting_second_approval',
          amountRequested: 100n,
          amountApproved: 100n,
          secondApprovalRequired: true,
        }),
      ).toEqual({ status: 'approved', needsSecondApproval: false });
    });

    it('calls an approval of less than requested partial', () => {
      expect(
        approvalOutcome({
          status: 'submitted',
          amountRequested: 100n,
          amountApproved: 60n,
          secondApprovalRequired: false,
        }).status,
      ).toBe('partially_approved');
    });
  });
});
