import type { MigrationInterface, QueryRunner } from 'typeorm';

// the events before issue 14 (issue 13's notifications), then each duty's own
const EARLIER_EVENTS = [
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
const ADVICE_EVENTS = ['advice_requested', 'advice_answered', 'advice_followed_up'];
const TRANSFER_EVENTS = [
  'case_transfer_proposed',
  'case_transfer_accepted',
  'case_transfer_declined',
  'case_transferred',
];
const EVENTS = [...EARLIER_EVENTS, ...ADMISSION_EVENTS, ...ADVICE_EVENTS, ...TRANSFER_EVENTS];
const RESOURCES = ['applications', 'users', 'admission-reviews', 'advice-requests', 'case-transfers'];

const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The contact point's three other duties (issue 14) each added its notification events and the
 * resource its notifications link to, each migration on top of the events before the three: the
 * constraints here hold all of them at once.
 */
export class NotificationEventsOfIssue141795400600000 implements MigrationInterface {
  name = 'NotificationEventsOfIssue141795400600000';

  async up(db: QueryRunner): Promise<void> {
    await this.constrain(db, EVENTS, RESOURCES);
  }

  async down(db: QueryRunner): Promise<void> {
    // back to what the last of the three (case transfers) left
    await db.query(`DELETE FROM email_deliveries WHERE event IN (${list([...ADMISSION_EVENTS, ...ADVICE_EVENTS])})`);
    await db.query(`DELETE FROM notifications WHERE event IN (${list([...ADMISSION_EVENTS, ...ADVICE_EVENTS])})`);
    await this.constrain(db, [...EARLIER_EVENTS, ...TRANSFER_EVENTS], ['applications', 'users', 'case-transfers']);
  }

  private async constrain(db: QueryRunner, events: string[], resources: string[]): Promise<void> {
    await db.query(`
      ALTER TABLE notifications DROP CONSTRAINT notifications_event_known,
        ADD CONSTRAINT notifications_event_known CHECK (event IN (${list(events)})),
        DROP CONSTRAINT notifications_resource_known,
        ADD CONSTRAINT notifications_resource_known CHECK (resource IN (${list(resources)}))`);
    await db.query(`
      ALTER TABLE email_deliveries DROP CONSTRAINT email_deliveries_event_known,
        ADD CONSTRAINT email_deliveries_event_known CHECK (event IN (${list([...events, 'digest'])}))`);
  }
}
