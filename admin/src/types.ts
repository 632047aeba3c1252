import type {
  CaseConsent,
  DisbursementRecord,
  Party,
  UnitParty,
  EmailDeliveryStatus,
  Grouping,
  PayeeType,
  Role,
  SessionUser,
  StoredCategoryRules as CategoryRulesRecord,
} from '@app/contract';
import type { Finding } from '@app/guidelines';
import type { ApplicationAction as WorkflowAction, ApplicationStatus } from '@app/workflow';

export type { ErrorBody, LoginResponse, Role, SessionUser, TotpSetup, TotpStatus } from '@app/contract';
export { GROUPINGS, PARTIES, PAYEE_TYPES, ROLES, UNIT_PARTIES } from '@app/contract';
export type { CaseConsent, Party, UnitParty } from '@app/contract';
export type { AdviceAction, AdviceStatus, AdviceTopic } from '@app/contract';
import type { AdviceRequestDetail } from '@app/contract';
/** An advice request as the UI reads it: a list's row lacks `question` and `messages`. */
export type AdviceRequest = Omit<AdviceRequestDetail, 'question' | 'messages'> &
  Partial<Pick<AdviceRequestDetail, 'question' | 'messages'>>;
export type { AdviceMessageRecord as AdviceMessage } from '@app/contract';
export type {
  AuditActor,
  PayeeType,
  Grouping,
  ProcessingFigures,
  ProcessingReport,
  SpendingReport,
  SpendingRow,
  StoredCategoryRules as CategoryRulesRecord,
} from '@app/contract';

// Records as the admin UI reads them from the API (see /api/docs for the full shape).

export interface Unit {
  id: string;
  code: string;
  name: string;
  active: boolean;
  /** the parties the unit is made of */
  parties: UnitParty[];
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  /** `national` for the national roles; a unit worker's one of the unit's parties */
  party: Party;
  active: boolean;
  /** the user has a second factor (an authenticator app) */
  totpEnabled?: boolean;
}

export interface Category {
  id: string;
  code: string;
  /** The Danish name. */
  name: string;
  /** The English name, if given. */
  nameEn?: string | null;
  /** The Finnish name, if given. */
  nameFi?: string | null;
  active: boolean;
}

export interface AuditEvent {
  id: string;
  /** Its place in the hash chain: 1, 2, 3, … */
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** The actor's display name; null for the system or an account since removed. */
  actorName: string | null;
  /** The record's reference (`KBH-2026-014-A1`), code, version, year or name; a payment's or document's application's. */
  entityReference: string | null;
  /** The application of a payment or a document. */
  applicationId: string | null;
}

/** What `authProvider.getIdentity()` answers. */
export interface Identity extends SessionUser {
  fullName: string;
}

// Money is an integer number of minor units (øre) in JSON; dates are ISO `YYYY-MM-DD`.

export type CaseStatus = 'assessment' | 'active' | 'completed' | 'discontinued' | 'refused';

/** The unit's admission assessment of a case (GET/PUT /api/cases/:id/assessment): narrative. */
export interface Assessment {
  caseId: string;
  pushFactors: string | null;
  pullFactors: string | null;
  ownExplanation: string | null;
  helpWished: string | null;
  fearAlone: boolean | null;
  understandsLeaving: string | null;
  understandsLifestyle: string | null;
  stepsTaken: string | null;
  willToCooperate: string | null;
  decision: 'admitted' | 'refused' | null;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  missing: string[];
  purgedAt: string | null;
}

export type AdmissionReviewStatus = 'requested' | 'in_review' | 'info_requested' | 'upheld' | 'admitted';
export type AdmissionReviewAction = 'start-review' | 'request-info' | 'answer' | 'uphold' | 'admit';

export interface AdmissionReview {
  id: string;
  caseId: string;
  caseReference: string;
  unitId: string;
  status: AdmissionReviewStatus;
  requestedOn: string;
  requestedBy: string;
  /** on one review's read only */
  assessment?: Assessment;
  decisionReason?: string | null;
  messages?: { id: string; authorId: string; authorName: string; kind: string; body: string; createdAt: string }[];
  decidedBy: string | null;
  decidedAt: string | null;
  actions: AdmissionReviewAction[];
  createdAt: string;
  updatedAt: string;
  purgedAt: string | null;
}

/** GET /api/reports/admission-reviews: per year of the request; null where withheld. */
export interface AdmissionStatistics {
  threshold: number;
  years: {
    year: number;
    requested: number | null;
    upheld: number | null;
    admitted: number | null;
    open: number | null;
    medianDaysToDecision: number | null;
    suppressed: boolean;
  }[];
}

export interface Case {
  id: string;
  reference: string;
  unitId: string;
  status: CaseStatus;
  birthYear: number | null;
  consentRecordedOn: string | null;
  agreementSignedOn: string | null;
  programmeStart: string | null;
  /** the candidate's consent: the parties it covers, given on, withdrawn on; null until recorded */
  consent: CaseConsent | null;
  /** the party of the worker who registered the case: the one party that sees it before consent */
  openedParty: UnitParty;
  /** the unit's parties whose workers may see the case now */
  accessParties: UnitParty[];
  createdAt: string;
  updatedAt: string;
  /** when the retention purge removed the birth year and dates (all its applications were purged) */
  purgedAt?: string | null;
}

export type GuidelineStatus = 'draft' | 'published' | 'retired';
export type UnitLabel = 'night' | 'session' | 'item';
export type DocumentKind = 'quote' | 'invoice';

export interface GuidelineRecord {
  id: string;
  version: string;
  effectiveFrom: string;
  status: GuidelineStatus;
  minAge: number;
  maxCourseMonths: number;
  categories: CategoryRulesRecord[];
  publishedAt: string | null;
  publishedBy: string | null;
  createdAt: string;
}

export type { ApplicationStatus } from '@app/workflow';
/** The workflow's actions plus the year-end carry-over of a grant's unpaid money to the next budget year. */
export type ApplicationAction = WorkflowAction | 'carry-over';
export type { Finding, Severity } from '@app/guidelines';

export interface ApplicationLineRecord {
  /** narrative: absent in lists and for finance and admin; null once purged */
  description?: string | null;
  quantity: number;
  unitAmount: number;
}

export interface Override {
  rule: string;
  /** narrative; null once purged */
  justification?: string | null;
  by: string;
  at: string;
}

export interface Application {
  id: string;
  reference: string;
  caseId: string;
  caseReference: string;
  unitId: string;
  categoryCode: string;
  amountRequested: number;
  amountApproved: number | null;
  /** narrative: only in getOne, and only for unit workers and contact points; null once purged */
  justification?: string | null;
  ordinaryFundingConsidered: boolean;
  urgent: boolean;
  lines: ApplicationLineRecord[];
  plannedSessionDates?: string[];
  status: ApplicationStatus;
  findings: Finding[];
  guidelineId: string | null;
  guidelineVersion: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  firstApprovedBy: string | null;
  firstApprovedAt: string | null;
  /** what the first of two approvers granted */
  firstApprovedAmount?: number | null;
  /** narrative */
  decisionReason?: string | null;
  /** narrative */
  conditions?: string | null;
  /** How the grant is to be paid: sent to those with need to know and to finance reading one grant. */
  paymentInstructions?: string | null;
  overrides?: Override[];
  paidAmount: number;
  /** amountApproved − paidAmount while the grant is open, else 0 */
  unpaidAmount?: number;
  /** the budget year the grant draws on (set when approved) */
  budgetYearId?: string | null;
  /** when the retention purge removed its narrative, messages and documents; the narrative fields are then null */
  purgedAt?: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  /** what the signed-in user may do with it now */
  actions: ApplicationAction[];
  /** display names of the staff who acted on it, by user id */
  names?: Record<string, string>;
}

export type MessageKind = 'question' | 'answer' | 'withdrawal' | 'decision';

export interface ApplicationMessage {
  id: string;
  applicationId: string;
  authorId: string;
  authorName: string;
  authorRole: Role;
  kind: MessageKind;
  body: string;
  createdAt: string;
}

export type AttachmentKind = 'quote' | 'invoice' | 'other';

export interface Attachment {
  id: string;
  applicationId: string;
  kind: AttachmentKind;
  fileName: string;
  mediaType: string;
  size: number;
  createdAt: string;
  uploadedBy: string;
}

export type BudgetYearStatus = 'open' | 'closed';

export interface UnitAllocation {
  unitId: string;
  amount: number;
}

export interface UnitFigures {
  unitId: string;
  /** the unit's indicative share of the pool; null when none was set */
  allocation: number | null;
  committed: number;
  disbursed: number;
}

/** A year's pool. A unit worker receives their own unit only in `allocations` and `byUnit`. */
export interface BudgetYear {
  id: string;
  year: number;
  poolAmount: number;
  /** granted and not yet paid */
  committed: number;
  /** paid, net of refunds */
  disbursed: number;
  /** poolAmount − committed − disbursed */
  available: number;
  status: BudgetYearStatus;
  closedAt: string | null;
  allocations: UnitAllocation[];
  byUnit: UnitFigures[];
}

/** A payment out of a grant, or (negative amount) a refund into it, as the UI reads it. */
export type Disbursement = DisbursementRecord;

export interface DisbursementInput {
  applicationId: string;
  amount: number;
  paidOn: string;
  payeeType?: PayeeType;
  payeeReference?: string;
  accountCode?: string;
}

// Reports (GET /api/reports/*): money in minor units, as everywhere.

/** The year's pool from its postings; a unit worker receives their own unit's figures and the pool's size and rest. */
export interface PoolReport {
  year: number;
  poolAmount: number;
  committed: number;
  disbursed: number;
  available: number;
  byUnit: {
    unitId: string;
    unitCode: string;
    unitName: string;
    allocation: number | null;
    committed: number;
    disbursed: number;
  }[];
  byCategory: { categoryCode: string; committed: number; disbursed: number }[];
}

/** A budget year (its grants and their payments) or a period of posting dates, grouped and filtered. */
export interface SpendingQuery {
  year?: number;
  from?: string;
  to?: string;
  groupBy?: Grouping[];
  unitId?: string;
  categoryCode?: string;
}

export type CsvDelimiter = ';' | ',';

// Notifications (issue 13): what happened and where, never what was written.

/** What a notification says happened (the API's vocabulary); the UI words it in the user's language with the reference. */
export { NOTIFICATION_EVENTS, type NotificationEvent } from '@app/contract';

/** One of the signed-in user's own notifications; `resource` + `recordId` is the record's show page. */
export interface Notification {
  id: string;
  /** a NotificationEvent; a code the UI does not know yet is shown as it comes */
  event: string;
  /** the application's reference, or the locked user's e-mail address for `account_locked` */
  reference: string | null;
  urgent: boolean;
  resource: string | null;
  recordId: string | null;
  createdAt: string;
  readAt: string | null;
}

/** How the user wants e-mail, the language of their e-mails, and an outbox e-mail's state: the API's vocabulary. */
export {
  EMAIL_PREFERENCES as EMAIL_CHOICES,
  type EmailDeliveryStatus,
  type EmailPreference as EmailChoice,
  type Preferences,
} from '@app/contract';

/** An e-mail of the outbox, as admins see the failed ones; a digest has event `digest` and no reference. */
export interface EmailDelivery {
  id: string;
  event: string;
  reference: string | null;
  recipient: string;
  status: EmailDeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** `case-transfers`: a case handed from one unit to another (issue 14); the reasons are narrative. */
export interface CaseTransfer {
  id: string;
  caseId: string;
  caseReference: string;
  fromUnitId: string;
  toUnitId: string;
  status: 'proposed' | 'accepted' | 'declined';
  /** a contact point's transfer, accepted at once */
  direct: boolean;
  reason: string | null;
  decisionReason: string | null;
  proposedBy: string;
  proposedByName: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** `case-units`: one stretch of a case's history of units. */
export interface CaseUnitStretch {
  id: string;
  caseId: string;
  unitId: string;
  since: string;
  /** null while the case is with this unit */
  until: string | null;
  transferId: string | null;
}
