import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pool's money. Every figure is derived from append-only postings; the
 * running balances kept for speed are written only by triggers on those
 * postings, and checks refuse an over-committed pool, an over-paid grant and a
 * refund above what was paid, whatever the code does.
 */
export class Ledger1795300300000 implements MigrationInterface {
  name = 'Ledger1795300300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE budget_years (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year int NOT NULL CONSTRAINT budget_years_year_unique UNIQUE CHECK (year BETWEEN 2000 AND 2100),
        pool_amount bigint NOT NULL CHECK (pool_amount >= 0),
        -- running balances: written only by the ledger_postings trigger
        committed bigint NOT NULL DEFAULT 0 CONSTRAINT budget_years_committed_not_negative CHECK (committed >= 0),
        disbursed bigint NOT NULL DEFAULT 0 CONSTRAINT budget_years_disbursed_not_negative CHECK (disbursed >= 0),
        status varchar(10) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        closed_at timestamptz,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT budget_years_never_over_committed CHECK (pool_amount - committed - disbursed >= 0)
      )`);
    await db.query(`
      CREATE TABLE budget_allocations (
        budget_year_id uuid NOT NULL REFERENCES budget_years (id),
        unit_id uuid NOT NULL REFERENCES units (id),
        amount bigint NOT NULL CHECK (amount >= 0),
        PRIMARY KEY (budget_year_id, unit_id)
      )`);

    await db.query(`ALTER TABLE applications ADD COLUMN budget_year_id uuid REFERENCES budget_years (id)`);
    await db.query(`CREATE INDEX applications_budget_year_idx ON applications (budget_year_id, status)`);

    await db.query(`
      CREATE TABLE disbursements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL CONSTRAINT disbursements_seq_unique UNIQUE,
        application_id uuid NOT NULL REFERENCES applications (id),
        unit_id uuid NOT NULL REFERENCES units (id),
        budget_year_id uuid NOT NULL REFERENCES budget_years (id),
        amount bigint NOT NULL CONSTRAINT disbursements_amount_not_zero CHECK (amount <> 0),
        paid_on date NOT NULL,
        payee_type varchar(20) NOT NULL DEFAULT 'other'
          CHECK (payee_type IN ('clinic', 'landlord', 'psychologist', 'municipality', 'other')),
        payee_reference varchar(100),
        account_code varchar(40),
        idempotency_key varchar(100) CONSTRAINT disbursements_idempotency_key_unique UNIQUE,
        request_hash char(64),
        recorded_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX disbursements_application_idx ON disbursements (application_id)`);
    await db.query(`CREATE INDEX disbursements_year_unit_idx ON disbursements (budget_year_id, unit_id, paid_on)`);
    await db.query(`CREATE INDEX disbursements_paid_on_idx ON disbursements (paid_on, seq)`);

    await db.query(`
      CREATE TABLE ledger_postings (
        id bigserial PRIMARY KEY,
        budget_year_id uuid NOT NULL REFERENCES budget_years (id),
        application_id uuid NOT NULL REFERENCES applications (id),
        unit_id uuid NOT NULL REFERENCES units (id),
        category_code varchar(40) NOT NULL,
        kind varchar(10) NOT NULL CHECK (kind IN ('commit', 'release', 'disburse', 'refund')),
        amount bigint NOT NULL CONSTRAINT ledger_postings_amount_positive CHECK (amount > 0),
        posted_on date NOT NULL,
        disbursement_id uuid REFERENCES disbursements (id),
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ledger_postings_payment_has_disbursement CHECK ((kind IN ('disburse', 'refund')) = (disbursement_id IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX ledger_postings_year_idx ON ledger_postings (budget_year_id, posted_on)`);
    await db.query(`CREATE INDEX ledger_postings_application_idx ON ledger_postings (application_id)`);

    // a posting moves the year's balances; the budget_years checks then refuse any impossible state
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

    // a payment is recorded against an approved grant only, and moves its paid amount
    await db.query(`
      CREATE FUNCTION disbursements_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE grant_status varchar;
      BEGIN
        SELECT status INTO grant_status FROM applications WHERE id = NEW.application_id FOR UPDATE;
        IF NEW.amount > 0 AND grant_status NOT IN ('approved', 'partially_approved') THEN
          RAISE EXCEPTION 'no payment on an application that is %', grant_status USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.amount < 0 AND grant_status NOT IN ('approved', 'partially_approved', 'paid', 'cancelled') THEN
          RAISE EXCEPTION 'no refund on an application that is %', grant_status USING ERRCODE = 'check_violation';
        END IF;
        UPDATE applications SET paid_amount = paid_amount + NEW.amount WHERE id = NEW.application_id;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER disbursements_apply BEFORE INSERT ON disbursements
      FOR EACH ROW EXECUTE FUNCTION disbursements_apply()`);

    // money records are never changed or deleted: a mistake is corrected by a refund
    await db.query(`
      CREATE FUNCTION money_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['ledger_postings', 'disbursements']) {
      await db.query(`
        CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION money_records_append_only()`);
      await db.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION money_records_append_only()`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE ledger_postings`);
    await db.query(`DROP TABLE disbursements`);
    await db.query(`DROP FUNCTION money_records_append_only()`);
    await db.query(`DROP FUNCTION disbursements_apply()`);
    await db.query(`DROP FUNCTION ledger_postings_apply()`);
    await db.query(`ALTER TABLE applications DROP COLUMN budget_year_id`);
    await db.query(`DROP TABLE budget_allocations`);
    await db.query(`DROP TABLE budget_years`);
  }
}
