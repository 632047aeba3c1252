import type { AuditVerification } from '@app/contract';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { findPage, type ListQuery, type ListSpec, type Page } from '../common/list-query.js';
import { currentRequestId } from '../common/request-context.js';
import { jsonDetails } from './audit-chain.js';
import { AuditCommitQueue } from './audit-commit-queue.js';
import { AuditEvent } from './audit-event.entity.js';
import { type AuditCheckpoint, verifyAuditChain } from './audit-verify.js';

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
    seq: { column: 'e.seq', type: 'integer', sortable: true },
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
  'id' | 'at' | 'actorId' | 'action' | 'entityType' | 'entityId' | 'requestId' | 'details' | 'hash'
> & { seq: number };

@Injectable()
export class AuditService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly queue: AuditCommitQueue,
  ) {}

  /**
   * Records an event; pass the transaction's manager so the event and the change commit together.
   * In a transaction, the event joins the chain right before COMMIT (see AuditCommitQueue), so it
   * is not visible inside that transaction; without one, it is appended at once.
   */
  async record(entry: AuditEntry, manager: EntityManager = this.manager): Promise<void> {
    checkLength('action', entry.action, 60);
    checkLength('entityType', entry.entityType, 40);
    checkLength('entityId', entry.entityId ?? null, 64);
    await this.queue.record(manager, {
      id: randomUUID(),
      // stored lower-case by PostgreSQL: hash it as it will be read back
      actorId: entry.actorId?.toLowerCase() ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      requestId: currentRequestId(),
      details: jsonDetails(entry.details),
    });
  }

  /** Recomputes the whole chain and answers its head or its first broken link. */
  verify(checkpoints: AuditCheckpoint[] = []): Promise<AuditVerification> {
    return verifyAuditChain(this.manager, { checkpoints });
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

// PostgreSQL would truncate trailing spaces beyond the length silently, and the hash would no longer match
function checkLength(field: string, value: string | null, max: number): void {
  if (value !== null && value.length > max) throw new TypeError(`audit ${field} is longer than ${max} characters`);
}

function view(e: AuditEvent): AuditEventView {
  return {
    id: e.id,
    seq: Number(e.seq),
    at: e.at,
    actorId: e.actorId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    requestId: e.requestId,
    details: e.details,
    hash: e.hash,
  };
}
