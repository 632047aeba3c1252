import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CasesGuidelinesApplications1795300100000 implements MigrationInterface {
  name = 'CasesGuidelinesApplications1795300100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE case_counters (
        unit_id uuid NOT NULL REFERENCES units (id),
        year int NOT NULL,
        last_number int NOT NULL CHECK (last_number > 0),
        PRIMARY KEY (unit_id, year)
      )`);
    // Pseudonymous by construction: there is no column for a name, an identity number, an address or an offence.
    await db.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference varchar(20) NOT NULL CONSTRAINT cases_reference_unique UNIQUE,
        unit_id uuid NOT NULL REFERENCES units (id),
        year int NOT NULL,
        number int NOT NULL CHECK (number > 0),
        status varchar(20) NOT NULL DEFAULT 'assessment'
          CONSTRAINT cases_status_known CHECK (status IN ('assessment', 'active', 'completed', 'discontinued')),
        birth_year int CONSTRAINT cases_birth_year_plausible CHECK (birth_year BETWEEN 1900 AND 2100),
        consent_recorded_on date,
        agreement_signed_on date,
        programme_start date,
        application_count int NOT NULL DEFAULT 0 CHECK (application_count >= 0),
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT cases_unit_year_number_unique UNIQUE (unit_id, year, number)
      )`);
    await db.query(`CREATE INDEX cases_unit_idx ON cases (unit_id, status)`);

    await db.query(`
      CREATE TABLE guidelines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version varchar(40) NOT NULL CONSTRAINT guidelines_version_unique UNIQUE,
        effective_from date NOT NULL,
        status varchar(10) NOT NULL DEFAULT 'draft'
          CONSTRAINT guidelines_status_known CHECK (status IN ('draft', 'published', 'retired')),
        min_age int NOT NULL CHECK (min_age BETWEEN 0 AND 100),
        max_course_months int NOT NULL CHECK (max_course_months BETWEEN 1 AND 120),
        categories jsonb NOT NULL CHECK (jsonb_typeof(categories) = 'array'),
        published_at timestamptz,
        published_by uuid REFERENCES users (id),
        retired_at timestamptz,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT guidelines_published_has_publisher CHECK ((status = 'draft') = (published_at IS NULL))
      )`);
    // Two versions in force from the same day would make "the version in force" ambiguous.
    await db.query(
      `CREATE UNIQUE INDEX guidelines_one_per_effective_date ON guidelines (effective_from) WHERE status <> 'draft'`,
    );
    // A published version never changes: only its retirement may be recorded, and it is never deleted.
    await db.query(`
      CREATE FUNCTION guidelines_immutable_once_published() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.status <> 'draft' THEN
            RAISE EXCEPTION 'a published guideline version is never deleted' USING ERRCODE = 'check_violation';
          END IF;
          RETURN OLD;
        END IF;
        IF OLD.status <> 'draft' AND (
             NEW.version IS DISTINCT FROM OLD.version OR NEW.effective_from IS DISTINCT FROM OLD.effective_from
          OR NEW.min_age IS DISTINCT FROM OLD.min_age OR NEW.max_course_months IS DISTINCT FROM OLD.max_course_months
          OR NEW.categories IS DISTINCT FROM OLD.categories OR NEW.published_at IS DISTINCT FROM OLD.published_at
          OR NEW.published_by IS DISTINCT FROM OLD.published_by
          OR NOT (NEW.status = OLD.status OR (OLD.status = 'published' AND NEW.status = 'retired'))) THEN
          RAISE EXCEPTION 'a published guideline version never changes; publish a new version' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER guidelines_immutable BEFORE UPDATE OR DELETE ON guidelines
      FOR EACH ROW EXECUTE FUNCTION guidelines_immutable_once_published()`);

    await db.query(`
      CREATE FUNCTION application_lines_total(lines jsonb) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
        SELECT coalesce(sum((l->>'quantity')::numeric * (l->>'unitAmount')::numeric), 0)
          FROM jsonb_array_elements(lines) AS l
      $$`);
    await db.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference varchar(30) NOT NULL CONSTRAINT applications_reference_unique UNIQUE,
        case_id uuid NOT NULL REFERENCES cases (id),
        unit_id uuid NOT NULL REFERENCES units (id),
        category_code varchar(40) NOT NULL REFERENCES categories (code) ON UPDATE CASCADE,
        amount_requested bigint NOT NULL CONSTRAINT applications_amount_requested_positive CHECK (amount_requested > 0),
        amount_approved bigint,
        justification text NOT NULL DEFAULT '',
        ordinary_funding_considered boolean NOT NULL DEFAULT false,
        urgent boolean NOT NULL DEFAULT false,
        lines jsonb NOT NULL CHECK (jsonb_typeof(lines) = 'array'),
        planned_session_dates date[] NOT NULL DEFAULT '{}',
        status varchar(30) NOT NULL DEFAULT 'draft' CONSTRAINT applications_status_known CHECK (status IN (
          'draft', 'submitted', 'in_review', 'info_requested', 'awaiting_second_approval',
          'approved', 'partially_approved', 'rejected', 'withdrawn', 'cancelled', 'paid')),
        findings jsonb NOT NULL DEFAULT '[]'::jsonb,
        guideline_id uuid REFERENCES guidelines (id),
        submitted_at timestamptz,
        submitted_by uuid REFERENCES users (id),
        first_approved_by uuid REFERENCES users (id),
        first_approved_at timestamptz,
        first_approved_amount bigint,
        decided_at timestamptz,
        decided_by uuid REFERENCES users (id),
        decision_reason text,
        conditions text,
        overrides jsonb NOT NULL DEFAULT '[]'::jsonb,
        paid_amount bigint NOT NULL DEFAULT 0,
        editors uuid[] NOT NULL DEFAULT '{}',
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT applications_amount_matches_lines CHECK (amount_requested = application_lines_total(lines)),
        CONSTRAINT applications_approved_within_requested
          CHECK (amount_approved IS NULL OR (amount_approved > 0 AND amount_approved <= amount_requested)),
        CONSTRAINT applications_decided_has_amount
          CHECK ((status IN ('approved', 'partially_approved', 'paid', 'cancelled')) <= (amount_approved IS NOT NULL)),
        CONSTRAINT applications_submitted_has_guideline
          CHECK (status IN ('draft', 'withdrawn') OR (guideline_id IS NOT NULL AND submitted_at IS NOT NULL)),
        CONSTRAINT applications_four_eyes
          CHECK (decided_by IS NULL OR submitted_by IS NULL OR decided_by <> submitted_by),
        CONSTRAINT applications_second_approver_differs
          CHECK (first_approved_by IS NULL OR decided_by IS NULL OR status NOT IN ('approved', 'partially_approved', 'paid', 'cancelled')
                 OR first_approved_by <> decided_by),
        CONSTRAINT applications_paid_within_approved
          CHECK (paid_amount >= 0 AND paid_amount <= coalesce(amount_approved, 0))
      )`);
    await db.query(`CREATE INDEX applications_unit_status_idx ON applications (unit_id, status)`);
    await db.query(`CREATE INDEX applications_case_idx ON applications (case_id, category_code)`);
    await db.query(
      `CREATE INDEX applications_queue_idx ON applications (urgent DESC, submitted_at) WHERE status IN ('submitted', 'in_review', 'info_requested', 'awaiting_second_approval')`,
    );

    await db.query(`
      CREATE TABLE application_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users (id),
        kind varchar(20) NOT NULL CHECK (kind IN ('question', 'answer', 'withdrawal', 'decision')),
        body text NOT NULL CHECK (btrim(body) <> ''),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(
      `CREATE INDEX application_messages_application_idx ON application_messages (application_id, created_at)`,
    );

    await db.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id),
        kind varchar(10) NOT NULL CHECK (kind IN ('quote', 'invoice', 'other')),
        file_name varchar(255) NOT NULL,
        media_type varchar(40) NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
        size int NOT NULL CHECK (size > 0 AND size <= 10485760),
        sha256 char(64) NOT NULL,
        storage_key varchar(80) NOT NULL CONSTRAINT attachments_storage_key_unique UNIQUE,
        uploaded_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX attachments_application_idx ON attachments (application_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE attachments`);
    await db.query(`DROP TABLE application_messages`);
    await db.query(`DROP TABLE applications`);
    await db.query(`DROP FUNCTION application_lines_total(jsonb)`);
    await db.query(`DROP TABLE guidelines`);
    await db.query(`DROP FUNCTION guidelines_immutable_once_published()`);
    await db.query(`DROP TABLE cases`);
    await db.query(`DROP TABLE case_counters`);
  }
}
