import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SecondFactorAndThrottle1795300420000 implements MigrationInterface {
  name = 'SecondFactorAndThrottle1795300420000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users
        ADD COLUMN totp_secret text,
        ADD COLUMN totp_pending_secret text,
        ADD COLUMN totp_enabled_at timestamptz,
        ADD COLUMN totp_last_step bigint,
        ADD CONSTRAINT users_totp_enabled_with_secret CHECK ((totp_secret IS NULL) = (totp_enabled_at IS NULL)),
        -- the time step of the last accepted code: a code is never accepted twice
        ADD CONSTRAINT users_totp_last_step_with_secret CHECK (
          totp_last_step IS NULL OR (totp_secret IS NOT NULL AND totp_last_step >= 0)),
        ADD CONSTRAINT users_totp_pending_only_when_off CHECK (totp_pending_secret IS NULL OR totp_secret IS NULL)`);
    await db.query(`
      CREATE TABLE totp_recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        code_hash text NOT NULL CONSTRAINT totp_recovery_codes_argon2id CHECK (code_hash LIKE '$argon2id$%'),
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz,
        CONSTRAINT totp_recovery_codes_used_after_creation CHECK (used_at IS NULL OR used_at >= created_at)
      )`);
    await db.query(
      `CREATE INDEX totp_recovery_codes_user_unused_idx ON totp_recovery_codes (user_id) WHERE used_at IS NULL`,
    );

    // An attempt is reserved before the password is verified: NULL until then, and counted as a failure.
    await db.query(`ALTER TABLE login_attempts ALTER COLUMN succeeded DROP NOT NULL`);
    await db.query(`DROP INDEX login_attempts_email_at_idx`);
    await db.query(`CREATE INDEX login_attempts_email_at_idx ON login_attempts (email, at DESC) INCLUDE (succeeded)`);
    await db.query(`CREATE INDEX login_attempts_email_success_idx ON login_attempts (email, at DESC) WHERE succeeded`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX login_attempts_email_success_idx`);
    await db.query(`DROP INDEX login_attempts_email_at_idx`);
    await db.query(`CREATE INDEX login_attempts_email_at_idx ON login_attempts (email, at DESC)`);
    await db.query(`UPDATE login_attempts SET succeeded = false WHERE succeeded IS NULL`);
    await db.query(`ALTER TABLE login_attempts ALTER COLUMN succeeded SET NOT NULL`);
    await db.query(`DROP TABLE totp_recovery_codes`);
    await db.query(`
      ALTER TABLE users
        DROP COLUMN totp_last_step,
        DROP COLUMN totp_enabled_at,
        DROP COLUMN totp_pending_secret,
        DROP COLUMN totp_secret`);
  }
}
