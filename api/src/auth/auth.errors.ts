import { HttpStatus } from '@nestjs/common';
import { FeatureError } from '../common/feature-error.js';

export enum AuthErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  TooManyAttempts = 'TOO_MANY_ATTEMPTS',
  MissingToken = 'MISSING_TOKEN',
  InvalidSession = 'INVALID_SESSION',
  Forbidden = 'FORBIDDEN',
}

const STATUS: Record<AuthErrorCode, HttpStatus> = {
  [AuthErrorCode.InvalidCredentials]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.TooManyAttempts]: HttpStatus.TOO_MANY_REQUESTS,
  [AuthErrorCode.MissingToken]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.InvalidSession]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
};

const MESSAGE: Record<AuthErrorCode, string> = {
  [AuthErrorCode.InvalidCredentials]: 'Wrong email or password',
  [AuthErrorCode.TooManyAttempts]: 'Too many failed sign-ins for this account; try again later',
  [AuthErrorCode.MissingToken]: 'Sign in first: a bearer token is required',
  [AuthErrorCode.InvalidSession]: 'The session has ended; sign in again',
  [AuthErrorCode.Forbidden]: 'Your role may not do this',
};

export class AuthError extends FeatureError<AuthErrorCode> {
  constructor(code: AuthErrorCode) {
    super(code, STATUS[code], MESSAGE[code]);
  }
}
