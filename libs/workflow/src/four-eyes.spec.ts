import { type FourEyesFacts, fourEyesBreach } from './four-eyes.js';

const WORKER = 'worker-1';
const CP1 = 'cp-1';
const CP2 = 'cp-2';
const FINANCE = 'finance-1';

const submitted: FourEyesFacts = {
  status: 'submitted',
  editors: [WORKER],
  submittedBy: WORKER,
  firstApprovedBy: null,
  decidedBy: null,
};
const awaitingSecond: FourEyesFacts = { ...submitted, status: 'awaiting_second_approval', firstApprovedBy: CP1 };
const granted: FourEyesFacts = { ...submitted, status: 'approved', firstApprovedBy: CP1, decidedBy: CP2 };

describe(fourEyesBreach.name, () => {
  it.each(['request-info', 'approve', 'reject'] as const)('refuses %s to whoever wrote the application', (action) => {
    expect(fourEyesBreach(action, WORKER, submitted)).toBe('own-application');
    expect(fourEyesBreach(action, CP1, submitted)).toBeNull();
  });

  it('refuses a decision to whoever submitted it without having written it', () => {
    expect(fourEyesBreach('reject', 'cp-who-submitted', { ...submitted, submittedBy: 'cp-who-submitted' })).toBe(
      'own-application',
    );
  });

  it('leaves the writer their own actions: submit, answer, withdraw', () => {
    for (const action of ['submit', 'answer', 'withdraw'] as const) {
      expect(fourEyesBreach(action, WORKER, submitted)).toBeNull();
    }
  });

  it('needs a second, different approver for a grant above the threshold', () => {
    expect(fourEyesBreach('approve', CP1, awaitingSecond)).toBe('same-approver');
    expect(fourEyesBreach('approve', CP2, awaitingSecond)).toBeNull();
    // the first approver may still reject, or ask for information
    expect(fourEyesBreach('reject', CP1, awaitingSecond)).toBeNull();
  });

  it('refuses payments and refunds to either approver of the grant', () => {
    for (const action of ['pay', 'refund'] as const) {
      expect(fourEyesBreach(action, CP1, granted)).toBe('approver-pays');
      expect(fourEyesBreach(action, CP2, granted)).toBe('approver-pays');
      expect(fourEyesBreach(action, FINANCE, granted)).toBeNull();
    }
  });

  it('refuses the single approver of a grant below the threshold its payment', () => {
    expect(fourEyesBreach('pay', CP2, { ...granted, firstApprovedBy: null })).toBe('approver-pays');
  });
});
