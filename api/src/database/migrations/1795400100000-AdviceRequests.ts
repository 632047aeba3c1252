import type { MigrationInterface, QueryRunner } from 'typeorm';

// the events of issue 13, and those this migration adds (issue 14's advice requests)
const BEFORE = [
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
const ADDED = ['advice_requested', 'advice_answered', 'advice_followed_up'];
const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Issue 14: a unit asks the contact point for advice on one of its cases, and the two write in a
 * thread until one of them closes it. The question and the messages are narrative (encrypted by the
 * application, as application_messages are); the case's purge takes them, and a purged case or
 * request takes nothing new, whatever the code does.
 */
export class AdviceRequests1795400100000 implements MigrationInterface {
  name = 'AdviceRequests1795400100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE advice_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        -- the asking unit: its workers see the thread, no other unit does
        unit_id uuid NOT NULL REFERENCES units (id),
        number integer NOT NULL CONSTRAINT advice_requests_number_positive CHECK (number > 0),
        reference varchar(40) NOT NULL CONSTRAINT advice_requests_reference_unique UNIQUE,
        topic varchar(20) NOT NULL CONSTRAINT advice_requests_topic_known
          CHECK (topic IN ('motivation', 'suitability', 'safety', 'relocation', 'treatment', 'other')),
        question text,
        status varchar(10) NOT NULL DEFAULT 'open'
          CONSTRAINT advice_requests_status_known CHECK (status IN ('open', 'answered', 'closed')),
        asked_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz,
        answered_by uuid REFERENCES users (id),
        closed_at timestamptz,
        closed_by uuid REFERENCES users (id),
        purged_at timestamptz,
        CONSTRAINT advice_requests_number_per_case UNIQUE (case_id, number),
        CONSTRAINT advice_requests_closed_is_dated CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
        CONSTRAINT advice_requests_answered_is_dated CHECK (status <> 'answered' OR answered_at IS NOT NULL),
        CONSTRAINT advice_requests_question_until_purged CHECK ((purged_at IS NULL) = (question IS NOT NULL)),
        CONSTRAINT advice_requests_purged_when_closed CHECK (purged_at IS NULL OR status = 'closed')
      )`);
    // a unit's list and the contact point's open ones, newest first; a case's threads
    await db.query(`CREATE INDEX advice_requests_by_unit ON advice_requests (unit_id, created_at DESC)`);
    await db.query(`CREATE INDEX advice_requests_by_status ON advice_requests (status, created_at)`);
    await db.query(`CREATE INDEX advice_requests_by_case ON advice_requests (case_id)`);

    await db.query(`
      CREATE TABLE advice_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        advice_request_id uuid NOT NULL REFERENCES advice_requests (id),
        author_id uuid NOT NULL REFERENCES users (id),
        -- the contact point's answer, or the unit's follow-up
        kind varchar(10) NOT NULL CONSTRAINT advice_messages_kind_known CHECK (kind IN ('answer', 'follow_up')),
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX advice_messages_thread ON advice_messages (advice_request_id, created_at)`);

    // one function per table: plpgsql resolves every NEW field it names, whichever branch runs
    await db.query(`
      CREATE FUNCTION refuse_advice_of_purged_case() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM cases WHERE id = NEW.case_id AND purged_at IS NOT NULL) THEN
          RAISE EXCEPTION 'case % was purged: it takes no new advice request', NEW.case_id
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE FUNCTION refuse_message_of_purged_advice() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM advice_requests WHERE id = NEW.advice_request_id AND purged_at IS NOT NULL) THEN
          RAISE EXCEPTION 'advice request % was purged: its thread takes nothing new', NEW.advice_request_id
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER advice_requests_not_for_purged BEFORE INSERT ON advice_requests
      FOR EACH ROW EXECUTE FUNCTION refuse_advice_of_purged_case()`);
    await db.query(`
      CREATE TRIGGER advice_messages_not_for_purged BEFORE INSERT ON advice_messages
      FOR EACH ROW EXECUTE FUNCTION refuse_message_of_purged_advice()`);

    await this.notificationVocabulary(db, [...BEFORE, ...ADDED], ['applications', 'users', 'advice-requests']);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM email_deliveries WHERE event IN (${list(ADDED)})`);
    await db.query(`DELETE FROM notifications WHERE event IN (${list(ADDED)}) OR resource = 'advice-requests'`);
    await this.notificationVocabulary(db, BEFORE, ['applications', 'users']);
    await db.query(`DROP TABLE advice_messages`);
    await db.query(`DROP TABLE advice_requests`);
    await db.query(`DROP FUNCTION refuse_message_of_purged_advice()`);
    await db.query(`DROP FUNCTION refuse_advice_of_purged_case()`);
  }

  /** The CHECK constraints of the events and linked resources a notification may name. */
  private async notificationVocabulary(db: QueryRunner, events: string[], resources: string[]): Promise<void> {
    await db.query(`
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_event_known,
        ADD CONSTRAINT notifications_event_known CHECK (event IN (${list(events)})),
        DROP CONSTRAINT notifications_resource_known,
        ADD CONSTRAINT notifications_resource_known CHECK (resource IN (${list(resources)}))`);
    await db.query(`
      ALTER TABLE email_deliveries
        DROP CONSTRAINT email_deliveries_event_known,
        ADD CONSTRAINT email_deliveries_event_known CHECK (event IN (${list([...events, 'digest'])}))`);
  }
}
