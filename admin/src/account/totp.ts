// Pure helpers of the second factor: what the user types, how the secret and
// the recovery codes are laid out. No React here, so the rules stay readable.

const WHITESPACE = /\s+/g;

/** The base32 secret in groups of four (`ABCD EFGH ...`), easier to type into an app by hand. */
export const groupSecret = (secret: string, size = 4): string =>
  (secret.replace(WHITESPACE, '').match(new RegExp(`.{1,${size}}`, 'g')) ?? []).join(' ');

/** What the user typed as a six-digit code, without the spaces some apps show (`123 456`). */
export const normalizeTotpCode = (input: string): string => input.replace(WHITESPACE, '');

export const isTotpCode = (input: string): boolean => /^\d{6}$/.test(normalizeTotpCode(input));

/**
 * A recovery code as the API issues it (`abcde-fghij`): the user may type it in
 * capitals, with spaces or without the dash.
 */
export const normalizeRecoveryCode = (input: string): string => {
  // Dashes of any kind: a code copied from a word processor may carry an en dash.
  const bare = input.replace(/[\s\-\u2010-\u2015\u2212]+/g, '').toLowerCase();
  return bare.length === 10 ? `${bare.slice(0, 5)}-${bare.slice(5)}` : bare;
};

export const isRecoveryCode = (input: string): boolean =>
  /^[a-z2-7]{5}-[a-z2-7]{5}$/.test(normalizeRecoveryCode(input));

export interface RecoveryCodesFile {
  /** e.g. "Exit Pool: recovery codes" */
  title: string;
  /** the account's email */
  account: string;
  /** e.g. "Made 2026-05-04" */
  issued: string;
  /** how to use them, one paragraph a line */
  instructions: string[];
  codes: string[];
}

/** The text of the .txt download: a heading, the instructions, then the codes numbered, CRLF for any editor. */
export const recoveryCodesText = ({ title, account, issued, instructions, codes }: RecoveryCodesFile): string => {
  const width = String(codes.length).length;
  return [
    title,
    account,
    issued,
    '',
    ...instructions,
    '',
    ...codes.map((code, index) => `${String(index + 1).padStart(width, ' ')}. ${code}`),
    '',
  ].join('\r\n');
};

/** `exit-pool-recovery-codes-2026-05-04.txt`, by the local date. */
export const recoveryCodesFileName = (date: Date): string => {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `exit-pool-recovery-codes-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.txt`;
};
