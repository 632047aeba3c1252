import { NOTIFICATION_EVENTS, type NotificationRecord, type Preferences } from '@app/contract';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.decorators.js';
import { notFound } from '../common/errors.js';
import { type ListQuery, type ListSpec, type Page, queryPage } from '../common/list-query.js';
import type { PreferencesDto } from './dto/preferences.dto.js';

export const NOTIFICATION_LIST: ListSpec = {
  resource: 'notifications',
  fields: {
    id: { column: 'n.id', type: 'uuid' },
    event: { column: 'n.event', type: 'string', sortable: true, values: NOTIFICATION_EVENTS },
    unread: { column: '(n.read_at IS NULL)', type: 'boolean' },
    // newest first (DESC) puts the unread first: the order of the bell's list and of the index
    createdAt: {
      column: 'n.created_at',
      type: 'timestamp',
      sortable: true,
      orderBy: [
        ['(n.read_at IS NULL)', 'ASC'],
        ['n.created_at', 'ASC'],
      ],
    },
    readAt: { column: 'n.read_at', type: 'timestamp', sortable: true },
  },
  defaultSort: ['createdAt', 'DESC'],
};

const COLUMNS = `n.id, n.event, n.reference, n.urgent, n.resource, n.record_id AS "recordId",
  n.created_at AS "createdAt", n.read_at AS "readAt"`;

/** A notification as the API answers it. */
export type NotificationView = Omit<NotificationRecord, 'createdAt' | 'readAt'> & {
  createdAt: Date;
  readAt: Date | null;
};

/**
 * The signed-in user's own notifications: each user reads and marks only
 * theirs (another's id answers 404, as if it did not exist), and their
 * preferences of language and e-mail.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly audit: AuditService,
  ) {}

  list(actor: Actor, query: ListQuery): Promise<Page<NotificationView>> {
    return queryPage(
      this.manager,
      query,
      NOTIFICATION_LIST,
      {
        from: 'notifications n',
        where: ['n.recipient_id = :me'],
        named: { me: actor.id },
        select: [COLUMNS],
      },
      (row) => row as unknown as NotificationView,
    );
  }

  async get(actor: Actor, id: string): Promise<NotificationView> {
    const [row] = await this.manager.query(
      `SELECT ${COLUMNS} FROM notifications n WHERE n.id = $1 AND n.recipient_id = $2`,
      [id, actor.id],
    );
    if (!row) throw notFound('Notification');
    return row;
  }

  async unreadCount(actor: Actor): Promise<{ count: number }> {
    const [row] = await this.manager.query(
      `SELECT count(*)::int AS count FROM notifications WHERE recipient_id = $1 AND read_at IS NULL`,
      [actor.id],
    );
    return { count: row.count };
  }

  /** Idempotent: a notification read before keeps the moment it was first read. */
  async markRead(actor: Actor, id: string): Promise<NotificationView> {
    const [rows] = await this.manager.query(
      `UPDATE notifications n SET read_at = coalesce(n.read_at, greatest(now(), n.created_at))
        WHERE n.id = $1 AND n.recipient_id = $2 RETURNING ${COLUMNS}`,
      [id, actor.id],
    );
    if (!rows.length) throw notFound('Notification');
    return rows[0];
  }

  async markAllRead(actor: Actor): Promise<{ count: number }> {
    const [, count] = await this.manager.query(
      `UPDATE notifications SET read_at = greatest(now(), created_at) WHERE recipient_id = $1 AND read_at IS NULL`,
      [actor.id],
    );
    return { count: Number(count) };
  }

  async preferences(actor: Actor, tx: EntityManager = this.manager): Promise<Preferences> {
    const [row] = await tx.query(`SELECT language, email_notifications AS email FROM users WHERE id = $1`, [actor.id]);
    if (!row) throw notFound('User');
    return row;
  }

  async setPreferences(actor: Actor, dto: PreferencesDto): Promise<Preferences> {
    return this.manager.transaction(async (tx) => {
      const before = await this.preferences(actor, tx);
      await tx.query(`UPDATE users SET language = $2, email_notifications = $3 WHERE id = $1`, [
        actor.id,
        dto.language,
        dto.email,
      ]);
      if (before.language !== dto.language || before.email !== dto.email) {
        await this.audit.recordChange(
          tx,
          actor,
          'user.preferences',
          { type: 'user', id: actor.id },
          { from: before, to: { language: dto.language, email: dto.email } },
        );
      }
      return { language: dto.language, email: dto.email };
    });
  }
}
