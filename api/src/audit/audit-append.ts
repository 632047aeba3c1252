import type { EntityManager } from 'typeorm';
import { AUDIT_CHAIN_LOCK, canonicalAtSql, type ChainFields, eventHash, GENESIS_HASH } from './audit-chain.js';

/** An event ready to join the chain: everything but its place (seq, at, prevHash, hash). */
export type NewAuditEvent = Omit<ChainFields, 'seq' | 'at' | 'prevHash'>;

/**
 * Appends events at the head of the chain, in the transaction of `tx`, which must be about to
 * commit: the chain's lock is held from here until that commit, so it must be the transaction's
 * last lock. Two transactions that both hold it never wait for each other's row locks, and
 * no deadlock can include it.
 */
export async function appendAuditEvents(tx: EntityManager, events: readonly NewAuditEvent[]): Promise<void> {
  if (!events.length) return;
  const actors = [...new Set(events.map((e) => e.actorId).filter((a): a is string => a !== null))].sort();
  // The foreign key check of actor_id takes a KEY SHARE lock on each actor's row: take those
  // first, so that the insert below waits for no row lock while it holds the chain's lock.
  if (actors.length) {
    await tx.query(`SELECT 1 FROM users WHERE id = ANY($1::uuid[]) ORDER BY id FOR KEY SHARE`, [actors]);
  }
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  // Under READ COMMITTED this statement sees every append committed before the lock was granted.
  const [head] = (await tx.query(
    `SELECT h.seq::text AS seq, h.hash, ${canonicalAtSql('clock_timestamp()')} AS now
       FROM (SELECT 1) AS one
       LEFT JOIN LATERAL (SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1) AS h ON true`,
  )) as { seq: string | null; hash: string | null; now: string }[];
  let seq = BigInt(head.seq ?? 0);
  let prevHash = head.hash ?? GENESIS_HASH;
  const rows = events.map((e) => {
    seq += 1n;
    const fields = { ...e, seq: String(seq), at: head.now, prevHash };
    const hash = eventHash(fields);
    prevHash = hash;
    return { ...fields, hash };
  });
  const column = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  await tx.query(
    `INSERT INTO audit_events
       (id, seq, at, actor_id, action, entity_type, entity_id, request_id, details, prev_hash, hash)
     SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::timestamptz[], $4::uuid[], $5::varchar[], $6::varchar[],
                          $7::varchar[], $8::varchar[], $9::jsonb[], $10::varchar[], $11::varchar[])`,
    [
      column('id'),
      column('seq'),
      column('at'),
      column('actorId'),
      column('action'),
      column('entityType'),
      column('entityId'),
      column('requestId'),
      rows.map((r) => JSON.stringify(r.details)),
      column('prevHash'),
      column('hash'),
    ],
  );
}
