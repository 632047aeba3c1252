import { stripJpegMetadata } from './jpeg.js';
import type { MediaType } from './media-type.js';
import { stripPngMetadata } from './png.js';

/**
 * The file as it should be stored: images without the metadata that may say who
 * took them, where and when; PDFs as they are. Throws ImageFormatError for an
 * image that cannot be read.
 */
export function stripMetadata(bytes: Uint8Array, mediaType: MediaType): Uint8Array {
  switch (mediaType) {
    case 'image/png':
      return stripPngMetadata(bytes);
    case 'image/jpeg':
      return stripJpegMetadata(bytes);
    case 'application/pdf':
      return bytes;
  }
}
