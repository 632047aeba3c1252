import { RECOVERY_CODE_COUNT } from '@app/contract';
import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';

// RFC 6238 as authenticator apps expect it (SHA-1, 6 digits, 30 s), one step of clock drift either way.
const PERIOD = 30;
export const TOTP_ISSUER = 'Exit Pool';
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A new base32 secret of 160 random bits. */
export const newTotpSecret = (): string => generateSecret();

export const totpUri = (secret: string, email: string): string =>
  generateURI({ issuer: TOTP_ISSUER, label: email, secret });

/**
 * The time step of a code that is valid now (±1 step) and newer than the last
 * accepted one, or null. A code is accepted at most once.
 */
export async function checkTotp(
  secret: string,
  code: string,
  lastStep: number | null,
  epoch = Math.floor(Date.now() / 1000),
): Promise<number | null> {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  // otplib refuses an afterTimeStep beyond the window; no code can be newer than it anyway
  if (lastStep !== null && lastStep >= Math.floor(epoch / PERIOD) + 1) return null;
  const result = await verify({
    secret,
    token,
    epoch,
    epochTolerance: PERIOD,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  });
  // the functional verify answers HOTP's result type too; a TOTP result carries its step
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Ten one-time codes of 50 random bits each, `xxxxx-xxxxx` in lowercase base32. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = [...randomBytes(10)].map((b) => BASE32[b & 31]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export type SecondFactorInput = { kind: 'totp'; code: string } | { kind: 'recovery'; code: string };

/**
 * What a sign-in's `totp` holds: six digits, or a recovery code in any case,
 * with or without the dash and spaces (normalised to the 10 characters that are hashed).
 */
export function readSecondFactor(input: string): SecondFactorInput | null {
  const compact = input.replace(/[\s-]/g, '').toLowerCase();
  if (/^\d{6}$/.test(compact)) return { kind: 'totp', code: compact };
  if (/^[a-z2-7]{10}$/.test(compact)) return { kind: 'recovery', code: compact };
  return null;
}
