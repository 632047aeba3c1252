import { decryptBytes, encryptBytes } from '../crypto/cipher.js';
import type { KeyRing } from '../crypto/key-ring.js';

/**
 * An attachment's bytes are stored as chunks of this size (the last one
 * shorter), each encrypted on its own: a download holds one chunk in memory at
 * a time, not the file. Stored chunks keep their size; changing this changes
 * only how new uploads are cut.
 */
export const CHUNK_SIZE = 512 * 1024;

/**
 * What each chunk's authentication tag also covers: the attachment, the chunk's
 * place and whether it ends the file. A chunk moved to another attachment or
 * place does not authenticate, nor does a file cut short (its new last chunk
 * was sealed as "not last") or lengthened (the old last one was sealed as "last").
 */
export function chunkAad(attachmentId: string, n: number, last: boolean): Buffer {
  return Buffer.from(`exitpool attachment chunk v1|${attachmentId.toLowerCase()}|${n}|${last ? 'last' : 'more'}`);
}

/** The plain chunks of a file: views into it, not copies. */
export function* plainChunks(
  bytes: Uint8Array,
  size = CHUNK_SIZE,
): Generator<{ n: number; last: boolean; plain: Buffer }> {
  const whole = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = Math.max(1, Math.ceil(whole.length / size));
  for (let n = 0; n < count; n++) {
    yield { n, last: n === count - 1, plain: whole.subarray(n * size, Math.min((n + 1) * size, whole.length)) };
  }
}

export function sealChunk(ring: KeyRing, attachmentId: string, n: number, last: boolean, plain: Buffer): Buffer {
  return encryptBytes(ring, plain, chunkAad(attachmentId, n, last));
}

/** Throws DecryptionError when the chunk was changed, moved, or is not at the end it claims. */
export function openChunk(ring: KeyRing, attachmentId: string, n: number, last: boolean, stored: Buffer): Buffer {
  return decryptBytes(ring, stored, chunkAad(attachmentId, n, last));
}
