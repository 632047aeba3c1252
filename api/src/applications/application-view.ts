import type { Finding } from '@app/guidelines';
import type { ApplicationAction, ApplicationStatus } from '@app/workflow';
import type { Application } from './application.entity.js';

/** What everybody who may see the application sees: figures and states, no narrative. */
export interface ApplicationSummary {
  id: string;
  reference: string;
  caseId: string;
  caseReference: string;
  unitId: string;
  categoryCode: string;
  amountRequested: bigint;
  amountApproved: bigint | null;
  ordinaryFundingConsidered: boolean;
  urgent: boolean;
  lines: { quantity: number; unitAmount: number; description?: string | null }[];
  plannedSessionDates: string[];
  status: ApplicationStatus;
  findings: Finding[];
  guidelineId: string | null;
  guidelineVersion: string | null;
  submittedAt: Date | null;
  submittedBy: string | null;
  firstApprovedBy: string | null;
  firstApprovedAt: Date | null;
  firstApprovedAmount: bigint | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  overrides: { rule: string; by: string; at: string; justification?: string | null }[];
  paidAmount: bigint;
  /** What is granted and not yet paid. */
  unpaidAmount: bigint;
  budgetYearId: string | null;
  /**
   * How the grant is to be paid: for those with need to know and for finance, who pays it (absent for others).
   * Null when none was given or once purged.
   */
  paymentInstructions?: string | null;
  /** When the retention purge removed its narrative, thread and attachments: the narrative fields are then null. */
  purgedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
  /** The actions the reader may take now. */
  actions: ApplicationAction[];
  /** Display names of the staff who acted on it (staff names are not narrative). */
  names: Record<string, string>;
}

/** With the narrative, for the unit worker of the unit and the contact point, and audited when read. */
export interface ApplicationDetail extends ApplicationSummary {
  /** Null once purged. */
  justification: string | null;
  decisionReason: string | null;
  conditions: string | null;
}

export interface ViewContext {
  caseReference: string;
  guidelineVersion: string | null;
  actions: ApplicationAction[];
  names: Record<string, string>;
  /** Finance reading one grant to pay it: its line descriptions and payment instructions, no other narrative. */
  forPayment?: boolean;
}

/** The staff whose names an application's page shows. */
export const actorIds = (a: Application): string[] =>
  [a.createdBy, a.submittedBy, a.firstApprovedBy, a.decidedBy, ...a.overrides.map((o) => o.by)].filter(
    (id): id is string => !!id,
  );

export function toView(a: Application, ctx: ViewContext, narrative: false): ApplicationSummary;
export function toView(a: Application, ctx: ViewContext, narrative: true): ApplicationDetail;
export function toView(a: Application, ctx: ViewContext, narrative: boolean): ApplicationSummary | ApplicationDetail {
  const payment = narrative || ctx.forPayment === true;
  const summary: ApplicationSummary = {
    id: a.id,
    reference: a.reference,
    caseId: a.caseId,
    caseReference: ctx.caseReference,
    unitId: a.unitId,
    categoryCode: a.categoryCode,
    amountRequested: a.amountRequested,
    amountApproved: a.amountApproved,
    ordinaryFundingConsidered: a.ordinaryFundingConsidered,
    urgent: a.urgent,
    lines: a.lines.map((l) => ({
      quantity: l.quantity,
      unitAmount: l.unitAmount,
      ...(payment ? { description: l.description } : {}),
    })),
    plannedSessionDates: a.plannedSessionDates,
    status: a.status,
    findings: a.findings,
    guidelineId: a.guidelineId,
    guidelineVersion: ctx.guidelineVersion,
    submittedAt: a.submittedAt,
    submittedBy: a.submittedBy,
    firstApprovedBy: a.firstApprovedBy,
    firstApprovedAt: a.firstApprovedAt,
    firstApprovedAmount: a.firstApprovedAmount,
    decidedAt: a.decidedAt,
    decidedBy: a.decidedBy,
    overrides: a.overrides.map((o) => ({
      rule: o.rule,
      by: o.by,
      at: o.at,
      ...(narrative ? { justification: o.justification } : {}),
    })),
    paidAmount: a.paidAmount,
    unpaidAmount: unpaid(a),
    budgetYearId: a.budgetYearId,
    ...(payment ? { paymentInstructions: a.paymentInstructions } : {}),
    purgedAt: a.purgedAt,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    createdBy: a.createdBy,
    actions: ctx.actions,
    names: Object.fromEntries(actorIds(a).flatMap((id) => (ctx.names[id] ? [[id, ctx.names[id]]] : []))),
  };
  if (!narrative) return summary;
  return { ...summary, justification: a.justification, decisionReason: a.decisionReason, conditions: a.conditions };
}

/** Granted and not yet paid: what the grant still holds committed. */
export function unpaid(a: Pick<Application, 'status' | 'amountApproved' | 'paidAmount'>): bigint {
  return ['approved', 'partially_approved'].includes(a.status) && a.amountApproved !== null
    ? a.amountApproved - a.paidAmount
    : 0n;
}
