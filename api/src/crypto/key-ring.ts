import { randomBytes } from 'node:crypto';

/** One AES-256 key and the id stored beside every value it encrypts. */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/** The keys of ENCRYPTION_KEYS: the first encrypts, every one decrypts. */
export interface KeyRing {
  current: EncryptionKey;
  byId: ReadonlyMap<string, Buffer>;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export class KeyRingError extends Error {}

/**
 * Reads a key ring written as `k2:<base64>,k1:<base64>`: ids of letters,
 * digits, `-` and `_` (at most 16), each key exactly 32 bytes in base64.
 * A mistake throws a message naming `variable` and the entry, never a key.
 */
export function parseKeyRing(text: string, variable = 'ENCRYPTION_KEYS'): KeyRing {
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (entries.length === 0)
    throw new KeyRingError(`${variable} must hold at least one key, as id:<base64 of 32 bytes>`);
  const byId = new Map<string, Buffer>();
  const keys: EncryptionKey[] = [];
  entries.forEach((entry, i) => {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon);
    const encoded = colon < 0 ? '' : entry.slice(colon + 1);
    const where = `${variable}: entry ${i + 1}`;
    if (!KEY_ID.test(id)) {
      throw new KeyRingError(`${where} must start with a key id of letters, digits, - or _ (at most 16) and a colon`);
    }
    const key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
    if (key.length !== 32) throw new KeyRingError(`${where} (${id}) must be 32 bytes in base64 (44 characters)`);
    if (byId.has(id)) throw new KeyRingError(`${where}: the key id ${id} is used twice`);
    byId.set(id, key);
    keys.push({ id, key });
  });
  return { current: keys[0], byId };
}

/** A new key ring entry, `id:<base64>`, for a key file or for an operator. */
export function newKeyEntry(id: string): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

let installed: KeyRing | undefined;

/**
 * The process's key ring, installed once at start from the configuration. The
 * column transformers read it from here: TypeORM builds them before any
 * provider exists.
 */
export function installKeyRing(ring: KeyRing): void {
  installed = ring;
}

export function keyRing(): KeyRing {
  if (!installed) throw new Error('No encryption key ring is installed (installKeyRing at start-up)');
  return installed;
}
