export { crc32 } from './crc32.js';
export { ImageFormatError } from './image-format-error.js';
export { stripJpegMetadata } from './jpeg.js';
export { MEDIA_TYPES, type MediaType, sniffMediaType } from './media-type.js';
export { PNG_METADATA_CHUNKS, type PngChunk, readPngChunks, stripPngMetadata } from './png.js';
export { stripMetadata } from './strip-metadata.js';
export {
  ACTIVE_CONTENT_WORDS,
  decodePdfName,
  inspectPdf,
  type PdfActiveContent,
  type PdfVerdict,
  scanRawPdfNames,
} from './pdf-active-content.js';
