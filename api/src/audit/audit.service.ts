import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { findPage, type ListQuery, type ListSpec, type Page } from '../common/list-query.js';
import { currentRequestId } from '../common/request-context.js';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Identifiers and figures only: never narrative text, tokens or passwords. */
  details?: Record<string, unknown>;
}

export const AUDIT_LIST: ListSpec = {
  resource: 'audit-events',
  fields: {
    id: { column: 'e.id', type: 'uuid' },
    at: { column: 'e.at', type: 'timestamp', sortable: true },
    actorId: { column: 'e.actor_id', type: 'uuid', sortable: true },
    action: { column: 'e.action', type: 'string', sortable: true },
    entityType: { column: 'e.entity_type', type: 'string', sortable: true },
    entityId: { column: 'e.entity_id', type: 'string', sortable: true },
  },
  search: ['e.action', 'e.entity_type', 'e.entity_id'],
  defaultSort: ['at', 'DESC'],
};

export type AuditEventView = Pick<
  AuditEvent,
  'id' | 'at' | 'actorId' | 'action' | 'entityType' | 'entityId' | 'requestId' | 'details'
>;

@Injectable()
export class AuditService {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** Appends an event; pass the transaction's manager so the event and the change commit together. */
  async record(entry: AuditEntry, manager: EntityManager = this.manager): Promise<void> {
    await manager.insert(AuditEvent, {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      requestId: currentRequestId(),
      details: (entry.details ?? {}) as never,
    });
  }

  list(query: ListQuery): Promise<Page<AuditEventView>> {
    const qb = this.manager.createQueryBuilder(AuditEvent, 'e');
    return findPage(qb, query, AUDIT_LIST, view);
  }

  async get(id: string): Promise<AuditEventView | null> {
    const event = await this.manager.findOneBy(AuditEvent, { id });
    return event ? view(event) : null;
  }
}

function view(e: AuditEvent): AuditEventView {
  return {
    id: e.id,
    at: e.at,
    actorId: e.actorId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    requestId: e.requestId,
    details: e.details,
  };
}
