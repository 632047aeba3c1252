// Shared vocabulary of the HTTP contract, used by the API and the admin UI.
export const ROLES = ['unit_worker', 'contact_point', 'finance', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who a user works for (issue 15): a unit is made of parties; the national roles are `national`. */
export const PARTIES = ['police', 'municipality', 'prison_probation', 'ngo', 'national'] as const;
export type Party = (typeof PARTIES)[number];
/** The parties a unit, and so a case's consent, can be made of. */
export const UNIT_PARTIES = ['police', 'municipality', 'prison_probation', 'ngo'] as const;
export type UnitParty = (typeof UNIT_PARTIES)[number];

/** `cases.consent`: the parties the candidate's consent covers now, when given, and when last withdrawn (from some or all). */
export interface CaseConsent {
  parties: UnitParty[];
  givenOn: string;
  withdrawnOn: string | null;
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  party: Party;
}

export interface LoginResponse {
  accessToken: string;
  user: SessionUser;
}

/** What failed on one field of a 400: `required`, `unknownField`, `notNull`, or the rule's name (`maxLength`, …). */
export interface FieldProblem {
  code: string;
  /** The rule's limits where they are plain values: `[2000]` for maxLength, the allowed values for isIn. */
  args?: (string | number | (string | number)[])[];
}

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  errors?: Record<string, string>;
  /** Each bad field's failing rule and its limits (a 400 from validation), to word it by. */
  codes?: Record<string, FieldProblem>;
  /** A feature's name for the refusal; the UI words it in the user's language by this code. */
  code?: string;
}

/**
 * The refusals any route can answer: a bad value of a named field (400, with `errors`), a value
 * that must be unique and is taken (409, with `errors`), a record that is not there or not
 * visible to the user (404).
 */
export const COMMON_ERROR_CODES = ['INVALID_FIELD', 'UNIQUE_CONFLICT', 'NOT_FOUND'] as const;
export type CommonErrorCode = (typeof COMMON_ERROR_CODES)[number];

/**
 * The codes of the refusals a workflow action can meet (`code` of a 400/403/404/409): the common
 * ones, an application's own rules, the pool's money, the retention purge, advice requests, admission reviews
 * and a case's transfer. The UI translates each; any other code falls back to the API's English `message`.
 */
export const WORKFLOW_ERROR_CODES = [
  ...COMMON_ERROR_CODES,
  'APPLICATION_WRONG_STATUS',
  'APPLICATION_BLOCKED_BY_FINDINGS',
  'APPLICATION_WARNINGS_NOT_OVERRIDDEN',
  'APPLICATION_OWN',
  'APPLICATION_SAME_APPROVER',
  'APPLICATION_SECOND_AMOUNT_DIFFERS',
  'APPLICATION_NOT_YOUR_ROLE',
  'LEDGER_NO_OPEN_YEAR',
  'LEDGER_YEAR_CLOSED',
  'LEDGER_POOL_SHORT',
  'LEDGER_POOL_BELOW_USE',
  'LEDGER_OPEN_COMMITMENTS',
  'LEDGER_YEAR_EXISTS',
  'RETENTION_APPLICATION_PURGED',
  'RETENTION_CASE_PURGED',
  'CASE_CONSENT_NOT_RECORDED',
  'ADVICE_WRONG_STATUS',
  'ADMISSION_CASE_WRONG_STATUS',
  'ADMISSION_ASSESSMENT_INCOMPLETE',
  'ADMISSION_REVIEW_WRONG_STATUS',
  'ADMISSION_REVIEW_EXISTS',
  'ADMISSION_FOUR_EYES',
  'CASE_TRANSFER_WRONG_STATUS',
  'CASE_TRANSFER_ALREADY_PROPOSED',
  'CASE_TRANSFER_CASE_CLOSED',
  'CASE_TRANSFER_NOT_RECEIVING',
] as const;
export type WorkflowErrorCode = (typeof WORKFLOW_ERROR_CODES)[number];

export const isWorkflowErrorCode = (code: unknown): code is WorkflowErrorCode =>
  typeof code === 'string' && (WORKFLOW_ERROR_CODES as readonly string[]).includes(code);

export interface LoginRequest {
  email: string;
  password: string;
  /** A six-digit code from the authenticator app, or a recovery code (`xxxxx-xxxxx`). */
  totp?: string;
}

/** The `code` of error bodies the UI acts on when signing in and enrolling. */
export const AUTH_ERROR_CODES = {
  invalidCredentials: 'INVALID_CREDENTIALS',
  tooManyAttempts: 'TOO_MANY_ATTEMPTS',
  totpRequired: 'AUTH_TOTP_REQUIRED',
  totpEnrolmentRequired: 'AUTH_TOTP_ENROLMENT_REQUIRED',
  totpAlreadyEnabled: 'TOTP_ALREADY_ENABLED',
  totpSetupNotStarted: 'TOTP_SETUP_NOT_STARTED',
  totpNotEnabled: 'TOTP_NOT_ENABLED',
} as const;
export type AuthErrorCodeValue = (typeof AUTH_ERROR_CODES)[keyof typeof AUTH_ERROR_CODES];

/** `GET /api/auth/totp` */
export interface TotpStatus {
  enabled: boolean;
  /** The user's role is in MFA_REQUIRED_ROLES. */
  required: boolean;
  recoveryCodesLeft: number;
}

/** `POST /api/auth/totp/setup` */
export interface TotpSetup {
  /** Base32, for manual entry. */
  secret: string;
  otpauthUri: string;
  /** `data:image/png;base64,...` */
  qrCode: string;
}

/** `POST /api/auth/totp/confirm` answers the recovery codes once. */
export interface TotpConfirmation {
  recoveryCodes: string[];
}

export const RECOVERY_CODE_COUNT = 10;

/**
 * What is wrong at the first broken link of the audit chain:
 * `changed` (the event no longer gives its stored hash), `missing` (sequence numbers skipped: events
 * deleted), `unlinked` (it does not carry the previous event's hash), `out_of_order` (not numbered
 * above the event before), `checkpoint` (not the hash a checkpoint wrote down, or that event is gone).
 */
export const AUDIT_CHAIN_PROBLEMS = ['changed', 'missing', 'unlinked', 'out_of_order', 'checkpoint'] as const;
export type AuditChainProblem = (typeof AUDIT_CHAIN_PROBLEMS)[number];

export interface AuditChainBreak {
  seq: number;
  /** The event's id; null when the event a checkpoint names is gone. */
  id: string | null;
  problem: AuditChainProblem;
  /** For `missing`: the first sequence number that is not there. */
  missingFrom?: number;
}

/** `GET /api/audit-events/verify`: the head of a whole chain (null when empty), or its first broken link. */
export type AuditVerification =
  { ok: true; events: number; head: string | null } | { ok: false; events: number; brokenAt: AuditChainBreak };
export * from './records.js';
export * from './notifications.js';
export * from './installation.js';
export * from './advice.js';
