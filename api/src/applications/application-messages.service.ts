import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.decorators.js';
import { applyListQuery, type ListQuery, type ListSpec, Page } from '../common/list-query.js';
import { applicationCoveredSql, partyScope, unitScope } from '../common/scope.js';
import { openText } from '../crypto/encrypted-columns.js';
import { User } from '../users/user.entity.js';
import { Application } from './application.entity.js';
import { ApplicationMessage } from './application-message.entity.js';

export const MESSAGE_LIST: ListSpec = {
  resource: 'application-messages',
  fields: {
    id: { column: 'm.id', type: 'uuid' },
    applicationId: { column: 'm.application_id', type: 'uuid' },
    kind: { column: 'm.kind', type: 'string', values: ['question', 'answer', 'withdrawal', 'decision'] },
    createdAt: { column: 'm.created_at', type: 'timestamp', sortable: true },
  },
  defaultSort: ['createdAt', 'ASC'],
};

export interface MessageView {
  id: string;
  applicationId: string;
  authorId: string;
  authorName: string;
  authorRole: string;
  kind: string;
  body: string;
  createdAt: Date;
}

/** The thread is narrative: the unit's own and the contact point's, each read audited. */
@Injectable()
export class ApplicationMessagesService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: ListQuery): Promise<Page<MessageView>> {
    const qb = this.manager
      .createQueryBuilder(ApplicationMessage, 'm')
      .innerJoin(Application, 'a', 'a.id = m.application_id')
      .innerJoin(User, 'u', 'u.id = m.author_id')
      .select([
        'm.id AS id',
        'm.application_id AS "applicationId"',
        'm.author_id AS "authorId"',
        'u.display_name AS "authorName"',
        'u.role AS "authorRole"',
        'm.kind AS kind',
        'm.body AS body',
        'm.created_at AS "createdAt"',
      ]);
    const scope = unitScope(actor);
    if (scope) {
      qb.where('a.unit_id = :scope', { scope }).andWhere(applicationCoveredSql('a'), { party: partyScope(actor) });
    } else qb.where(`a.status <> 'draft'`);
    applyListQuery(qb, query, MESSAGE_LIST);
    const [raw, total] = await Promise.all([qb.getRawMany<MessageView>(), qb.getCount()]);
    const rows = raw.map((r) => ({ ...r, body: openText(r.body) }));
    const applicationIds = [...new Set(rows.map((r) => r.applicationId))];
    for (const applicationId of applicationIds) {
      await this.audit.record({
        actorId: actor.id,
        action: 'application.thread_read',
        entityType: 'application',
        entityId: applicationId,
      });
    }
    return new Page(MESSAGE_LIST.resource, rows, total, query.range[0]);
  }
}
