export const SEVERITIES = ['block', 'warn', 'info'] as const;
/** block: cannot submit or approve; warn: the contact point may override with a written reason; info: for the record. */
export type Severity = (typeof SEVERITIES)[number];

export const CASE_STATUSES = ['assessment', 'active', 'completed', 'discontinued', 'refused'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const UNIT_LABELS = ['night', 'session', 'item'] as const;
export type UnitLabel = (typeof UNIT_LABELS)[number];

export const DOCUMENT_KINDS = ['quote', 'invoice'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type AttachmentKind = DocumentKind | 'other';

export interface Finding {
  /** stable kebab-case id of the rule, e.g. `amount-per-application` */
  rule: string;
  severity: Severity;
  /** English */
  message: string;
  /** Danish */
  messageDa: string;
  /** In Finnish; absent from findings kept from before Finnish was a language of the product. */
  messageFi?: string;
}

/** One category's limits in a guideline version; amounts in minor units (øre). */
export interface CategoryRules {
  categoryCode: string;
  maxPerApplication: bigint;
  maxPerCase: bigint;
  /** per night or per session (per `unitLabel`) */
  maxUnitAmount: bigint;
  unitLabel: UnitLabel;
  maxUnitsPerApplication: number;
  secondApprovalAbove: bigint;
  requiredDocuments: DocumentKind[];
  allowedCaseStatuses: CaseStatus[];
  agreementRequired: boolean;
  /** an `urgent` application may come before the cooperation agreement (safety first) */
  urgentMayPrecedeAgreement: boolean;
  minSessionSpacingDays?: number;
}

export interface Guideline {
  id: string;
  version: string;
  /** ISO date, YYYY-MM-DD */
  effectiveFrom: string;
  categories: CategoryRules[];
  minAge: number;
  maxCourseMonths: number;
}

export interface ApplicationLine {
  description: string;
  quantity: number;
  unitAmount: bigint;
}

export interface ApplicationInput {
  categoryCode: string;
  amountRequested: bigint;
  /**
   * At an approval, the amount being granted: less than requested for a
   * partial grant. The money rules weigh it; the cost lines describe the request.
   */
  amountToGrant?: bigint;
  urgent: boolean;
  ordinaryFundingConsidered: boolean;
  lines: ApplicationLine[];
  attachmentKinds: AttachmentKind[];
  /** ISO dates of the sessions this application pays for */
  plannedSessionDates?: string[];
}

export interface CaseFacts {
  status: CaseStatus;
  birthYear: number | null;
  /** ISO dates */
  consentRecordedOn: string | null;
  /**
   * The parties the consent covers now (police, municipality, prison_probation, ngo); null when
   * none is recorded, empty once withdrawn from all. Left out, the rule looks at the date only.
   */
  consentParties?: readonly string[] | null;
  agreementSignedOn: string | null;
  programmeStart: string | null;
}

export interface EvaluationContext {
  /** ISO date the evaluation is made on; the engine never reads the clock */
  today: string;
  case: CaseFacts;
  /** earlier grants of the same case and category still standing, excluding this application */
  grantedForCaseAndCategory: bigint;
  /** money left in the pool; null = unknown, which gives an info finding */
  poolAvailable: bigint | null;
  /** ISO dates of sessions already held or granted for this case and category */
  previousSessionDates?: string[];
  unitAllocationRemaining?: bigint | null;
  /** The parties of the workers who wrote and submitted the application: the consent must cover each. */
  involvedParties?: readonly string[];
  /** ISO 4217 code used in messages; default DKK */
  currency?: string;
}

/** What a rule looks at. `category` is undefined when the guideline does not cover the category. */
export interface RuleInput {
  application: ApplicationInput;
  context: EvaluationContext;
  guideline: Guideline;
  category: CategoryRules | undefined;
}

/** A rule is a plain function: a finding, or null when the application passes it. */
export type Rule = (input: RuleInput) => Finding | null;
