import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_CHAIN_LOCK, canonicalAtSql, eventHash, GENESIS_HASH, type JsonValue } from '../../audit/audit-chain.js';

const BATCH = 5000;

/**
 * The audit trail becomes a hash chain: each event stores the SHA-256 of its canonical content
 * (audit-chain.ts), which includes the hash of the event before it. The existing events are
 * chained in their order, renumbered 1, 2, 3, … so that a gap shows a deleted event; from now on
 * the writer gives each event the next number under the chain's lock, and no sequence does.
 */
export class AuditChain1795300700000 implements MigrationInterface {
  name = 'AuditChain1795300700000';

  async up(db: QueryRunner): Promise<void> {
    // no writer of an older version appends while the chain is built; readers may go on
    await db.query(`LOCK TABLE audit_events IN SHARE ROW EXCLUSIVE MODE`);
    await db.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    await db.query(`
      ALTER TABLE audit_events
        ADD COLUMN prev_hash varchar(64),
        ADD COLUMN hash varchar(64),
        DROP CONSTRAINT audit_events_seq_unique,
        ALTER COLUMN seq DROP DEFAULT`);
    await db.query(`DROP SEQUENCE audit_events_seq_seq`);
    await db.query(`CREATE INDEX audit_events_seq_renumbering ON audit_events (seq)`);
    // the one rewrite the trail ever gets, by its owner, before it is chained
    await db.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change`);
    let after = '0';
    let seq = 0n;
    let prevHash = GENESIS_HASH;
    for (;;) {
      const rows = (await db.query(
        `SELECT e.id, e.seq::text AS seq, ${canonicalAtSql('e.at')} AS at, e.actor_id, e.action, e.entity_type,
                e.entity_id, e.request_id, e.details
           FROM audit_events AS e WHERE e.seq > $1 ORDER BY e.seq LIMIT $2`,
        [after, BATCH],
      )) as Row[];
      if (!rows.length) break;
      after = rows[rows.length - 1].seq;
      const chained = rows.map((row) => {
        seq += 1n;
        const hash = eventHash({
          seq: String(seq),
          id: row.id,
          at: row.at,
          actorId: row.actor_id,
          action: row.action,
          entityType: row.entity_type,
          entityId: row.entity_id,
          requestId: row.request_id,
          details: row.details,
          prevHash,
        });
        const link = { id: row.id, seq: String(seq), prevHash, hash };
        prevHash = hash;
        return link;
      });
      // renumbering only ever lowers a number (seq n is the n-th), so rows not yet read stay above `after`
      await db.query(
        `UPDATE audit_events AS e SET seq = c.seq, prev_hash = c.prev_hash, hash = c.hash
           FROM unnest($1::uuid[], $2::bigint[], $3::varchar[], $4::varchar[]) AS c(id, seq, prev_hash, hash)
          WHERE e.id = c.id`,
        [
          chained.map((c) => c.id),
          chained.map((c) => c.seq),
          chained.map((c) => c.prevHash),
          chained.map((c) => c.hash),
        ],
      );
    }
    await db.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change`);
    await db.query(`DROP INDEX audit_events_seq_renumbering`);
    await db.query(`
      ALTER TABLE audit_events
        ALTER COLUMN prev_hash SET NOT NULL,
        ALTER COLUMN hash SET NOT NULL,
        ADD CONSTRAINT audit_events_seq_unique UNIQUE (seq),
        ADD CONSTRAINT audit_events_seq_positive CHECK (seq > 0),
        ADD CONSTRAINT audit_events_hash_hex CHECK (hash ~ '^[0-9a-f]{64}$'),
        ADD CONSTRAINT audit_events_prev_hash_hex CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
        -- one chain: no two events follow the same one
        ADD CONSTRAINT audit_events_prev_hash_unique UNIQUE (prev_hash)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE audit_events
        DROP CONSTRAINT audit_events_prev_hash_unique,
        DROP CONSTRAINT audit_events_prev_hash_hex,
        DROP CONSTRAINT audit_events_hash_hex,
        DROP CONSTRAINT audit_events_seq_positive,
        DROP COLUMN hash,
        DROP COLUMN prev_hash`);
    await db.query(`CREATE SEQUENCE audit_events_seq_seq OWNED BY audit_events.seq`);
    await db.query(`SELECT setval('audit_events_seq_seq', coalesce(max(seq), 0) + 1, false) FROM audit_events`);
    await db.query(`ALTER TABLE audit_events ALTER COLUMN seq SET DEFAULT nextval('audit_events_seq_seq')`);
  }
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
}
