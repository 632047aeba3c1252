import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Narrative columns hold AES-256-GCM ciphertext (api/src/crypto/): longer than
 * the text, so the columns with a length limit become text (the DTOs keep the
 * limits). The values stored before are encrypted by the application when it
 * starts (encryption-at-start.ts): a migration has no key.
 *
 * Payments stay append-only, with one exception: the payee reference may be
 * replaced by a value in the encrypted form while nothing else of the row
 * changes (its first encryption, and key rotation).
 */
export class EncryptNarratives1795300500000 implements MigrationInterface {
  name = 'EncryptNarratives1795300500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE disbursements ALTER COLUMN payee_reference TYPE text`);
    await db.query(`ALTER TABLE attachments ALTER COLUMN file_name TYPE text`);
    await db.query(`
      CREATE FUNCTION disbursements_only_reencrypted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (to_jsonb(NEW) - 'payee_reference') = (to_jsonb(OLD) - 'payee_reference')
           AND NEW.payee_reference ~ '^ep1:[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/]+={0,2}$' THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'disbursements is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`DROP TRIGGER disbursements_no_change ON disbursements`);
    await db.query(`
      CREATE TRIGGER disbursements_no_change BEFORE UPDATE ON disbursements
      FOR EACH ROW EXECUTE FUNCTION disbursements_only_reencrypted()`);
    await db.query(`
      CREATE TRIGGER disbursements_no_delete BEFORE DELETE ON disbursements
      FOR EACH ROW EXECUTE FUNCTION money_records_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER disbursements_no_delete ON disbursements`);
    await db.query(`DROP TRIGGER disbursements_no_change ON disbursements`);
    await db.query(`
      CREATE TRIGGER disbursements_no_change BEFORE UPDATE OR DELETE ON disbursements
      FOR EACH ROW EXECUTE FUNCTION money_records_append_only()`);
    await db.query(`DROP FUNCTION disbursements_only_reencrypted()`);
    // encrypted values do not fit the old limits: the columns stay text
  }
}
