import { HttpStatus } from '@nestjs/common';
import { FeatureError } from '../common/feature-error.js';

export enum AuthErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  TooManyAttempts = 'TOO_MANY_ATTEMPTS',
  MissingToken = 'MISSING_TOKEN',
  InvalidSession = 'INVALID_SESSION',
  Forbidden = 'FORBIDDEN',
  TotpRequired = 'AUTH_TOTP_REQUIRED',
  TotpEnrolmentRequired = 'AUTH_TOTP_ENROLMENT_REQUIRED',
  TotpAlreadyEnabled = 'TOTP_ALREADY_ENABLED',
  TotpSetupNotStarted = 'TOTP_SETUP_NOT_STARTED',
  TotpNotEnabled = 'TOTP_NOT_ENABLED',
}

const STATUS: Record<AuthErrorCode, HttpStatus> = {
  [AuthErrorCode.InvalidCredentials]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.TooManyAttempts]: HttpStatus.TOO_MANY_REQUESTS,
  [AuthErrorCode.MissingToken]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.InvalidSession]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [AuthErrorCode.TotpRequired]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.TotpEnrolmentRequired]: HttpStatus.FORBIDDEN,
  [AuthErrorCode.TotpAlreadyEnabled]: HttpStatus.CONFLICT,
  [AuthErrorCode.TotpSetupNotStarted]: HttpStatus.CONFLICT,
  [AuthErrorCode.TotpNotEnabled]: HttpStatus.CONFLICT,
};

const MESSAGE: Record<AuthErrorCode, string> = {
  [AuthErrorCode.InvalidCredentials]: 'Wrong email or password',
  [AuthErrorCode.TooManyAttempts]: 'Too many failed sign-ins for this account; try again later',
  [AuthErrorCode.MissingToken]: 'Sign in first: a bearer token is required',
  [AuthErrorCode.InvalidSession]: 'The session has ended; sign in again',
  [AuthErrorCode.Forbidden]: 'Your role may not do this',
  [AuthErrorCode.TotpRequired]: 'Enter the code from your authenticator app',
  [AuthErrorCode.TotpEnrolmentRequired]: 'Set up a second factor (an authenticator app) before you go on',
  [AuthErrorCode.TotpAlreadyEnabled]: 'The second factor is already on; turn it off before setting up a new one',
  [AuthErrorCode.TotpSetupNotStarted]: 'Start the set-up of the second factor first',
  [AuthErrorCode.TotpNotEnabled]: 'The second factor is not on',
};

export class AuthError extends FeatureError<AuthErrorCode> {
  constructor(code: AuthErrorCode) {
    super(code, STATUS[code], MESSAGE[code]);
  }
}

/** 429 for an account that has used up its sign-in attempts; says when the next one is allowed. */
export class ThrottledError extends AuthError {
  constructor(readonly retryAfterSeconds: number) {
    super(AuthErrorCode.TooManyAttempts);
  }
}
