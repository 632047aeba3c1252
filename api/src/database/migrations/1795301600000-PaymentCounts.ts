import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The number of payments (and refunds) per unit, kept by the payment trigger
 * in the statement that records them, so that the whole payments list's total
 * is a sum of a dozen rows instead of a count of a million. Only the trigger
 * writes it; check:ledger compares it with the payments.
 */
export class PaymentCounts1795301600000 implements MigrationInterface {
  name = 'PaymentCounts1795301600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE disbursement_counts (
        unit_id uuid PRIMARY KEY REFERENCES units (id),
        payments bigint NOT NULL CONSTRAINT disbursement_counts_not_negative CHECK (payments >= 0)
      )`);
    await db.query(
      `INSERT INTO disbursement_counts (unit_id, payments) SELECT unit_id, count(*) FROM disbursements GROUP BY unit_id`,
    );
    await db.query(paymentTrigger(true));
    await db.query(`
      CREATE FUNCTION disbursement_counts_by_trigger_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF pg_trigger_depth() < 2 THEN
          RAISE EXCEPTION 'disbursement_counts is kept by the disbursements trigger only (% refused)', TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER disbursement_counts_by_trigger_only BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE
      ON disbursement_counts FOR EACH STATEMENT EXECUTE FUNCTION disbursement_counts_by_trigger_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(paymentTrigger(false));
    await db.query(`DROP TABLE disbursement_counts`);
    await db.query(`DROP FUNCTION disbursement_counts_by_trigger_only()`);
  }
}

/** The payment trigger's function (migration 1795301500000), and with `counted` the count per unit this one adds. */
function paymentTrigger(counted: boolean): string {
  return `
    CREATE OR REPLACE FUNCTION disbursements_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE refused record;
    BEGIN
      SELECT a.status, n.amount > 0 AS payment INTO refused
        FROM new_payments n JOIN applications a ON a.id = n.application_id
       WHERE (n.amount > 0 AND a.status NOT IN ('approved', 'partially_approved'))
          OR (n.amount < 0 AND a.status NOT IN ('approved', 'partially_approved', 'paid', 'cancelled'))
       LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION 'no % on an application that is %', CASE WHEN refused.payment THEN 'payment' ELSE 'refund' END,
          refused.status USING ERRCODE = 'check_violation';
      END IF;
      UPDATE applications a SET paid_amount = a.paid_amount + s.amount
        FROM (SELECT application_id, sum(amount) AS amount FROM new_payments GROUP BY application_id) AS s
       WHERE a.id = s.application_id;${
         counted
           ? `
      INSERT INTO disbursement_counts (unit_id, payments)
      SELECT unit_id, count(*) FROM new_payments GROUP BY unit_id ORDER BY unit_id
      ON CONFLICT (unit_id) DO UPDATE SET payments = disbursement_counts.payments + EXCLUDED.payments;`
           : ''
       }
      RETURN NULL;
    END $$`;
}
