import type { EntityManager } from 'typeorm';
import { decryptText, encryptText, isEncryptedText } from './cipher.js';
import { columnName, type NarrativeColumn } from './encrypted-columns.js';
import type { KeyRing } from './key-ring.js';

/**
 * One kind of stored value that `npm run rotate-keys` moves to the newest key.
 * `run` re-encrypts one batch of at most `batchSize` values not yet under
 * `ring.current`, in a short transaction of its own, and answers how many it
 * re-encrypted: 0 when nothing is left. A value changed meanwhile by the
 * application is left as the application wrote it (compare-and-set), so a
 * step is safe while the application serves, and resumable after a kill.
 */
export interface RotationStep {
  name: string;
  run(manager: EntityManager, ring: KeyRing, batchSize: number): Promise<number>;
}

/** `stale`: every value not under the newest key, plaintext included; `plaintext`: only values never encrypted. */
export type RotationScope = 'stale' | 'plaintext';

/** The stored text form, as a PostgreSQL pattern (cipher.ts's TEXT). */
export const ENCRYPTED_TEXT_PATTERN = '^ep1:[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/]+={0,2}$';

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** The SQL condition, on the text `value`, of a value this scope re-encrypts; $1 is the newest key's prefix. */
function needsWork(value: string, scope: RotationScope): string {
  const encrypted = `${value} ~ '${ENCRYPTED_TEXT_PATTERN}'`;
  return scope === 'plaintext'
    ? `${value} <> '' AND NOT (${encrypted})`
    : `${value} <> '' AND NOT (starts_with(${value}, $1) AND ${encrypted})`;
}

/** The value under the newest key: an encrypted one decrypted first (a key the ring lacks is a named error). */
function reseal(ring: KeyRing, stored: string): string {
  return encryptText(ring, isEncryptedText(stored) ? decryptText(ring, stored) : stored);
}

/** A batch the application changed under our feet, wholly: read again, a few times, before saying nothing is left. */
const ATTEMPTS = 3;

/** The step of one narrative column (a text, or a field in each element of a jsonb list). */
export function columnStep(column: NarrativeColumn, scope: RotationScope = 'stale'): RotationStep {
  const run = column.jsonField ? jsonBatch : textBatch;
  return {
    name: columnName(column),
    async run(manager, ring, batchSize) {
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const { selected, updated } = await run(manager, ring, column, scope, batchSize);
        if (selected === 0 || updated > 0) return updated;
      }
      return 0;
    },
  };
}

type Batch = (
  manager: EntityManager,
  ring: KeyRing,
  column: NarrativeColumn,
  scope: RotationScope,
  batchSize: number,
) => Promise<{ selected: number; updated: number }>;

const textBatch: Batch = async (manager, ring, { table, column }, scope, batchSize) => {
  const col = quote(column);
  const rows: { id: string; value: string }[] = await manager.query(
    `SELECT id, ${col} AS value FROM ${quote(table)}
      WHERE ${col} IS NOT NULL AND ${needsWork(col, scope)} ORDER BY id LIMIT ${scope === 'stale' ? '$2' : '$1'}`,
    scope === 'stale' ? [`ep1:${ring.current.id}:`, batchSize] : [batchSize],
  );
  if (!rows.length) return { selected: 0, updated: 0 };
  const sealed = rows.map((r) => ({ id: r.id, old: r.value, value: reseal(ring, r.value) }));
  const updated = await manager.transaction(async (tx) => {
    let n = 0;
    for (const r of sealed)
      n += await casUpdate(tx, `UPDATE ${quote(table)} SET ${col} = $3 WHERE id = $1 AND ${col} = $2`, [
        r.id,
        r.old,
        r.value,
      ]);
    return n;
  });
  return { selected: rows.length, updated };
};

const jsonBatch: Batch = async (manager, ring, { table, column, jsonField }, scope, batchSize) => {
  const col = quote(column);
  const key = jsonField!.replace(/'/g, "''");
  const field = `(e.elem ->> '${key}')`;
  // the jsonb as PostgreSQL wrote it: compared as it was read, never rebuilt from JavaScript numbers
  const rows: { id: string; raw: string; fields: (string | null)[] }[] = await manager.query(
    `SELECT t.id, t.${col}::text AS raw,
            (SELECT array_agg(CASE WHEN jsonb_typeof(e.elem -> '${key}') = 'string' THEN ${field} END ORDER BY e.ord)
               FROM jsonb_array_elements(t.${col}) WITH ORDINALITY AS e(elem, ord)) AS fields
       FROM ${quote(table)} t
      WHERE jsonb_typeof(t.${col}) = 'array' AND EXISTS (
              SELECT 1 FROM jsonb_array_elements(t.${col}) WITH ORDINALITY AS e(elem, ord)
               WHERE jsonb_typeof(e.elem -> '${key}') = 'string' AND ${needsWork(field, scope)})
      ORDER BY t.id LIMIT ${scope === 'stale' ? '$2' : '$1'}`,
    scope === 'stale' ? [`ep1:${ring.current.id}:`, batchSize] : [batchSize],
  );
  if (!rows.length) return { selected: 0, updated: 0 };
  const prefix = `ep1:${ring.current.id}:`;
  const sealed = rows.map((r) => ({
    id: r.id,
    raw: r.raw,
    // null: the element stays as it is
    values: r.fields.map((v) =>
      v === null || v === '' || (scope === 'stale' ? v.startsWith(prefix) && isEncryptedText(v) : isEncryptedText(v))
        ? null
        : reseal(ring, v),
    ),
  }));
  const updated = await manager.transaction(async (tx) => {
    let n = 0;
    for (const r of sealed) {
      n += await casUpdate(
        tx,
        `UPDATE ${quote(table)} t SET ${col} = (
           SELECT jsonb_agg(CASE WHEN v.value IS NULL THEN e.elem
                                 ELSE jsonb_set(e.elem, ARRAY['${key}'], to_jsonb(v.value)) END ORDER BY e.ord)
             FROM jsonb_array_elements(t.${col}) WITH ORDINALITY AS e(elem, ord)
             LEFT JOIN unnest($3::text[]) WITH ORDINALITY AS v(value, ord) ON v.ord = e.ord)
         WHERE t.id = $1 AND t.${col} = $2::jsonb`,
        [r.id, r.raw, r.values],
      );
    }
    return n;
  });
  return { selected: rows.length, updated };
};

async function casUpdate(tx: EntityManager, sql: string, parameters: unknown[]): Promise<number> {
  // TypeORM answers an UPDATE as [rows, count]
  const [, count] = await tx.query(sql, parameters);
  return count as number;
}

export interface RotationProgress {
  step: string;
  /** Values re-encrypted by this step so far. */
  done: number;
}

/**
 * Runs each step until it has nothing left, batch after batch; answers the
 * values re-encrypted per step. Stopped at any point, it resumes where the
 * stored values show it stopped.
 */
export async function runRotation(
  manager: EntityManager,
  ring: KeyRing,
  steps: readonly RotationStep[],
  batchSize: number,
  onBatch?: (progress: RotationProgress) => void,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const step of steps) {
    let done = 0;
    for (;;) {
      const n = await step.run(manager, ring, batchSize);
      if (n === 0) break;
      done += n;
      onBatch?.({ step: step.name, done });
    }
    counts.set(step.name, done);
  }
  return counts;
}
