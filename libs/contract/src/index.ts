// Shared vocabulary of the HTTP contract, used by the API and the admin UI.
export const ROLES = ['unit_worker', 'contact_point', 'finance', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  unitId: string | null;
}

export interface LoginResponse {
  accessToken: string;
  user: SessionUser;
}

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  errors?: Record<string, string>;
}

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
