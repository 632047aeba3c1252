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
  lines: { quantity: number; unitAmount: number; description?: string }[];
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
  overrides: { rule: string; by: string; at: string; justification?: string }[];
  paidAmount: bigint;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
  /** The actions the reader may take now. */
  actions: ApplicationAction[];
}

/** With the narrative, for the unit worker of the unit and the contact point, and audited when read. */
export interface ApplicationDetail extends ApplicationSummary {
  justification: string;
  decisionReason: string | null;
  conditions: string | null;
}

export interface ViewContext {
  caseReference: string;
  guidelineVersion: string | null;
  actions: ApplicationAction[];
}

export function toView(a: Application, ctx: ViewContext, narrative: false): ApplicationSummary;
export function toView(a: Application, ctx: ViewContext, narrative: true): ApplicationDetail;
export function toView(a: Application, ctx: ViewContext, narrative: boolean): ApplicationSummary | ApplicationDetail {
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
      ...(narrative ? { description: l.description } : {}),
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
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    createdBy: a.createdBy,
    actions: ctx.actions,
  };
  if (!narrative) return summary;
  return { ...summary, justification: a.justification, decisionReason: a.decisionReason, conditions: a.conditions };
}
