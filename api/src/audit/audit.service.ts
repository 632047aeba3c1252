import type { AuditActor } from '@app/contract';
import type { AuditVerification } from '@app/contract';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { type ListQuery, type ListSpec, type Page, queryPage } from '../common/list-query.js';
import { currentRequestId } from '../common/request-context.js';
import { jsonDetails } from './audit-chain.js';
import { AuditCommitQueue } from './audit-commit-queue.js';
import { AuditEvent } from './audit-event.entity.js';
import {
  ACTOR_NAME_SQL,
  APPLICATION_ID_SQL,
  ENTITY_REFERENCE_SQL,
  prefixPattern,
  recordFilterSql,
} from './audit-labels.js';
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
    // the start of a record's reference (or code, version, year, name): handled by AuditService.list
    record: { column: ENTITY_REFERENCE_SQL, type: 'string' },
  },
  search: ['e.action', 'e.entity_type', 'e.entity_id'],
  defaultSort: ['at', 'DESC'],
};

export type AuditEventView = Pick<
  AuditEvent,
  'id' | 'at' | 'actorId' | 'action' | 'entityType' | 'entityId' | 'requestId' | 'details' | 'hash'
> & {
  seq: number;
  /** The actor's display name now; null for the system or an account since removed. */
  actorName: string | null;
  /** The record's reference (`KBH-2026-014-A1`), code, version, year or name; a payment's or document's application's. */
  entityReference: string | null;
  /** The application of a payment or a document. */
  applicationId: string | null;
};

interface LabelRow {
  actor_name: string | null;
  entity_reference: string | null;
  application_id: string | null;
}

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

  /** An actor's change to one record, recorded in the change's own transaction. */
  recordChange(
    tx: EntityManager,
    actor: { id: string },
    action: string,
    entity: { type: string; id: string },
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.record({ actorId: actor.id, action, entityType: entity.type, entityId: entity.id, details }, tx);
  }

  /** Recomputes the whole chain and answers its head or its first broken link. */
  verify(checkpoints: AuditCheckpoint[] = []): Promise<AuditVerification> {
    return verifyAuditChain(this.manager, { checkpoints });
  }

  /** A page of the log and its total in one statement; the labels are read for the page's events only. */
  list(query: ListQuery): Promise<Page<AuditEventView>> {
    const { record, ...filter } = query.filter;
    const byRecord = typeof record === 'string' && record.trim() !== '';
    return queryPage(
      this.manager,
      { ...query, filter },
      AUDIT_LIST,
      {
        from: 'audit_events e',
        where: byRecord ? [recordFilterSql('record')] : [],
        named: { record: byRecord ? prefixPattern(record) : null },
        // the events are numbered 1, 2, 3… under the chain's lock and never deleted (check:audit finds a gap):
        // the whole log's total is its last number, read from the seq index instead of counting a million rows
        unfilteredTotal: 'SELECT coalesce(max(seq), 0)::bigint AS total FROM audit_events',
        select: [
          'e.id AS id',
          'e.seq::text AS seq',
          'e.at AS at',
          'e.actor_id AS "actorId"',
          'e.action AS action',
          'e.entity_type AS "entityType"',
          'e.entity_id AS "entityId"',
          'e.request_id AS "requestId"',
          'e.details AS details',
          'e.hash AS hash',
        ],
        // the labels of the page's events only; their SQL names the event's columns `e.<column>`
        lookup: {
          select: [
            `${onPage(ACTOR_NAME_SQL)} AS actor_name`,
            `${onPage(ENTITY_REFERENCE_SQL)} AS entity_reference`,
            `${onPage(APPLICATION_ID_SQL)} AS application_id`,
          ],
        },
      },
      (row) => view(row as unknown as AuditEvent, row as unknown as LabelRow),
    );
  }

  async get(id: string): Promise<AuditEventView | null> {
    const { entities, raw } = await this.labelled().where('e.id = :id', { id }).getRawAndEntities<LabelRow>();
    return entities.length ? view(entities[0], raw[0]) : null;
  }

  /** Every user, by name: the audit log's user filter (contact points may not list users otherwise). */
  async actors(): Promise<AuditActor[]> {
    const rows: { id: string; display_name: string; role: AuditActor['role']; active: boolean }[] =
      await this.manager.query(`SELECT id, display_name, role, active FROM users ORDER BY display_name, id`);
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role, active: r.active }));
  }

  private labelled() {
    return this.manager
      .createQueryBuilder(AuditEvent, 'e')
      .addSelect(ACTOR_NAME_SQL, 'actor_name')
      .addSelect(ENTITY_REFERENCE_SQL, 'entity_reference')
      .addSelect(APPLICATION_ID_SQL, 'application_id');
  }
}

// PostgreSQL would truncate trailing spaces beyond the length silently, and the hash would no longer match
function checkLength(field: string, value: string | null, max: number): void {
  if (value !== null && value.length > max) throw new TypeError(`audit ${field} is longer than ${max} characters`);
}

const PAGE_COLUMNS: Record<string, string> = {
  actor_id: 'p."actorId"',
  entity_type: 'p."entityType"',
  entity_id: 'p."entityId"',
  details: 'p.details',
};

/** A label's SQL over the page's row `p` instead of the event `e`. */
const onPage = (sql: string): string =>
  sql.replace(/\be\.(actor_id|entity_type|entity_id|details)\b/g, (_, column: string) => PAGE_COLUMNS[column]);

function view(e: AuditEvent, labels: LabelRow): AuditEventView {
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
    actorName: labels.actor_name,
    entityReference: labels.entity_reference,
    applicationId: labels.application_id,
  };
}
