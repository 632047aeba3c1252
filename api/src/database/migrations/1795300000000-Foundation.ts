import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795300000000 implements MigrationInterface {
  name = 'Foundation1795300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(5) NOT NULL CONSTRAINT units_code_format CHECK (code ~ '^[A-Z]{2,5}$'),
        name varchar(200) NOT NULL CONSTRAINT units_name_not_blank CHECK (btrim(name) <> ''),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT units_code_unique UNIQUE (code)
      )`);
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL CONSTRAINT users_email_lowercase CHECK (email = lower(email) AND email LIKE '%_@_%'),
        display_name varchar(200) NOT NULL CONSTRAINT users_display_name_not_blank CHECK (btrim(display_name) <> ''),
        role varchar(20) NOT NULL CONSTRAINT users_role_known CHECK (role IN ('unit_worker', 'contact_point', 'finance', 'admin')),
        unit_id uuid REFERENCES units (id),
        active boolean NOT NULL DEFAULT true,
        password_hash text NOT NULL CONSTRAINT users_password_argon2id CHECK (password_hash LIKE '$argon2id$%'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_unique UNIQUE (email),
        -- a unit worker always belongs to a unit; the national roles never do
        CONSTRAINT users_unit_matches_role CHECK ((role = 'unit_worker') = (unit_id IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX users_unit_idx ON users (unit_id)`);
    await db.query(`
      CREATE TABLE categories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(40) NOT NULL CONSTRAINT categories_code_format CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
        name varchar(200) NOT NULL CONSTRAINT categories_name_not_blank CHECK (btrim(name) <> ''),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT categories_code_unique UNIQUE (code)
      )`);
    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        token_hash bytea NOT NULL CONSTRAINT sessions_token_hash_unique UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason varchar(40),
        CONSTRAINT sessions_expiry_after_creation CHECK (expires_at > created_at)
      )`);
    await db.query(`CREATE INDEX sessions_user_open_idx ON sessions (user_id) WHERE revoked_at IS NULL`);
    await db.query(`
      CREATE TABLE login_attempts (
        id bigserial PRIMARY KEY,
        email varchar(254) NOT NULL,
        succeeded boolean NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX login_attempts_email_at_idx ON login_attempts (email, at DESC)`);
    await db.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL CONSTRAINT audit_events_seq_unique UNIQUE,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid REFERENCES users (id),
        action varchar(60) NOT NULL,
        entity_type varchar(40) NOT NULL,
        entity_id varchar(64),
        request_id varchar(64),
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await db.query(`CREATE INDEX audit_events_at_idx ON audit_events (at DESC)`);
    await db.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id)`);
    await db.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_id)`);
    // The audit trail cannot be silently rewritten: no UPDATE, DELETE or TRUNCATE, whoever asks.
    await db.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await db.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_events`);
    await db.query(`DROP FUNCTION audit_events_append_only()`);
    await db.query(`DROP TABLE login_attempts`);
    await db.query(`DROP TABLE sessions`);
    await db.query(`DROP TABLE categories`);
    await db.query(`DROP TABLE users`);
    await db.query(`DROP TABLE units`);
  }
}
