import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { type KeyRing, KeyRingError, newKeyEntry, parseKeyRing } from './key-ring.js';

/** The demo's key file in DATA_DIR: used only in demo mode with the embedded database and no ENCRYPTION_KEYS. */
export const KEY_FILE = 'encryption.keys';

export class KeyFileError extends Error {}

export interface LoadedKeyRing {
  ring: KeyRing;
  /** Where the keys came from: `ENCRYPTION_KEYS` or the key file's path. */
  source: string;
  /** True when this start created the key file. */
  created: boolean;
}

/**
 * The process's key ring: ENCRYPTION_KEYS when set (loadConfig has parsed it
 * and refused a start without it outside demo mode with the embedded
 * database), else the key file in DATA_DIR, created on the first start.
 */
export async function loadKeyRing(config: { encryptionKeys?: KeyRing; dataDir: string }): Promise<LoadedKeyRing> {
  if (config.encryptionKeys) return { ring: config.encryptionKeys, source: 'ENCRYPTION_KEYS', created: false };
  return readOrCreateKeyFile(config.dataDir);
}

/**
 * Reads `DATA_DIR/encryption.keys`, creating it (mode 0600, `k1:<base64 of 32
 * random bytes>`) when it does not exist. The file holds a key ring like
 * ENCRYPTION_KEYS, entries separated by commas or lines, so that a demo
 * installation can rotate too. A file others may read is refused.
 */
export async function readOrCreateKeyFile(dataDir: string): Promise<LoadedKeyRing> {
  const file = resolve(dataDir, KEY_FILE);
  const created = await createIfMissing(file);
  const { mode } = await stat(file);
  if ((mode & 0o077) !== 0) {
    throw new KeyFileError(
      `${file} holds the encryption keys and must be readable by its owner only (chmod 600 ${file}); it is ${(mode & 0o777).toString(8)}`,
    );
  }
  const text = (await readFile(file, 'utf8'))
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .join(',');
  try {
    return { ring: parseKeyRing(text, file), source: file, created };
  } catch (error) {
    if (error instanceof KeyRingError) throw new KeyFileError(error.message);
    throw error;
  }
}

/** Writes a new key to a file of its own, then links it into place: a crash leaves no empty key file, and a file already there wins. */
async function createIfMissing(file: string): Promise<boolean> {
  try {
    await stat(file);
    return false;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(`${newKeyEntry('k1')}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
}
