import type { CaseStatus, DocumentKind, UnitLabel } from '@app/guidelines';
import type { Role } from './index.js';

// Records the API answers and the UI reads, declared once. Where a record holds
// money, `Money` is the API's `bigint` and the wire's JSON number of minor units.

/** One category's limits in a guideline version, as stored and sent: amounts in integer minor units. */
export interface StoredCategoryRules {
  categoryCode: string;
  maxPerApplication: number;
  maxPerCase: number;
  maxUnitAmount: number;
  unitLabel: UnitLabel;
  maxUnitsPerApplication: number;
  secondApprovalAbove: number;
  requiredDocuments: DocumentKind[];
  allowedCaseStatuses: CaseStatus[];
  agreementRequired: boolean;
  urgentMayPrecedeAgreement: boolean;
  minSessionSpacingDays: number | null;
}

/** How the spending report groups its rows, in the order of its columns. */
export const GROUPINGS = ['unit', 'category', 'month', 'quarter'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** A row of the spending report: the money of its group (unit, category, month or quarter). */
export interface SpendingRow<Money = number> {
  unitCode?: string;
  unitName?: string;
  categoryCode?: string;
  categoryName?: string;
  /** `YYYY-MM` of the postings */
  month?: string;
  /** `YYYY-Qn` of the postings */
  quarter?: string;
  /** in a month or quarter: the change of what is committed, negative when more was paid than granted */
  committed: Money;
  disbursed: Money;
}

/** The spending report: the money of the postings, by the groupings asked for. */
export interface SpendingReport<Money = number> {
  year: number | null;
  from: string | null;
  to: string | null;
  groupBy: Grouping[];
  unitId: string | null;
  categoryCode: string | null;
  rows: SpendingRow<Money>[];
  totals: { committed: Money; disbursed: Money };
}

/** How applications were decided in a year (the processing report). */
export interface ProcessingFigures<Money = number> {
  /** applications decided in the year: approved (fully or partly, since paid or cancelled too) or rejected */
  decided: number;
  approved: number;
  rejected: number;
  /** approved / decided, to four decimals; null when nothing was decided */
  approvalRate: number | null;
  /** days from submission to decision, to one decimal */
  medianDays: number | null;
  p90Days: number | null;
  /** distinct cases with a grant */
  grantedCases: number;
  /** the grants' amounts over those cases, in minor units, rounded to the nearest */
  averageGrantPerCase: Money | null;
}

/** The processing report of a year: overall, urgent and ordinary applications, and per category. */
export interface ProcessingReport<Money = number> {
  year: number;
  overall: ProcessingFigures<Money>;
  urgent: ProcessingFigures<Money>;
  ordinary: ProcessingFigures<Money>;
  byCategory: (ProcessingFigures<Money> & { categoryCode: string })[];
}

/** Who a payment went to. */
export const PAYEE_TYPES = ['clinic', 'landlord', 'psychologist', 'municipality', 'other'] as const;
export type PayeeType = (typeof PAYEE_TYPES)[number];

/**
 * A payment out of a grant, or (negative amount) a refund into it. Never
 * changed or deleted. `Moment` is a `Date` in the API, its ISO text on the wire.
 */
export interface DisbursementRecord<Money = number, Moment = string> {
  id: string;
  applicationId: string;
  applicationReference: string;
  unitId: string;
  budgetYearId: string;
  year: number;
  categoryCode: string;
  amount: Money;
  paidOn: string;
  payeeType: PayeeType;
  payeeReference: string | null;
  accountCode: string | null;
  recordedBy: string;
  recordedByName: string;
  createdAt: Moment;
}

/** Who may be chosen in the audit log's user filter (`GET /api/audit-events/actors`). */
export interface AuditActor {
  id: string;
  displayName: string;
  role: Role;
  active: boolean;
}
