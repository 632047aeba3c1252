import type { MediaType } from '@app/files';

export const MAX_FILE_NAME = 255;

const EXTENSION: Record<MediaType, string> = {
  'application/pdf': '.pdf',
  'image/png': '.png',
  'image/jpeg': '.jpg',
};

// C0 and C1 control characters, DEL, and the bidirectional controls that make
// "invoice\u202Efdp.exe" look like "invoiceexe.pdf"
const CONTROL = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * The uploader's file name as it may be kept and shown: its last path segment
 * (a client path may name a person's home folder), without control characters,
 * NFC (as macOS sends "å" decomposed), at most 255 characters with the extension
 * kept. An empty result becomes `attachment.<ext>`.
 */
export function sanitiseFileName(raw: string, mediaType: MediaType): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const name = base.replace(CONTROL, '').trim();
  if (name === '' || /^\.+$/.test(name)) return `attachment${EXTENSION[mediaType]}`;
  return withTypeExtension(name, mediaType);
}

/** The extensions a file of each type may carry; the first is the one added. */
const EXTENSIONS: Record<MediaType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
};

/**
 * The name ending in an extension of the type found in the content, so that no
 * browser or desktop opens it as anything else: `invoice.html` holding a PDF
 * becomes `invoice.html.pdf` (the name the uploader chose stays readable), a
 * name already ending right is kept. At most 255 characters, extension included.
 */
export function withTypeExtension(name: string, mediaType: MediaType): string {
  const lower = name.toLowerCase();
  if (EXTENSIONS[mediaType].some((extension) => lower.endsWith(extension))) {
    return truncate(name, MAX_FILE_NAME);
  }
  const extension = EXTENSION[mediaType];
  return truncate(name, MAX_FILE_NAME - extension.length).trimEnd() + extension;
}

function truncate(name: string, max: number): string {
  const chars = Array.from(name); // code points, as PostgreSQL counts varchar(255)
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (extension.length === 0 || extension.length > 16) return chars.slice(0, max).join('').trim();
  return (
    chars
      .slice(0, max - extension.length)
      .join('')
      .trimEnd() + extension.join('')
  );
}
