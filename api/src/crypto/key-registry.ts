import type { EntityManager } from 'typeorm';
import { DecryptionError, decryptText, encryptText } from './cipher.js';
import { checkKeyRing, KeyRingMismatchError, sweepPlaintext } from './encryption-at-start.js';
import type { KeyRing } from './key-ring.js';

/** What a check value seals: a fixed text, nothing of anybody's. */
const CHECK_TEXT = 'Exit Pool key check';

interface RegisteredKey {
  keyId: string;
  checkValue: string;
  registeredAt: Date;
}

/**
 * At start, before anything is written: the key ring against the keys the
 * database's values are under. The keys are registered in `encryption_keys`,
 * each with its check value, by every process before it writes with its
 * newest key, so a start reads those few rows instead of every stored value,
 * however much is stored. The first start on a database without registered
 * keys (new, or from before the registry) reads every value once, as before:
 * it refuses a ring that cannot read them, encrypts what is still in plaintext
 * (an installation from before encryption) and registers the keys in use.
 * Answers how many plaintext values it encrypted per column.
 */
export async function prepareEncryptionAtStart(
  manager: EntityManager,
  ring: KeyRing,
  source: string,
): Promise<Map<string, number>> {
  if ((await registeredKeys(manager)).length) {
    await registerKeys(manager, ring, [ring.current.id]);
    await checkRegistry(manager, ring, source);
    return new Map();
  }
  const inUse = await checkKeyRing(manager, ring, source);
  const encrypted = await sweepPlaintext(manager, ring);
  await registerKeys(manager, ring, [...inUse, ring.current.id]);
  // another process may have registered its keys meanwhile
  await checkRegistry(manager, ring, source);
  return new Map([...encrypted].filter(([, n]) => n > 0));
}

/**
 * Registers keys of the ring (the one a process is about to write with, or
 * those found in use), each with its check value; a key id registered before
 * keeps its first check value, which `checkRegistry` then holds the ring to.
 */
export async function registerKeys(manager: EntityManager, ring: KeyRing, ids: readonly string[]): Promise<void> {
  for (const id of new Set(ids)) {
    const key = ring.byId.get(id);
    if (!key) throw new Error(`The key ${id} is not in the key ring`);
    const checkValue = encryptText({ current: { id, key }, byId: ring.byId }, CHECK_TEXT);
    await manager.query(
      `INSERT INTO encryption_keys (key_id, check_value) VALUES ($1, $2) ON CONFLICT (key_id) DO NOTHING`,
      [id, checkValue],
    );
  }
}

/**
 * Every registered key must be in the ring and be the key it was registered
 * as. When one is not, every stored value is read to say which key a column
 * needs (the same refusals as before the registry); a registered key the ring
 * lacks and no value is under any more (a finished rotation) is retired.
 */
export async function checkRegistry(manager: EntityManager, ring: KeyRing, source: string): Promise<void> {
  const registered = await registeredKeys(manager);
  const missing = registered.filter((k) => !ring.byId.has(k.keyId));
  const other = registered.filter((k) => ring.byId.has(k.keyId) && !opens(ring, k.checkValue));
  if (!missing.length && !other.length) return;
  await checkKeyRing(manager, ring, source);
  if (other.length) {
    const [k] = other;
    throw new KeyRingMismatchError(
      `The key ${k.keyId} of ${source} is not the key ${k.keyId} registered on this database on ` +
        `${k.registeredAt.toISOString().slice(0, 10)}: another process writes with a different key under the same id`,
    );
  }
  await retireKeys(
    manager,
    missing.map((k) => k.keyId),
  );
}

/** Forgets registered keys that no stored value is under any more (after a rotation). */
export async function retireKeys(manager: EntityManager, ids: readonly string[]): Promise<void> {
  if (ids.length) await manager.query(`DELETE FROM encryption_keys WHERE key_id = ANY($1)`, [ids]);
}

export async function registeredKeys(manager: EntityManager): Promise<RegisteredKey[]> {
  return manager.query(
    `SELECT key_id AS "keyId", check_value AS "checkValue", registered_at AS "registeredAt"
       FROM encryption_keys ORDER BY key_id`,
  );
}

function opens(ring: KeyRing, checkValue: string): boolean {
  try {
    return decryptText(ring, checkValue) === CHECK_TEXT;
  } catch (error) {
    if (error instanceof DecryptionError) return false;
    throw error;
  }
}

/** After a rotation: retires the registered keys, other than the newest, that no stored value is under any more. */
export async function retireUnusedKeys(manager: EntityManager, ring: KeyRing, source: string): Promise<string[]> {
  const inUse = await checkKeyRing(manager, ring, source);
  const unused = (await registeredKeys(manager))
    .map((k) => k.keyId)
    .filter((id) => id !== ring.current.id && !inUse.has(id));
  await retireKeys(manager, unused);
  return unused;
}
