import type { MigrationInterface, QueryRunner } from 'typeorm';

const EVENTS = [
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
const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Issue 13: in-product notifications (one row per recipient, written in the
 * transaction of the change that causes it), the e-mail outbox that pg-boss
 * delivers from, and each user's language and e-mail choice. Neither table has
 * a column for narrative, an amount or a unit name: an event code, a reference
 * and the record it links to are all a notification holds.
 */
export class Notifications1795301700000 implements MigrationInterface {
  name = 'Notifications1795301700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users
        ADD COLUMN language varchar(2) NOT NULL DEFAULT 'en'
          CONSTRAINT users_language_known CHECK (language IN ('en', 'da')),
        ADD COLUMN email_notifications varchar(6) NOT NULL DEFAULT 'each'
          CONSTRAINT users_email_notifications_known CHECK (email_notifications IN ('each', 'digest', 'none'))`);
    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_id uuid NOT NULL REFERENCES users (id),
        event varchar(40) NOT NULL CONSTRAINT notifications_event_known CHECK (event IN (${list(EVENTS)})),
        reference varchar(254) NOT NULL,
        urgent boolean NOT NULL DEFAULT false,
        resource varchar(20) NOT NULL CONSTRAINT notifications_resource_known CHECK (resource IN ('applications', 'users')),
        record_id uuid NOT NULL,
        -- what makes a repeated notice one notice (a day's reminder of one application, one lock of an account)
        dedupe_key varchar(200),
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT notifications_read_after_created CHECK (read_at IS NULL OR read_at >= created_at)
      )`);
    // the user's own list: unread first, then newest
    await db.query(`
      CREATE INDEX notifications_own_unread_first
        ON notifications (recipient_id, (read_at IS NULL) DESC, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX notifications_own_unread ON notifications (recipient_id) WHERE read_at IS NULL`);
    await db.query(`
      CREATE UNIQUE INDEX notifications_dedupe_unique ON notifications (recipient_id, dedupe_key)
        WHERE dedupe_key IS NOT NULL`);
    await db.query(`
      CREATE TABLE email_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_id uuid NOT NULL REFERENCES users (id),
        notification_id uuid REFERENCES notifications (id),
        event varchar(40) NOT NULL
          CONSTRAINT email_deliveries_event_known CHECK (event IN (${list([...EVENTS, 'digest'])})),
        reference varchar(254),
        -- a digest's lines, event and reference each (never more), as they stood when it was written
        items jsonb,
        digest_on date,
        status varchar(7) NOT NULL DEFAULT 'pending'
          CONSTRAINT email_deliveries_status_known CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0 CONSTRAINT email_deliveries_attempts_not_negative CHECK (attempts >= 0),
        last_error varchar(500),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT email_deliveries_sent_when_sent CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
        CONSTRAINT email_deliveries_digest_shape CHECK (
          CASE WHEN event = 'digest'
            THEN notification_id IS NULL AND reference IS NULL AND digest_on IS NOT NULL AND jsonb_typeof(items) = 'array'
            ELSE notification_id IS NOT NULL AND reference IS NOT NULL AND digest_on IS NULL AND items IS NULL END)
      )`);
    // one change, one e-mail per recipient: a notification is one recipient's notice of one change
    await db.query(`CREATE UNIQUE INDEX email_deliveries_one_per_notification ON email_deliveries (notification_id)`);
    await db.query(`
      CREATE UNIQUE INDEX email_deliveries_one_digest_a_day ON email_deliveries (recipient_id, digest_on)
        WHERE digest_on IS NOT NULL`);
    // what the delivery job claims, oldest due first
    await db.query(`CREATE INDEX email_deliveries_due ON email_deliveries (next_attempt_at) WHERE status = 'pending'`);
    await db.query(`CREATE INDEX email_deliveries_by_status ON email_deliveries (status, created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE email_deliveries`);
    await db.query(`DROP TABLE notifications`);
    await db.query(`ALTER TABLE users DROP COLUMN email_notifications, DROP COLUMN language`);
  }
}
