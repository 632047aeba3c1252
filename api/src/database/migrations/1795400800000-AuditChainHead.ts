import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12: an audited change took the chain's place in three statements, one after the other, at
 * its commit: the KEY SHARE locks on the actors' rows, the chain's lock, then a read of its head.
 * Each waited for the process to take up the answer before the next was sent, and the chain's lock
 * (and any lock the change held, a budget year's) stayed held meanwhile. `audit_chain_head` does
 * the three in one statement; each of its own statements takes a snapshot of its own (READ
 * COMMITTED), so the head is read after the lock is granted, as before.
 *
 * The lock is AUDIT_CHAIN_LOCK (api/src/audit/audit-chain.ts, 0x415544) and `head_at` the time in the
 * chain's canonical form (canonicalAtSql there), as the statements it replaces had them.
 */
export class AuditChainHead1795400800000 implements MigrationInterface {
  name = 'AuditChainHead1795400800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION audit_chain_head(actors uuid[])
        RETURNS TABLE (head_seq text, head_hash text, head_at text)
        LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        -- the foreign key check of actor_id takes these too: first, so that no insert under the chain's lock waits
        PERFORM 1 FROM users u WHERE u.id = ANY (actors) ORDER BY u.id FOR KEY SHARE;
        PERFORM pg_advisory_xact_lock(4281668);
        RETURN QUERY
          SELECT h.seq::text, h.hash::text,
                 to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
            FROM (SELECT 1) AS one
            LEFT JOIN LATERAL (SELECT e.seq, e.hash FROM audit_events e ORDER BY e.seq DESC LIMIT 1) AS h ON true;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION audit_chain_head(uuid[])`);
  }
}
