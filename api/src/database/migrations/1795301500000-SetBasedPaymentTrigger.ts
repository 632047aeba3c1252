import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payments at scale. The payment trigger ran once per row, and each run
 * updated the grant's row, whose CHECK re-planned the SQL function that adds
 * up the cost lines on every update. Now the trigger runs once per statement
 * over its transition table (one UPDATE per grant, however many payments a
 * COPY brings), and the lines' total is PL/pgSQL, whose plan a session keeps.
 * The refusals, their wording and what the checks guard are the same.
 */
export class SetBasedPaymentTrigger1795301500000 implements MigrationInterface {
  name = 'SetBasedPaymentTrigger1795301500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION application_lines_total(lines jsonb) RETURNS numeric
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      BEGIN
        RETURN (SELECT coalesce(sum((l->>'quantity')::numeric * (l->>'unitAmount')::numeric), 0)
                  FROM jsonb_array_elements(lines) AS l);
      END $$`);
    await db.query(`DROP TRIGGER disbursements_apply ON disbursements`);
    await db.query(`DROP FUNCTION disbursements_apply()`);
    // a payment is recorded against an approved grant only (a refund also on a paid or cancelled one),
    // and moves its paid amount; the grant's checks then refuse paying more than was granted
    await db.query(`
      CREATE FUNCTION disbursements_apply() RETURNS trigger LANGUAGE plpgsql AS $$
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
         WHERE a.id = s.application_id;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER disbursements_apply AFTER INSERT ON disbursements
      REFERENCING NEW TABLE AS new_payments FOR EACH STATEMENT EXECUTE FUNCTION disbursements_apply()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER disbursements_apply ON disbursements`);
    await db.query(`DROP FUNCTION disbursements_apply()`);
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
    await db.query(`
      CREATE OR REPLACE FUNCTION application_lines_total(lines jsonb) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
        SELECT coalesce(sum((l->>'quantity')::numeric * (l->>'unitAmount')::numeric), 0)
          FROM jsonb_array_elements(lines) AS l
      $$`);
  }
}
