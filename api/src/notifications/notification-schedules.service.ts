import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JobsService } from '../jobs/jobs.service.js';
import { OUTBOX_CHANNEL } from './notification-writer.js';

export const REVIEW_REMINDER_JOB = 'review-reminders';
export const EMAIL_DIGEST_JOB = 'email-digest';

/** The statuses of an application waiting for a contact point. */
const IN_QUEUE = `('submitted', 'in_review', 'awaiting_second_approval')`;

/**
 * The daily work of notifications, each run once across processes by pg-boss's
 * schedule, and idempotent besides (a second run the same day adds nothing):
 * the reminder of applications waiting longer than REVIEW_REMINDER_DAYS, and the
 * digest e-mail of users who chose one.
 */
@Injectable()
export class NotificationSchedulesService implements OnModuleInit {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: REVIEW_REMINDER_JOB, cron: '0 7 * * *', run: () => this.remindOverdue() });
    // after the reminders, so that the digest holds them
    if (this.config.smtpUrl)
      this.jobs.register({ name: EMAIL_DIGEST_JOB, cron: '30 7 * * *', run: () => this.digest() });
  }

  /**
   * `review_overdue` to every active contact point, for each application in the queue since
   * (re)submission longer than REVIEW_REMINDER_DAYS: once a day per application and person.
   * One statement over applications × contact points.
   */
  async remindOverdue(): Promise<{ notified: number; queued: number }> {
    const [row] = await this.manager.query(
      `WITH due AS (
         SELECT a.id, a.reference, a.urgent FROM applications a
          WHERE a.status IN ${IN_QUEUE} AND a.submitted_at <= $1::timestamptz - make_interval(days => $2)
       ), r AS (
         SELECT u.id AS recipient_id, u.email_notifications AS email FROM users u
          WHERE u.role = 'contact_point' AND u.active
       ), n AS (
         INSERT INTO notifications (recipient_id, event, reference, urgent, resource, record_id, dedupe_key)
         SELECT r.recipient_id, 'review_overdue', due.reference, due.urgent, 'applications', due.id,
                'review_overdue:' || due.id || ':' || $3
           FROM due CROSS JOIN r
         ON CONFLICT (recipient_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
         RETURNING id, recipient_id, reference
       ), e AS (
         INSERT INTO email_deliveries (recipient_id, notification_id, event, reference)
         SELECT n.recipient_id, n.id, 'review_overdue', n.reference
           FROM n JOIN r ON r.recipient_id = n.recipient_id
          WHERE $4 AND r.email = 'each'
         RETURNING id
       )
       SELECT (SELECT count(*) FROM n)::int AS notified, count(*)::int AS queued,
              CASE WHEN count(*) > 0 THEN pg_notify('${OUTBOX_CHANNEL}', '') END AS woken
         FROM e`,
      [this.clock.now(), this.config.reviewReminderDays, this.clock.today(), this.config.smtpUrl !== undefined],
    );
    return { notified: row.notified, queued: row.queued };
  }

  /**
   * One digest e-mail a day for each active user who chose `digest` and has unread
   * notifications since their last digest (or the last day): the lines are event and
   * reference only, kept with the outbox row.
   */
  async digest(): Promise<{ queued: number }> {
    const [row] = await this.manager.query(
      `WITH e AS (
         INSERT INTO email_deliveries (recipient_id, event, items, digest_on)
         SELECT u.id, 'digest',
                jsonb_agg(jsonb_build_object('event', n.event, 'reference', n.reference, 'urgent', n.urgent)
                          ORDER BY n.created_at, n.id),
                $2::date
           FROM users u
           JOIN notifications n ON n.recipient_id = u.id AND n.read_at IS NULL
          WHERE u.active AND u.email_notifications = 'digest'
            AND n.created_at > coalesce(
                  (SELECT max(d.created_at) FROM email_deliveries d WHERE d.recipient_id = u.id AND d.event = 'digest'),
                  $1::timestamptz - interval '1 day')
          GROUP BY u.id
         ON CONFLICT (recipient_id, digest_on) WHERE digest_on IS NOT NULL DO NOTHING
         RETURNING id
       )
       SELECT count(*)::int AS queued, CASE WHEN count(*) > 0 THEN pg_notify('${OUTBOX_CHANNEL}', '') END AS woken
         FROM e`,
      [this.clock.now(), this.clock.today()],
    );
    return { queued: row.queued };
  }
}
