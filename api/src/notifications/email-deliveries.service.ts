import { EMAIL_DELIVERY_STATUSES, type EmailDeliveryRecord, NOTIFICATION_EVENTS } from '@app/contract';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.decorators.js';
import { notFound } from '../common/errors.js';
import { type ListQuery, type ListSpec, type Page, queryPage } from '../common/list-query.js';
import { NotificationError, NotificationErrorCode } from './notifications.errors.js';
import { OUTBOX_CHANNEL } from './notification-writer.js';

export const EMAIL_DELIVERY_LIST: ListSpec = {
  resource: 'email-deliveries',
  fields: {
    id: { column: 'd.id', type: 'uuid' },
    status: { column: 'd.status', type: 'string', sortable: true, values: EMAIL_DELIVERY_STATUSES },
    event: { column: 'd.event', type: 'string', sortable: true, values: [...NOTIFICATION_EVENTS, 'digest'] },
    recipientId: { column: 'd.recipient_id', type: 'uuid' },
    reference: { column: 'd.reference', type: 'string', sortable: true },
    attempts: { column: 'd.attempts', type: 'integer', sortable: true },
    createdAt: { column: 'd.created_at', type: 'timestamp', sortable: true },
    sentAt: { column: 'd.sent_at', type: 'timestamp', sortable: true },
  },
  search: ['d.reference'],
  defaultSort: ['createdAt', 'DESC'],
};

const COLUMNS = `d.id, d.event, d.reference, u.email AS recipient, d.status, d.attempts, d.last_error AS "lastError",
  d.created_at AS "createdAt", d.sent_at AS "sentAt"`;

export type EmailDeliveryView = Omit<EmailDeliveryRecord, 'createdAt' | 'sentAt'> & {
  createdAt: Date;
  sentAt: Date | null;
};

/** The e-mail outbox as admins see it: where each e-mail stands, never its text; a failed one may be tried again. */
@Injectable()
export class EmailDeliveriesService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly audit: AuditService,
  ) {}

  list(query: ListQuery): Promise<Page<EmailDeliveryView>> {
    return queryPage(
      this.manager,
      query,
      EMAIL_DELIVERY_LIST,
      {
        from: 'email_deliveries d JOIN users u ON u.id = d.recipient_id',
        select: [COLUMNS],
      },
      (row) => row as unknown as EmailDeliveryView,
    );
  }

  async get(id: string, tx: EntityManager = this.manager): Promise<EmailDeliveryView> {
    const [row] = await tx.query(
      `SELECT ${COLUMNS} FROM email_deliveries d JOIN users u ON u.id = d.recipient_id WHERE d.id = $1`,
      [id],
    );
    if (!row) throw notFound('E-mail delivery');
    return row;
  }

  /** A failed e-mail back in the outbox with its attempts afresh; anything else is a 409. Audited. */
  async retry(actor: Actor, id: string): Promise<EmailDeliveryView> {
    return this.manager.transaction(async (tx) => {
      const before = await this.get(id, tx);
      const [rows] = await tx.query(
        `UPDATE email_deliveries SET status = 'pending', attempts = 0, next_attempt_at = now()
          WHERE id = $1 AND status = 'failed' RETURNING id`,
        [id],
      );
      if (!rows.length) {
        throw new NotificationError(
          NotificationErrorCode.DeliveryNotFailed,
          `Only a failed e-mail can be retried; this one is ${before.status}`,
        );
      }
      await this.audit.recordChange(
        tx,
        actor,
        'email_delivery.retry',
        { type: 'email_delivery', id },
        { event: before.event, attempts: before.attempts },
      );
      // the delivery job wakes when this commits
      await tx.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
      return this.get(id, tx);
    });
  }
}
