import type { MigrationInterface, QueryRunner } from 'typeorm';

// The signed effect of a posting on each figure, as POSTING_EFFECT (api/src/ledger/ledger-figures.ts)
// says; written out here so that this migration stays what it was. check:ledger compares the two.
const COMMITTED = `CASE kind WHEN 'commit' THEN amount WHEN 'refund' THEN amount ELSE -amount END`;
const DISBURSED = `CASE kind WHEN 'disburse' THEN amount WHEN 'refund' THEN -amount ELSE 0 END`;

/**
 * The ledger's trigger at scale (issue 12). The balances of budget_years were
 * moved by one UPDATE per posting; a bulk insert of a million postings then
 * updated one row a million times. The trigger now runs once per statement
 * over the rows it inserted (a transition table) and moves each year once by
 * the statement's sum. The checks of budget_years still refuse an
 * over-committed pool inside the inserting statement.
 */
export class LedgerSummaries1795301300000 implements MigrationInterface {
  name = 'LedgerSummaries1795301300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER ledger_postings_apply ON ledger_postings`);
    await db.query(`DROP FUNCTION ledger_postings_apply()`);
    // years in the order of their ids, so that two statements touching the same years lock them in one order
    await db.query(`
      CREATE FUNCTION ledger_postings_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE y record;
      BEGIN
        FOR y IN
          SELECT budget_year_id, sum(${COMMITTED}) AS committed, sum(${DISBURSED}) AS disbursed
            FROM new_postings GROUP BY budget_year_id ORDER BY budget_year_id
        LOOP
          UPDATE budget_years SET
            committed = committed + y.committed,
            disbursed = disbursed + y.disbursed,
            updated_at = now()
          WHERE id = y.budget_year_id;
        END LOOP;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER ledger_postings_apply AFTER INSERT ON ledger_postings
      REFERENCING NEW TABLE AS new_postings
      FOR EACH STATEMENT EXECUTE FUNCTION ledger_postings_apply()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER ledger_postings_apply ON ledger_postings`);
    await db.query(`DROP FUNCTION ledger_postings_apply()`);
    await db.query(`
      CREATE FUNCTION ledger_postings_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE budget_years SET
          committed = committed + CASE NEW.kind WHEN 'commit' THEN NEW.amount WHEN 'refund' THEN NEW.amount ELSE -NEW.amount END,
          disbursed = disbursed + CASE NEW.kind WHEN 'disburse' THEN NEW.amount WHEN 'refund' THEN -NEW.amount ELSE 0 END,
          updated_at = now()
        WHERE id = NEW.budget_year_id;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER ledger_postings_apply AFTER INSERT ON ledger_postings
      FOR EACH ROW EXECUTE FUNCTION ledger_postings_apply()`);
  }
}
