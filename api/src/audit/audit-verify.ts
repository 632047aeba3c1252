import type { AuditChainBreak, AuditVerification } from '@app/contract';
import type { EntityManager } from 'typeorm';
import { canonicalAtSql, type ChainFields, eventHash, GENESIS_HASH, type JsonValue } from './audit-chain.js';

/** A checkpoint as written down: `<events>:<head hash>`, the events being the head's sequence number. */
export const CHECKPOINT_PATTERN = /^[1-9][0-9]{0,15}:[0-9a-fA-F]{64}$/;

/** An event's sequence number and its hash, written down earlier. */
export interface AuditCheckpoint {
  seq: number;
  hash: string;
}

export interface VerifyOptions {
  batchSize?: number;
  checkpoints?: readonly AuditCheckpoint[];
  /** Called after each batch with the number of events checked so far. */
  progress?: (checked: number) => void;
}

interface Row {
  id: string;
  seq: string;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  request_id: string | null;
  details: JsonValue;
  prev_hash: string | null;
  hash: string | null;
}

/**
 * Recomputes the whole chain from the first event, in batches (bounded memory whatever the number
 * of events), in one read-only snapshot, and answers the first broken link.
 */
export async function verifyAuditChain(
  manager: EntityManager,
  options: VerifyOptions = {},
): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? 5000;
  const checkpoints = new Map((options.checkpoints ?? []).map((c) => [BigInt(c.seq), c.hash.toLowerCase()]));
  return manager.transaction('REPEATABLE READ', async (tx) => {
    await tx.query('SET TRANSACTION READ ONLY');
    let expected = 1n;
    let prevHash = GENESIS_HASH;
    let checked = 0;
    let last: { seq: string; id: string } = { seq: '0', id: '00000000-0000-0000-0000-000000000000' };
    const broken = async (brokenAt: AuditChainBreak): Promise<AuditVerification> => ({
      ok: false,
      events: await count(tx),
      brokenAt,
    });
    for (;;) {
      const rows = await batch(tx, last, batchSize);
      for (const row of rows) {
        const seq = BigInt(row.seq);
        const at = { seq: Number(seq), id: row.id };
        if (seq < expected) return broken({ ...at, problem: 'out_of_order' });
        if (seq > expected) return broken({ ...at, problem: 'missing', missingFrom: Number(expected) });
        if (row.prev_hash !== prevHash) return broken({ ...at, problem: 'unlinked' });
        if (row.hash === null || hashOf(row) !== row.hash) return broken({ ...at, problem: 'changed' });
        const checkpoint = checkpoints.get(seq);
        if (checkpoint !== undefined && checkpoint !== row.hash) return broken({ ...at, problem: 'checkpoint' });
        checkpoints.delete(seq);
        prevHash = row.hash;
        expected = seq + 1n;
        checked++;
      }
      if (rows.length < batchSize) break;
      last = rows[rows.length - 1];
      options.progress?.(checked);
    }
    // a checkpoint beyond the head: the events at the end of the trail were deleted
    const gone = [...checkpoints.keys()].sort((a, b) => (a < b ? -1 : 1))[0];
    if (gone !== undefined) return broken({ seq: Number(gone), id: null, problem: 'checkpoint' });
    return { ok: true, events: checked, head: checked ? prevHash : null };
  });
}

function hashOf(row: Row): string | null {
  const fields: ChainFields = {
    seq: row.seq,
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    requestId: row.request_id,
    details: row.details,
    prevHash: row.prev_hash ?? '',
  };
  try {
    return eventHash(fields);
  } catch {
    // content no writer could have hashed (a number JSON cannot hold, say): changed
    return null;
  }
}

function batch(tx: EntityManager, after: { seq: string; id: string }, size: number): Promise<Row[]> {
  // keyset on (seq, id), so that even a duplicated sequence number is read, and reported
  return tx.query(
    `SELECT e.id, e.seq::text AS seq, ${canonicalAtSql('e.at')} AS at, e.actor_id, e.action, e.entity_type,
            e.entity_id, e.request_id, e.details, e.prev_hash, e.hash
       FROM audit_events AS e
      WHERE e.seq >= $1 AND (e.seq, e.id) > ($1, $2)
      ORDER BY e.seq, e.id
      LIMIT $3`,
    [after.seq, after.id, size],
  );
}

async function count(tx: EntityManager): Promise<number> {
  const [{ n }] = (await tx.query(`SELECT count(*)::bigint::text AS n FROM audit_events`)) as { n: string }[];
  return Number(n);
}

/** The first broken link in words, for operators (the API answers the codes; the UI words them itself). */
export function describeBreak(b: AuditChainBreak): string {
  switch (b.problem) {
    case 'changed':
      return `event ${b.seq} (${b.id}) no longer gives its stored hash: its content was changed`;
    case 'missing':
      return b.missingFrom === b.seq - 1
        ? `event ${b.missingFrom} is missing before event ${b.seq} (${b.id}): it was deleted`
        : `events ${b.missingFrom} to ${b.seq - 1} are missing before event ${b.seq} (${b.id}): they were deleted`;
    case 'unlinked':
      return b.seq === 1
        ? `event 1 (${b.id}) does not start the chain (its previous hash is not 64 zeros): it was changed`
        : `event ${b.seq} (${b.id}) does not carry the hash of event ${b.seq - 1}: ` +
            `that event was changed and rehashed, or inserted`;
    case 'out_of_order':
      return `event ${b.seq} (${b.id}) is not numbered above the event before it: an event was inserted or renumbered`;
    case 'checkpoint':
      return b.id
        ? `event ${b.seq} (${b.id}) does not carry the checkpoint's hash: the trail was rewritten from it or an earlier event`
        : `event ${b.seq} of the checkpoint is no longer in the trail: events at its end were deleted`;
  }
}
