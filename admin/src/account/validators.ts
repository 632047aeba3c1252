import { isRecoveryCode, isTotpCode } from './totp';

// react-admin validators of the code inputs; an empty field is left to required().

export const totpCodeFormat = (value: unknown): string | undefined =>
  typeof value !== 'string' || value.trim() === '' || isTotpCode(value) ? undefined : 'app.validation.totp_code';

export const recoveryCodeFormat = (value: unknown): string | undefined =>
  typeof value !== 'string' || value.trim() === '' || isRecoveryCode(value)
    ? undefined
    : 'app.validation.recovery_code';
