import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The keys the stored values are encrypted under, each with a check value (a
 * fixed text sealed under that key). At start, the key ring is checked against
 * these few rows instead of reading every narrative value, so that start-up
 * does not grow with the data; the first start after this migration fills the
 * table from a full check (api/src/crypto/key-registry.ts).
 */
export class EncryptionKeyRegistry1795301400000 implements MigrationInterface {
  name = 'EncryptionKeyRegistry1795301400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE encryption_keys (
        key_id varchar(16) PRIMARY KEY CHECK (key_id ~ '^[A-Za-z0-9_-]{1,16}$'),
        -- the check text sealed under key_id, never a stored narrative
        check_value text NOT NULL CHECK (check_value ~ '^ep1:[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/]+={0,2}$'
          AND starts_with(check_value, 'ep1:' || key_id || ':')),
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE encryption_keys`);
  }
}
