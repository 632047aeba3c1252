import { ROLES } from '@app/contract';
import {
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  approvalOutcome,
  availableActions,
  canTransition,
  mayAct,
  roleOf,
  statusAfter,
  statusAfterPayment,
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
    expect(availableActions('approved', 'contact_point')).toEqual(['cancel', 'carry-over']);
    expect(availableActions('partially_approved', 'contact_point')).toEqual(['cancel', 'carry-over']);
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

  describe('carry-over', () => {
    it("is the contact point's, on a grant with money still to pay, and keeps its status", () => {
      expect(roleOf('carry-over')).toBe('contact_point');
      for (const status of APPLICATION_STATUSES) {
        expect(canTransition('carry-over', status)).toBe(status === 'approved' || status === 'partially_approved');
      }
      expect(statusAfter('carry-over', 'partially_approved')).toBe('partially_approved');
    });
  });

  describe('payments', () => {
    it("are finance's: payments on a grant with money to pay, refunds on any grant that was paid from", () => {
      expect(roleOf('pay')).toBe('finance');
      expect(roleOf('refund')).toBe('finance');
      const payable = APPLICATION_STATUSES.filter((status) => canTransition('pay', status));
      const refundable = APPLICATION_STATUSES.filter((status) => canTransition('refund', status));
      expect(payable).toEqual(['approved', 'partially_approved']);
      expect(refundable).toEqual(['approved', 'partially_approved', 'cancelled', 'paid']);
    });

    const grant = { status: 'approved', amountRequested: 1000n, amountApproved: 1000n, paidAmount: 0n } as const;
    it.each([
      ['a part payment leaves it approved', grant, 400n, 'approved'],
      ['the payment of the rest makes it paid', { ...grant, paidAmount: 400n }, 600n, 'paid'],
      ['a refund on a paid grant opens it again', { ...grant, status: 'paid', paidAmount: 1000n }, -100n, 'approved'],
      [
        'a refund on a paid partial grant opens it as partially approved',
        { ...grant, status: 'paid', amountApproved: 700n, paidAmount: 700n },
        -700n,
        'partially_approved',
      ],
      [
        'paying a partial grant in full makes it paid',
        { ...grant, status: 'partially_approved', amountApproved: 700n },
        700n,
        'paid',
      ],
      [
        'a refund on a cancelled grant leaves it cancelled',
        { ...grant, status: 'cancelled', paidAmount: 300n },
        -300n,
        'cancelled',
      ],
    ] as const)('%s', (_, figures, amount, expected) => {
      expect(statusAfterPayment(figures, amount)).toBe(expected);
    });
  });
});
