import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The notification events of the notifications migration, and those of admission reviews. */
const EVENTS_BEFORE = [
  'information_requested',
  'application_approved',
  'application_partly_approved',
  'application_rejected',
  'grant_cancelled',
  'grant_carried_over',
  'payment_recorded',
  'refund_recorded',
  'application_submitted',
  'application_answered',
  'second_approval_waiting',
  'review_overdue',
  'grant_payable',
  'year_end_grant_carried_over',
  'year_end_grant_cancelled',
  'account_locked',
];
const ADMISSION_EVENTS = [
  'admission_review_requested',
  'admission_review_answered',
  'admission_review_info_requested',
  'admission_review_upheld',
  'admission_review_admitted',
];
const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Issue 14, admission reviews: the unit's structured admission assessment of a
 * case in `assessment` (motivation and suitability, seed 002), its decision
 * (`admitted`: the case is active; `refused`: the case is `refused`), and the
 * contact point's review of a refusal with its thread. Every text is narrative
 * (encrypted by the application, NULL once purged). The database holds the
 * four-eyes rule (the decider is none of the assessment's participants, copied
 * onto the review when it is requested) and that a case leaves `refused` only
 * by a review that admitted it.
 */
export class AdmissionReviews1795400000000 implements MigrationInterface {
  name = 'AdmissionReviews1795400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cases DROP CONSTRAINT cases_status_known`);
    await db.query(`
      ALTER TABLE cases ADD CONSTRAINT cases_status_known
        CHECK (status IN ('assessment', 'active', 'completed', 'discontinued', 'refused'))`);

    await db.query(`
      CREATE TABLE case_assessments (
        -- an id of its own, as every table with narrative columns has (key rotation walks them by id)
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id) CONSTRAINT case_assessments_one_per_case UNIQUE,
        push_factors text,
        pull_factors text,
        own_explanation text,
        help_wished text,
        fear_alone boolean,
        understands_leaving text,
        understands_lifestyle text,
        steps_taken text,
        will_to_cooperate text,
        -- everyone who wrote, changed or decided the assessment: none of them may decide a review of it
        participants uuid[] NOT NULL DEFAULT '{}',
        decision varchar(10) CONSTRAINT case_assessments_decision_known CHECK (decision IN ('admitted', 'refused')),
        decision_reason text,
        decided_by uuid REFERENCES users (id),
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        purged_at timestamptz,
        CONSTRAINT case_assessments_decided_whole
          CHECK ((decision IS NULL) = (decided_at IS NULL) AND (decision IS NULL) = (decided_by IS NULL)),
        CONSTRAINT case_assessments_refusal_has_reason
          CHECK (decision IS DISTINCT FROM 'refused' OR decision_reason IS NOT NULL OR purged_at IS NOT NULL)
      )`);

    await db.query(`
      CREATE TABLE admission_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id)
          CONSTRAINT admission_reviews_one_per_case UNIQUE,
        unit_id uuid NOT NULL REFERENCES units (id),
        status varchar(20) NOT NULL DEFAULT 'requested'
          CONSTRAINT admission_reviews_status_known
          CHECK (status IN ('requested', 'in_review', 'info_requested', 'upheld', 'admitted')),
        requested_on date NOT NULL,
        requested_by uuid NOT NULL REFERENCES users (id),
        assessors uuid[] NOT NULL,
        decision_reason text,
        decided_by uuid REFERENCES users (id),
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        purged_at timestamptz,
        CONSTRAINT admission_reviews_decided_when_final
          CHECK ((status IN ('upheld', 'admitted')) = (decided_at IS NOT NULL AND decided_by IS NOT NULL)),
        CONSTRAINT admission_reviews_decision_has_reason
          CHECK (status NOT IN ('upheld', 'admitted') OR decision_reason IS NOT NULL OR purged_at IS NOT NULL),
        CONSTRAINT admission_reviews_four_eyes CHECK (decided_by IS NULL OR NOT (decided_by = ANY (assessors))),
        CONSTRAINT admission_reviews_requested_not_future CHECK (requested_on <= (created_at AT TIME ZONE 'UTC')::date + 1)
      )`);
    await db.query(`CREATE INDEX admission_reviews_unit_status_idx ON admission_reviews (unit_id, status)`);

    await db.query(`
      CREATE TABLE admission_review_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL REFERENCES admission_reviews (id),
        author_id uuid NOT NULL REFERENCES users (id),
        kind varchar(20) NOT NULL CONSTRAINT admission_review_messages_kind_known
          CHECK (kind IN ('question', 'answer', 'decision')),
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX admission_review_messages_review_idx ON admission_review_messages (review_id, created_at)`,
    );

    // a case is refused only by its assessment's refusal, and leaves `refused` only by a review that admitted it
    await db.query(`
      CREATE FUNCTION cases_refusal_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'refused' AND NOT EXISTS (
          SELECT 1 FROM case_assessments s WHERE s.case_id = NEW.id AND s.decision = 'refused') THEN
          RAISE EXCEPTION 'case % is refused only by its assessment''s refusal', NEW.id USING ERRCODE = 'check_violation';
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.status = 'refused' AND NEW.status <> 'refused' AND NOT EXISTS (
          SELECT 1 FROM admission_reviews r WHERE r.case_id = NEW.id AND r.status = 'admitted') THEN
          RAISE EXCEPTION 'case % leaves refused only by a review that admits it', NEW.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER cases_refusal_guard BEFORE INSERT OR UPDATE OF status ON cases
        FOR EACH ROW EXECUTE FUNCTION cases_refusal_guard()`);

    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_event_known`);
    await db.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_event_known
        CHECK (event IN (${list([...EVENTS_BEFORE, ...ADMISSION_EVENTS])}))`);
    await db.query(`ALTER TABLE email_deliveries DROP CONSTRAINT email_deliveries_event_known`);
    await db.query(`
      ALTER TABLE email_deliveries ADD CONSTRAINT email_deliveries_event_known
        CHECK (event IN (${list([...EVENTS_BEFORE, ...ADMISSION_EVENTS, 'digest'])}))`);
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_resource_known`);
    await db.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_resource_known
        CHECK (resource IN ('applications', 'users', 'admission-reviews'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM email_deliveries WHERE event IN (${list(ADMISSION_EVENTS)})`);
    await db.query(
      `DELETE FROM notifications WHERE event IN (${list(ADMISSION_EVENTS)}) OR resource = 'admission-reviews'`,
    );
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_resource_known`);
    await db.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_resource_known CHECK (resource IN ('applications', 'users'))`);
    await db.query(`ALTER TABLE email_deliveries DROP CONSTRAINT email_deliveries_event_known`);
    await db.query(`
      ALTER TABLE email_deliveries ADD CONSTRAINT email_deliveries_event_known
        CHECK (event IN (${list([...EVENTS_BEFORE, 'digest'])}))`);
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_event_known`);
    await db.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_event_known CHECK (event IN (${list(EVENTS_BEFORE)}))`);
    await db.query(`DROP TRIGGER cases_refusal_guard ON cases`);
    await db.query(`DROP FUNCTION cases_refusal_guard()`);
    await db.query(`DROP TABLE admission_review_messages`);
    await db.query(`DROP TABLE admission_reviews`);
    await db.query(`DROP TABLE case_assessments`);
    await db.query(`UPDATE cases SET status = 'discontinued' WHERE status = 'refused'`);
    await db.query(`ALTER TABLE cases DROP CONSTRAINT cases_status_known`);
    await db.query(`
      ALTER TABLE cases ADD CONSTRAINT cases_status_known
        CHECK (status IN ('assessment', 'active', 'completed', 'discontinued'))`);
  }
}
