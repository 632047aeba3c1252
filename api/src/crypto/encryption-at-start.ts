import type { EntityManager } from 'typeorm';
import { DecryptionError, decryptText } from './cipher.js';
import { columnName, NARRATIVE_COLUMNS, type NarrativeColumn } from './encrypted-columns.js';
import type { KeyRing } from './key-ring.js';
import { columnStep, ENCRYPTED_TEXT_PATTERN, runRotation } from './rotation.js';

/** The key ring does not fit the stored values: a start-up failure that says which key and what to do. */
export class KeyRingMismatchError extends Error {}

const BATCH = 500;

/**
 * At start, after the migrations: refuses a key ring that cannot read what is
 * stored (a key id the ring lacks, or a key of the same id that is another
 * key), then encrypts every narrative value still in plaintext (an
 * installation from before encryption), batch by batch with the rotation's own
 * steps: idempotent, and safe with several processes starting at once.
 * Answers how many values it encrypted per column.
 */
export async function prepareEncryptedColumns(
  manager: EntityManager,
  ring: KeyRing,
  source: string,
): Promise<Map<string, number>> {
  await checkKeyRing(manager, ring, source);
  return sweepPlaintext(manager, ring);
}

/** Encrypts every narrative value still in plaintext; answers how many per column that had any. */
export async function sweepPlaintext(manager: EntityManager, ring: KeyRing): Promise<Map<string, number>> {
  const steps = NARRATIVE_COLUMNS.map((column) => columnStep(column, 'plaintext'));
  const counts = await runRotation(manager, ring, steps, BATCH);
  return new Map([...counts].filter(([, n]) => n > 0));
}

/** Every key id in use, with one value under it, in the narrative columns. */
export async function keysInUse(manager: EntityManager): Promise<Map<string, { column: string; sample: string }>> {
  const found = new Map<string, { column: string; sample: string }>();
  for (const column of NARRATIVE_COLUMNS) {
    const rows: { key: string; sample: string }[] = await manager.query(
      `SELECT substring(v FROM '^ep1:([A-Za-z0-9_-]{1,16}):') AS key, min(v) AS sample
         FROM (${values(column)}) AS x(v)
        WHERE v ~ '${ENCRYPTED_TEXT_PATTERN}'
        GROUP BY 1`,
    );
    for (const { key, sample } of rows) if (!found.has(key)) found.set(key, { column: columnName(column), sample });
  }
  return found;
}

function values({ table, column, jsonField }: NarrativeColumn): string {
  return jsonField
    ? `SELECT e ->> '${jsonField}' FROM "${table}", jsonb_array_elements("${column}") AS e WHERE jsonb_typeof("${column}") = 'array'`
    : `SELECT "${column}" FROM "${table}"`;
}

/**
 * Reads every stored value's key: refuses a ring that lacks one of them, or whose
 * key of an id does not decrypt a value stored under that id. Answers the ids in use.
 */
export async function checkKeyRing(manager: EntityManager, ring: KeyRing, source: string): Promise<Set<string>> {
  const inUse = await keysInUse(manager);
  // attachment bytes name their key in a column of their own; a key missing there would fail only on a download
  const [{ chunks }] = await manager.query(`SELECT to_regclass('attachment_chunks') IS NOT NULL AS chunks`);
  if (chunks) {
    const rows: { key: string }[] = await manager.query(`SELECT DISTINCT key_id AS key FROM attachment_chunks`);
    for (const { key } of rows) if (!inUse.has(key)) inUse.set(key, { column: 'attachment_chunks.bytes', sample: '' });
  }
  const missing = [...inUse.keys()].filter((id) => !ring.byId.has(id));
  if (missing.length) {
    const where = missing.map((id) => `${id} (e.g. in ${inUse.get(id)!.column})`).join(', ');
    throw new KeyRingMismatchError(
      `The database holds values encrypted under the key${missing.length > 1 ? 's' : ''} ${where}, ` +
        `which the key ring of ${source} does not hold: add ${missing.length > 1 ? 'them' : 'it'} to ${source} ` +
        `(after the newest key) and start again`,
    );
  }
  for (const [id, { column, sample }] of inUse) {
    if (!sample) continue;
    try {
      decryptText(ring, sample);
    } catch (error) {
      if (!(error instanceof DecryptionError)) throw error;
      throw new KeyRingMismatchError(
        `The key ${id} of ${source} does not decrypt the values stored under ${id} (e.g. in ${column}): ` +
          `it is not the key they were written with`,
      );
    }
  }
  return new Set(inUse.keys());
}
