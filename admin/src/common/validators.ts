import type { Validator } from 'react-admin';
import { looksLikeNationalId } from '@app/privacy';

/**
 * Free text must not hold a Danish CPR or Finnish HETU number: cases are
 * pseudonymous. The API refuses such text too; this warns before sending.
 */
export const noNationalId: Validator = (value: unknown) =>
  typeof value === 'string' && looksLikeNationalId(value) ? 'app.validation.national_id' : undefined;

/** A whole number (NumberInput gives a float for "1.5"). */
export const wholeNumber: Validator = (value: unknown) =>
  value === null || value === undefined || value === '' || Number.isSafeInteger(value)
    ? undefined
    : 'app.validation.whole_number';
