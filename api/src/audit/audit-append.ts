import type { EntityManager } from 'typeorm';
import { type ChainFields, eventHash, GENESIS_HASH } from './audit-chain.js';

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
  // In one statement (the function audit_chain_head, of the migrations): the KEY SHARE locks that the
  // foreign key check of actor_id takes on each actor's row, first, so that the insert below waits for
  // no row lock while it holds the chain's lock; then the chain's lock; then, in a statement of its own
  // and so seeing every append committed before the lock was granted, the chain's head.
  const [head] = (await tx.query(
    `SELECT head_seq AS seq, head_hash AS hash, head_at AS now FROM audit_chain_head($1::uuid[])`,
    [actors],
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
