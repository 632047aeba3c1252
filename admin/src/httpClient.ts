import { type ErrorBody, isWorkflowErrorCode } from '@app/contract';
import { fetchUtils, HttpError } from 'react-admin';
import { errorsLine, translatedErrors } from './common/fieldProblems';
import { i18nProvider } from './i18n';
import { session } from './session';

/** Turns the API's `message` (a string, or a list naming each bad field) into one line. */
export const errorMessage = (body: unknown, fallback: string): string => {
  const message = (body as { message?: unknown } | null)?.message;
  if (Array.isArray(message)) return message.join('; ');
  if (typeof message === 'string' && message.trim() !== '') return message;
  return fallback;
};

/**
 * `fetchUtils.fetchJson` plus the bearer token. Errors keep their body, so a
 * 400 with `errors: { field: message }` reaches react-admin's forms intact.
 */
export const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
  const headers = new Headers(options.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  const token = session.getToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers });
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    if (isValidationError(error)) {
      // each field's problem in the user's language, beside its input and in the one-line message
      const translate = (key: string, options?: Record<string, unknown>) => i18nProvider.translate(key, options);
      const errors = translatedErrors(error.body, translate);
      const resource = new URL(url, window.location.origin).pathname.split('/')[2];
      throw new HttpError(errorsLine(errors, resource, translate), error.status, { ...error.body, errors });
    }
    throw new HttpError(readableMessage(error), error.status, error.body);
  }
};

/** A 400 whose body names each bad field (`errors`), as the API's validation answers. */
const isValidationError = (error: HttpError): error is HttpError & { body: ErrorBody } =>
  error.status === 400 && typeof (error.body as ErrorBody | null)?.errors === 'object';

const readableMessage = (error: HttpError): string => {
  // Translation keys: react-admin's notifications translate them.
  if (error.status === 403 && (error.body as { code?: unknown } | null)?.code === 'AUTH_TOTP_ENROLMENT_REQUIRED') {
    return 'app.totp.enrolment_required';
  }
  if (error.status === 403) return 'ra.notification.not_authorized';
  if (error.status === 429) return 'app.error.too_many_requests';
  if (error.status >= 500) return 'ra.notification.http_error';
  return errorMessage(error.body, error.message || 'ra.notification.http_error');
};

/**
 * What to tell the user about a failed request in a dialog: the API's own words
 * for a refusal it explains (a 403 or 409 with a message), else the error's message.
 */
export const problemMessage = (error: unknown): string => {
  // a validation error's message is already each field in the user's language (httpClient)
  if (error instanceof HttpError && isValidationError(error)) return error.message;
  if (error instanceof HttpError && error.status < 500 && error.status !== 429) {
    return errorMessage(error.body, error.message || 'ra.notification.http_error');
  }
  // No answer at all (offline, connection dropped): fetch throws a TypeError.
  if (!(error instanceof HttpError)) return 'app.error.network';
  return error.message || 'ra.notification.http_error';
};

/**
 * A refusal as a translation key: the API's `code` when the UI knows it (words in the user's
 * language), with the API's own text as the fallback for a code it does not know.
 */
export const problemKey = (error: unknown): { key: string; fallback: string } => {
  const fallback = problemMessage(error);
  if (error instanceof HttpError) {
    const code = (error.body as { code?: unknown } | null)?.code;
    if (isWorkflowErrorCode(code)) return { key: `app.error_code.${code}`, fallback };
  }
  return { key: fallback, fallback };
};
