import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How a grant is to be paid ("paid directly to the clinic against invoice"),
 * a field of the decision of its own, for finance, apart from the narrative.
 * Encrypted at rest like the narratives, and purged with them.
 */
export class PaymentInstructions1795301100000 implements MigrationInterface {
  name = 'PaymentInstructions1795301100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE applications ADD COLUMN payment_instructions text`);
    await db.query(`ALTER TABLE applications DROP CONSTRAINT applications_purged_has_no_narrative`);
    await db.query(`
      ALTER TABLE applications ADD CONSTRAINT applications_purged_has_no_narrative CHECK (purged_at IS NULL OR (
        justification IS NULL AND decision_reason IS NULL AND conditions IS NULL AND payment_instructions IS NULL
        AND NOT jsonb_path_exists(lines, '$[*] ? (@.description != null)')
        AND NOT jsonb_path_exists(overrides, '$[*] ? (@.justification != null)')))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE applications DROP CONSTRAINT applications_purged_has_no_narrative`);
    await db.query(`
      ALTER TABLE applications ADD CONSTRAINT applications_purged_has_no_narrative CHECK (purged_at IS NULL OR (
        justification IS NULL AND decision_reason IS NULL AND conditions IS NULL
        AND NOT jsonb_path_exists(lines, '$[*] ? (@.description != null)')
        AND NOT jsonb_path_exists(overrides, '$[*] ? (@.justification != null)')))`);
    await db.query(`ALTER TABLE applications DROP COLUMN payment_instructions`);
  }
}
