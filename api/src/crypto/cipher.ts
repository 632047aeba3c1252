import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyRing } from './key-ring.js';

/**
 * AES-256-GCM from node:crypto, nothing of our own beyond the framing: a
 * random 96-bit IV per value, the 128-bit tag checked on every read, and the
 * id of the key stored with the value so that old keys keep decrypting.
 *
 * Text (a narrative column): `ep1:<keyId>:<base64(iv ‖ ciphertext ‖ tag)>`.
 * Bytes (attachment chunks): `0x01 ‖ len(keyId) ‖ keyId ‖ iv ‖ ciphertext ‖ tag`.
 * `aad` binds a value to where it belongs (an attachment's id and chunk
 * number), so that values cannot be swapped or reordered unnoticed.
 */
const IV_BYTES = 12;
const TAG_BYTES = 16;
const TEXT = /^ep1:([A-Za-z0-9_-]{1,16}):([A-Za-z0-9+/]+={0,2})$/;
const BYTES_VERSION = 1;

/** A stored value that cannot be read; `keyMissing` when the ring lacks its key, else it was changed or the key is another. */
export class DecryptionError extends Error {
  constructor(
    message: string,
    readonly keyId?: string,
    readonly keyMissing = false,
  ) {
    super(message);
    this.name = 'DecryptionError';
  }
}

function seal(key: Buffer, plain: Buffer, aad?: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  if (aad) cipher.setAAD(aad);
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function open(ring: KeyRing, keyId: string, sealed: Buffer, aad?: Buffer): Buffer {
  const key = ring.byId.get(keyId);
  if (!key)
    throw new DecryptionError(
      `A value is encrypted under the key ${keyId}, which ENCRYPTION_KEYS does not hold`,
      keyId,
      true,
    );
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new DecryptionError('An encrypted value is cut short');
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(tag);
  if (aad) decipher.setAAD(aad);
  try {
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new DecryptionError(
      `An encrypted value does not authenticate under the key ${keyId}: it was changed, or the key is not the one it was written with`,
      keyId,
    );
  }
}

export function encryptText(ring: KeyRing, plain: string): string {
  return `ep1:${ring.current.id}:${seal(ring.current.key, Buffer.from(plain, 'utf8')).toString('base64')}`;
}

/** True for a value in the stored text form (it may still fail to decrypt). */
export function isEncryptedText(stored: string): boolean {
  return TEXT.test(stored);
}

/** The id of the key a stored text value is encrypted under, or null for anything else. */
export function textKeyId(stored: string): string | null {
  return TEXT.exec(stored)?.[1] ?? null;
}

export function decryptText(ring: KeyRing, stored: string): string {
  const m = TEXT.exec(stored);
  if (!m) throw new DecryptionError('A narrative value is not in the encrypted form');
  return open(ring, m[1], Buffer.from(m[2], 'base64')).toString('utf8');
}

export function encryptBytes(ring: KeyRing, plain: Buffer, aad?: Buffer): Buffer {
  const id = Buffer.from(ring.current.id, 'ascii');
  return Buffer.concat([Buffer.from([BYTES_VERSION, id.length]), id, seal(ring.current.key, plain, aad)]);
}

/** The id of the key an encrypted byte value is under. */
export function bytesKeyId(stored: Buffer): string {
  if (stored.length < 2 || stored[0] !== BYTES_VERSION)
    throw new DecryptionError('An encrypted value has an unknown form');
  return stored.subarray(2, 2 + stored[1]).toString('ascii');
}

export function decryptBytes(ring: KeyRing, stored: Buffer, aad?: Buffer): Buffer {
  const keyId = bytesKeyId(stored);
  return open(ring, keyId, stored.subarray(2 + stored[1]), aad);
}
