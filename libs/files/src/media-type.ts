import { ascii, startsWith } from './bytes.js';

export const MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export const PDF_SIGNATURE = ascii('%PDF-');
export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

/**
 * The media type by content (magic bytes at offset 0), whatever the file's name
 * or the type its sender declared; null for anything that is not PDF, PNG or JPEG.
 */
export function sniffMediaType(bytes: Uint8Array): MediaType | null {
  if (startsWith(bytes, PDF_SIGNATURE)) return 'application/pdf';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(bytes, JPEG_SIGNATURE)) return 'image/jpeg';
  return null;
}
