import type { Application, Finding, Notification } from '../types';

// Records as the API sends them, for the component tests: invented ids and references.

/** The demo guideline's warning on an application above its category's limit. */
export const OVER_LIMIT: Finding = {
  rule: 'amount-per-application',
  severity: 'warn',
  message: 'DKK 25,000.00 is above the limit of DKK 20,000.00 per application',
  messageDa: '25.000,00 kr. er over grænsen på 20.000,00 kr. pr. ansøgning',
};

/** An urgent relocation of DKK 25,000 in review, with the over-limit warning; approve is its action. */
export const inReviewApplication = (changes: Partial<Application> = {}): Application => ({
  id: 'a7c1d9e0-5b2f-4f7e-8a43-6d0e1f2a3b4c',
  reference: 'KBH-2026-014-1',
  caseId: 'c1f2e3d4-0a1b-4c2d-8e3f-405162738495',
  caseReference: 'KBH-2026-014',
  unitId: 'u0a1b2c3-d4e5-4f60-8172-839405162738',
  categoryCode: 'relocation',
  amountRequested: 2500000,
  amountApproved: null,
  ordinaryFundingConsidered: true,
  urgent: true,
  lines: [],
  status: 'in_review',
  findings: [OVER_LIMIT],
  guidelineId: 'g0a1b2c3-d4e5-4f60-8172-839405162738',
  guidelineVersion: '2026.1',
  submittedAt: '2026-11-30T09:12:00.000Z',
  submittedBy: 'w0a1b2c3-d4e5-4f60-8172-839405162738',
  decidedAt: null,
  decidedBy: null,
  firstApprovedBy: null,
  firstApprovedAt: null,
  overrides: [],
  paidAmount: 0,
  createdAt: '2026-11-29T14:00:00.000Z',
  updatedAt: '2026-11-30T09:12:00.000Z',
  createdBy: 'w0a1b2c3-d4e5-4f60-8172-839405162738',
  actions: ['approve'],
  ...changes,
});

/** A notification as the API sends it: information requested on an application of the user's unit, unread. */
export const notification = (changes: Partial<Notification> = {}): Notification => ({
  id: 'n0a1b2c3-d4e5-4f60-8172-839405162701',
  event: 'information_requested',
  reference: 'KBH-2026-014-A1',
  urgent: false,
  resource: 'applications',
  recordId: 'a7c1d9e0-5b2f-4f7e-8a43-6d0e1f2a3b4c',
  createdAt: '2026-12-03T10:00:00.000Z',
  readAt: null,
  ...changes,
});
