import { concatBytes, readUint32, startsWith } from './bytes.js';
import { crc32 } from './crc32.js';
import { ImageFormatError } from './image-format-error.js';
import { PNG_SIGNATURE } from './media-type.js';

/** Text, EXIF and modification time: where cameras and editors put who, where and when. */
export const PNG_METADATA_CHUNKS: readonly string[] = ['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME'];

export interface PngChunk {
  type: string;
  /** Offset of the chunk's length field. */
  start: number;
  /** Offset just past its CRC. */
  end: number;
}

const MAX_CHUNK_LENGTH = 0x7fffffff;
const isLetter = (b: number) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);

/**
 * The chunks from IHDR to IEND, each checked for bounds, type and CRC.
 * Whatever follows IEND is not part of the image and is not returned.
 */
export function readPngChunks(bytes: Uint8Array): PngChunk[] {
  const fail = (message: string): never => {
    throw new ImageFormatError('png', `Not a readable PNG image: ${message}`);
  };
  if (!startsWith(bytes, PNG_SIGNATURE)) fail('the PNG signature is missing');
  const chunks: PngChunk[] = [];
  let at = PNG_SIGNATURE.length;
  for (;;) {
    if (at + 12 > bytes.length) fail('it ends before its IEND chunk');
    const length = readUint32(bytes, at);
    if (length > MAX_CHUNK_LENGTH) fail('a chunk length is out of range');
    const end = at + 12 + length;
    if (end > bytes.length) fail('a chunk runs past the end of the file');
    if (![4, 5, 6, 7].every((i) => isLetter(bytes[at + i]))) fail('a chunk type is not four letters');
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (crc32(bytes, at + 4, end - 4) !== readUint32(bytes, end - 4)) fail(`the ${type} chunk is damaged (CRC)`);
    if (chunks.length === 0 && type !== 'IHDR') fail('it does not start with an IHDR chunk');
    chunks.push({ type, start: at, end });
    at = end;
    if (type === 'IEND') break;
  }
  if (!chunks.some((c) => c.type === 'IDAT')) fail('it has no image data (IDAT)');
  return chunks;
}

/**
 * The PNG without its metadata chunks (and without anything after IEND); every
 * other chunk is kept byte for byte, so its CRC stays valid.
 */
export function stripPngMetadata(bytes: Uint8Array): Uint8Array {
  const kept = readPngChunks(bytes)
    .filter((c) => !PNG_METADATA_CHUNKS.includes(c.type))
    .map((c) => bytes.subarray(c.start, c.end));
  return concatBytes([new Uint8Array(PNG_SIGNATURE), ...kept]);
}
