import { HttpError } from 'react-admin';
import { errorMessage } from '../httpClient';
import { session } from '../session';

/** A query string of the parameters that have a value (`?a=1&b=x`), or nothing. */
export const queryString = (params: Record<string, string | number | boolean | undefined | null>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

/**
 * The file name of `Content-Disposition` (RFC 6266): the exact UTF-8 name of
 * `filename*` when there is one, else the plain `filename`; null without either.
 */
export const fileNameOf = (header: string | null): string | null => {
  if (!header) return null;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[2].trim());
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(header);
  if (!plain) return null;
  const name = (plain[1] ?? plain[2] ?? '').replace(/\\(.)/g, '$1').trim();
  return name === '' ? null : name;
};

/** Hands a blob to the browser as a download under `fileName`. */
export const saveBlob = (blob: Blob, fileName: string): void => {
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the blob goes.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
};

/**
 * GETs a file with the bearer header (the token goes in a header, never in a
 * URL: URLs end up in logs and history). A refusal throws an HttpError with
 * the API's body, so the caller can show the API's words.
 */
export const fetchFile = async (url: string): Promise<{ blob: Blob; fileName: string | null }> => {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${session.getToken() ?? ''}` } });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    const message =
      response.status === 403
        ? 'ra.notification.not_authorized'
        : response.status >= 500
          ? 'ra.notification.http_error'
          : errorMessage(body, 'ra.notification.http_error');
    throw new HttpError(message, response.status, body);
  }
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition')) };
};
