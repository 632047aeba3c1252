import type { Application } from './application.entity.js';
import { toView } from './application-view.js';

const application = {
  id: 'a',
  reference: 'KBH-2026-001-A1',
  caseId: 'c',
  unitId: 'u',
  categoryCode: 'relocation',
  amountRequested: 500_000n,
  amountApproved: 400_000n,
  justification: 'narrative justification',
  ordinaryFundingConsidered: true,
  urgent: false,
  lines: [{ description: 'narrative line', quantity: 5, unitAmount: 100_000 }],
  plannedSessionDates: [],
  status: 'partially_approved',
  findings: [],
  guidelineId: 'g',
  submittedAt: null,
  submittedBy: null,
  firstApprovedBy: null,
  firstApprovedAt: null,
  firstApprovedAmount: null,
  decidedAt: null,
  decidedBy: null,
  decisionReason: 'narrative reason',
  conditions: 'narrative conditions',
  paymentInstructions: 'Paid directly to the clinic against invoice',
  overrides: [
    { rule: 'required-documents', justification: 'narrative override', by: 'cp', at: '2026-11-21T10:00:00Z' },
  ],
  paidAmount: 0n,
  editors: ['w'],
  createdBy: 'w',
  createdAt: new Date(),
  updatedAt: new Date(),
} as unknown as Application;

const ctx = {
  caseReference: 'KBH-2026-001',
  guidelineVersion: '2026.1',
  actions: [],
  names: { cp: 'Contact Point One', x: 'Someone else' },
};

describe(toView.name, () => {
  it('leaves every narrative field out of the summary', () => {
    const view = toView(application, ctx, false);
    expect(JSON.stringify(view, (_, v) => (typeof v === 'bigint' ? Number(v) : v))).not.toContain('narrative');
    expect(view.lines).toEqual([{ quantity: 5, unitAmount: 100_000 }]);
    expect(view).not.toHaveProperty('editors');
    expect(view).not.toHaveProperty('paymentInstructions');
  });

  it('gives finance paying one grant its line descriptions and payment instructions, and no other narrative', () => {
    const view = toView(application, { ...ctx, forPayment: true }, false);
    expect(view.lines).toEqual([{ description: 'narrative line', quantity: 5, unitAmount: 100_000 }]);
    expect(view.paymentInstructions).toBe('Paid directly to the clinic against invoice');
    const text = JSON.stringify(view, (_, v) => (typeof v === 'bigint' ? Number(v) : v));
    for (const narrative of ['justification', 'reason', 'conditions', 'override'])
      expect(text).not.toContain(`narrative ${narrative}`);
  });

  it('names the staff who acted on it, and nobody else', () => {
    expect(toView(application, ctx, false).names).toEqual({ cp: 'Contact Point One' });
  });

  it('gives the narrative to those who need to know', () => {
    const view = toView(application, ctx, true);
    expect(view).toMatchObject({
      justification: 'narrative justification',
      decisionReason: 'narrative reason',
      conditions: 'narrative conditions',
      paymentInstructions: 'Paid directly to the clinic against invoice',
      lines: [{ description: 'narrative line', quantity: 5, unitAmount: 100_000 }],
      overrides: [expect.objectContaining({ justification: 'narrative override' })],
    });
  });
});
