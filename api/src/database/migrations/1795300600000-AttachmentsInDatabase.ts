import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachment bytes move into PostgreSQL, encrypted, in chunks. The files under
 * DATA_DIR/attachments are moved by the application when it starts
 * (AttachmentFileMove): a migration has no key to encrypt with.
 */
export class AttachmentsInDatabase1795300600000 implements MigrationInterface {
  name = 'AttachmentsInDatabase1795300600000';

  async up(db: QueryRunner): Promise<void> {
    // bytes: 0x01 ‖ len(keyId) ‖ keyId ‖ iv ‖ ciphertext ‖ tag (api/src/crypto/cipher.ts), at least one byte of ciphertext
    await db.query(`
      CREATE TABLE attachment_chunks (
        attachment_id uuid NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
        n int NOT NULL CONSTRAINT attachment_chunks_n_not_negative CHECK (n >= 0),
        bytes bytea NOT NULL CONSTRAINT attachment_chunks_encrypted CHECK (
          CASE WHEN length(bytes) < 2 THEN false
               ELSE get_byte(bytes, 0) = 1 AND get_byte(bytes, 1) > 0 AND length(bytes) > 2 + get_byte(bytes, 1) + 12 + 16
          END),
        key_id text GENERATED ALWAYS AS (
          CASE WHEN length(bytes) < 2 THEN NULL ELSE encode(substring(bytes FROM 3 FOR get_byte(bytes, 1)), 'escape') END
        ) STORED,
        PRIMARY KEY (attachment_id, n)
      )`);
    // ciphertext does not compress: spare PostgreSQL the attempt
    await db.query(`ALTER TABLE attachment_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL`);
    // NULL once the bytes are in attachment_chunks; the name of the old file until then
    await db.query(`ALTER TABLE attachments ALTER COLUMN storage_key DROP NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    const [{ moved }] = await db.query(`SELECT count(*)::int AS moved FROM attachments WHERE storage_key IS NULL`);
    if (moved > 0) {
      throw new Error(`${moved} attachment(s) are stored only in the database; they cannot be moved back to files`);
    }
    await db.query(`DROP TABLE attachment_chunks`);
    await db.query(`ALTER TABLE attachments ALTER COLUMN storage_key SET NOT NULL`);
  }
}
