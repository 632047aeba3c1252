import type { NotificationEvent, NotificationResource, Role } from '@app/contract';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** The channel on which a commit that queued e-mail wakes the delivery job (PostgreSQL sends it at commit). */
export const OUTBOX_CHANNEL = 'exitpool_email_outbox';

/** Who hears of an event: the active users of a role, a unit worker only of the record's unit. */
export type Audience = { role: 'unit_worker'; unitId: string } | { role: Exclude<Role, 'unit_worker'> };

export interface Notice {
  event: NotificationEvent;
  audience: Audience;
}

/** What every notice of one change says and links to; never narrative, an amount or a unit name. */
export interface NoticeSubject {
  reference: string;
  resource: NotificationResource;
  recordId: string;
  urgent?: boolean;
  /**
   * The case the record is under (null for a record under no case, a user's account): a unit worker
   * hears of it only while its consent covers their party. Required, so that no notice of a case
   * forgets it.
   */
  caseId: string | null;
  /** The users never told: whoever acted (nobody is notified of their own action), and any other. */
  except: (string | null)[];
  /** Makes a repeated notice one (a day's reminder, one lock of an account): per recipient, once. */
  dedupeKey?: string;
}

/**
 * Writes notifications and their e-mail outbox rows inside the caller's
 * transaction, so that they commit or roll back with the change that causes
 * them. ONE statement for every notice of a change, set-based over the
 * recipients: approvals hold a budget year's lock and are benchmarked.
 */
@Injectable()
export class NotificationWriter {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Answers how many notifications it wrote and how many e-mails it queued. */
  async notify(
    tx: EntityManager,
    subject: NoticeSubject,
    notices: Notice[],
  ): Promise<{ notified: number; queued: number }> {
    if (!notices.length) return { notified: 0, queued: 0 };
    const values: unknown[] = [
      subject.reference,
      subject.urgent ?? false,
      subject.resource,
      subject.recordId,
      subject.dedupeKey ?? null,
      subject.except.filter((id): id is string => id !== null),
      // with e-mail off nothing is queued: turning it on later must not send a backlog
      this.config.smtpUrl !== undefined,
      subject.caseId,
    ];
    const rows = notices.map((n) => {
      const unitId = n.audience.role === 'unit_worker' ? n.audience.unitId : null;
      values.push(n.event, n.audience.role, unitId);
      const i = values.length;
      return `($${i - 2}::varchar, $${i - 1}::varchar, $${i}::uuid)`;
    });
    const [result] = await tx.query(
      `WITH r AS (
         SELECT u.id AS recipient_id, u.email_notifications AS email, v.event
           FROM (VALUES ${rows.join(', ')}) AS v (event, role, unit_id)
           JOIN users u ON u.role = v.role AND u.active AND (v.unit_id IS NULL OR u.unit_id = v.unit_id)
          WHERE NOT (u.id = ANY ($6::uuid[]))
            -- of a unit, only the parties the case's consent covers hear of it (the others get 404 for it)
            AND (v.unit_id IS NULL OR $8::uuid IS NULL
                 OR EXISTS (SELECT 1 FROM cases c WHERE c.id = $8::uuid AND u.party = ANY (c.access_parties)))
       ), n AS (
         INSERT INTO notifications (recipient_id, event, reference, urgent, resource, record_id, dedupe_key)
         SELECT recipient_id, event, $1, $2, $3, $4, $5 FROM r
         ON CONFLICT (recipient_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
         RETURNING id, recipient_id, event
       ), e AS (
         INSERT INTO email_deliveries (recipient_id, notification_id, event, reference)
         SELECT n.recipient_id, n.id, n.event, $1
           FROM n JOIN r ON r.recipient_id = n.recipient_id AND r.event = n.event
          WHERE $7 AND r.email = 'each'
         RETURNING id
       )
       SELECT (SELECT count(*) FROM n)::int AS notified, count(*)::int AS queued,
              CASE WHEN count(*) > 0 THEN pg_notify('${OUTBOX_CHANNEL}', '') END AS woken
         FROM e`,
      values,
    );
    return { notified: result.notified, queued: result.queued };
  }
}

/** A notice to the active unit workers of a unit. */
export const toUnit = (event: NotificationEvent, unitId: string): Notice => ({
  event,
  audience: { role: 'unit_worker', unitId },
});

/** A notice to every active user of a national role. */
export const toRole = (event: NotificationEvent, role: Exclude<Role, 'unit_worker'>): Notice => ({
  event,
  audience: { role },
});
