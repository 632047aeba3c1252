import type { MigrationInterface, QueryRunner } from 'typeorm';

// The signed effect of a posting on each figure, as POSTING_EFFECT (api/src/ledger/ledger-figures.ts)
// says; written out here so that this migration stays what it was. check:ledger compares the two.
const COMMITTED = `CASE kind WHEN 'commit' THEN amount WHEN 'refund' THEN amount ELSE -amount END`;
const DISBURSED = `CASE kind WHEN 'disburse' THEN amount WHEN 'refund' THEN -amount ELSE 0 END`;
// the first day of posted_on's month, as calendar arithmetic on a timestamp without time zone
const MONTH = `date_trunc('month', posted_on::timestamp)::date`;

/**
 * The ledger's trigger at scale (issue 12). The balances of budget_years were
 * moved by one UPDATE per posting; a bulk insert of a million postings then
 * updated one row a million times, and every report summed every posting. The
 * trigger now runs once per statement over the rows it inserted (a transition
 * table): it moves each year once by the statement's sum, and adds the same
 * sums per year, unit, category and month of posting to `ledger_monthly`, the
 * summary the reports read. The checks of budget_years still refuse an
 * over-committed pool inside the inserting statement; `check:ledger`
 * recomputes the summary from the postings.
 */
export class LedgerSummaries1795301300000 implements MigrationInterface {
  name = 'LedgerSummaries1795301300000';

  async up(db: QueryRunner): Promise<void> {
    // the movements of a year, unit and category in a calendar month of posted_on (a date: no time zone)
    await db.query(`
      CREATE TABLE ledger_monthly (
        budget_year_id uuid NOT NULL REFERENCES budget_years (id),
        unit_id uuid NOT NULL REFERENCES units (id),
        category_code varchar(40) NOT NULL,
        month date NOT NULL CONSTRAINT ledger_monthly_first_of_month CHECK (extract(day FROM month) = 1),
        committed bigint NOT NULL,
        disbursed bigint NOT NULL,
        PRIMARY KEY (budget_year_id, unit_id, category_code, month)
      )`);
    await db.query(`
      INSERT INTO ledger_monthly (budget_year_id, unit_id, category_code, month, committed, disbursed)
      SELECT budget_year_id, unit_id, category_code, ${MONTH}, sum(${COMMITTED}), sum(${DISBURSED})
        FROM ledger_postings GROUP BY 1, 2, 3, 4`);

    await db.query(`DROP TRIGGER ledger_postings_apply ON ledger_postings`);
    await db.query(`DROP FUNCTION ledger_postings_apply()`);
    // years in the order of their ids, so that two statements touching the same years lock them in one order;
    // a year's summary rows are written after its row is locked, so they never make a lock order of their own
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
        INSERT INTO ledger_monthly AS m (budget_year_id, unit_id, category_code, month, committed, disbursed)
        SELECT budget_year_id, unit_id, category_code, ${MONTH}, sum(${COMMITTED}), sum(${DISBURSED})
          FROM new_postings GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (budget_year_id, unit_id, category_code, month) DO UPDATE SET
          committed = m.committed + excluded.committed,
          disbursed = m.disbursed + excluded.disbursed;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER ledger_postings_apply AFTER INSERT ON ledger_postings
      REFERENCING NEW TABLE AS new_postings
      FOR EACH STATEMENT EXECUTE FUNCTION ledger_postings_apply()`);

    // written by that trigger only (it runs one level down): the code, like anyone, may only read it
    await db.query(`
      CREATE FUNCTION ledger_monthly_by_trigger_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF pg_trigger_depth() < 2 THEN
          RAISE EXCEPTION 'ledger_monthly is kept by the ledger_postings trigger only (% refused)', TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER ledger_monthly_by_trigger_only BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON ledger_monthly
      FOR EACH STATEMENT EXECUTE FUNCTION ledger_monthly_by_trigger_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE ledger_monthly`);
    await db.query(`DROP FUNCTION ledger_monthly_by_trigger_only()`);
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
