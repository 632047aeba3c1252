import {
  ADVICE_STATUSES,
  ADVICE_TOPICS,
  type AdviceAction,
  type AdviceMessageRecord,
  type AdviceRequestDetail,
  type AdviceRequestSummary,
} from '@app/contract';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.decorators.js';
import { fieldError, notFound } from '../common/errors.js';
import { type ListQuery, type ListSpec, type Page, queryPage } from '../common/list-query.js';
import { canSeeCase, canSeeUnit, caseCoveredSql, partyCovered, partyScope, unitScope } from '../common/scope.js';
import { withRetry } from '../common/transaction.js';
import { openNullable, openText } from '../crypto/encrypted-columns.js';
import { NotificationWriter, toRole, toUnit } from '../notifications/notification-writer.js';
import { refuseIfCasePurged } from '../retention/retention.errors.js';
import { AdviceMessage, type AdviceMessageKind } from './advice-message.entity.js';
import { AdviceRequest } from './advice-request.entity.js';
import { AdviceError, AdviceErrorCode } from './advice-requests.errors.js';
import type { CreateAdviceRequestDto } from './dto/advice-request.dto.js';

export const ADVICE_LIST: ListSpec = {
  resource: 'advice-requests',
  fields: {
    id: { column: 'r.id', type: 'uuid' },
    reference: { column: 'r.reference', type: 'string', sortable: true },
    caseId: { column: 'r.case_id', type: 'uuid' },
    unitId: { column: 'r.unit_id', type: 'uuid', sortable: true },
    topic: { column: 'r.topic', type: 'string', sortable: true, values: ADVICE_TOPICS },
    status: { column: 'r.status', type: 'string', sortable: true, values: ADVICE_STATUSES },
    askedBy: { column: 'r.asked_by', type: 'uuid' },
    createdAt: { column: 'r.created_at', type: 'timestamp', sortable: true },
    updatedAt: { column: 'r.updated_at', type: 'timestamp', sortable: true },
    answeredAt: { column: 'r.answered_at', type: 'timestamp', sortable: true },
    closedAt: { column: 'r.closed_at', type: 'timestamp', sortable: true },
  },
  search: ['r.reference'],
  defaultSort: ['createdAt', 'DESC'],
};

// a list's row: nothing narrative
const SUMMARY_COLUMNS = [
  'r.id AS id',
  'r.reference AS reference',
  'r.case_id AS "caseId"',
  'c.reference AS "caseReference"',
  'r.unit_id AS "unitId"',
  'r.topic AS topic',
  'r.status AS status',
  'r.asked_by AS "askedBy"',
  'r.created_at AS "createdAt"',
  'r.updated_at AS "updatedAt"',
  'r.answered_at AS "answeredAt"',
  'r.closed_at AS "closedAt"',
  'r.purged_at AS "purgedAt"',
  `floor(extract(epoch FROM now() - r.created_at) / 86400)::int AS "ageDays"`,
  '(SELECT count(*)::int FROM advice_messages m WHERE m.advice_request_id = r.id) AS "messageCount"',
  '(SELECT u.display_name FROM users u WHERE u.id = r.asked_by) AS "askedByName"',
];
const FROM = 'advice_requests r JOIN cases c ON c.id = r.case_id';

type SummaryRow = Omit<AdviceRequestSummary<Date>, 'actions'>;

/**
 * Who may work on a unit's advice: the unit's own workers and the contact point. The one place
 * that decides it, for a case asked on and for a request read or acted on: anything else is 404.
 */
export const mayWorkOnAdvice = (actor: Actor, unitId: string): boolean => canSeeUnit(actor, unitId);

/** What the reader may do now: answer (or follow up) and close, while the request is not closed. */
export const adviceActionsFor = (actor: Actor, status: string, unitId: string): AdviceAction[] =>
  status !== 'closed' && mayWorkOnAdvice(actor, unitId) ? ['answer', 'close'] : [];

/**
 * Advice in concrete cases (issue 14). The question and the thread are narrative: only the asking
 * unit and the contact point reach this service (the controller refuses finance and admin), every
 * read of them is audited, and lists carry none of it.
 */
@Injectable()
export class AdviceRequestsService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly audit: AuditService,
    private readonly notifications: NotificationWriter,
  ) {}

  list(actor: Actor, query: ListQuery): Promise<Page<AdviceRequestSummary<Date>>> {
    const scope = unitScope(actor);
    return queryPage(
      this.manager,
      query,
      ADVICE_LIST,
      {
        from: FROM,
        // the unit's requests, on the cases whose consent covers the worker's party
        where: scope ? ['r.unit_id = :scope', caseCoveredSql('r.case_id')] : [],
        named: { scope, party: partyScope(actor) },
        select: SUMMARY_COLUMNS,
      },
      (row) => {
        const r = row as unknown as SummaryRow;
        return { ...r, actions: adviceActionsFor(actor, r.status, r.unitId) };
      },
    );
  }

  /** One request with its question and thread; the read is audited. */
  async get(actor: Actor, id: string): Promise<AdviceRequestDetail<Date>> {
    await this.find(actor, id, this.manager);
    await this.audit.record({
      actorId: actor.id,
      action: 'advice_request.read',
      entityType: 'advice_request',
      entityId: id,
    });
    return this.detail(this.manager, actor, id);
  }

  async create(actor: Actor, dto: CreateAdviceRequestDto): Promise<AdviceRequestDetail<Date>> {
    return withRetry(() =>
      this.manager.transaction(async (tx) => {
        // the case row is locked: numbers of one case's requests are handed out one at a time
        const [owner] = await tx.query(
          `SELECT id, unit_id AS "unitId", reference, purged_at AS "purgedAt", access_parties AS "accessParties"
             FROM cases WHERE id = $1 FOR UPDATE`,
          [dto.caseId],
        );
        if (!owner || !canSeeCase(actor, owner)) {
          throw fieldError('caseId', 'no case of your unit has this id');
        }
        refuseIfCasePurged(owner, 'it takes no new advice request');
        const [{ next }] = await tx.query(
          `SELECT coalesce(max(number), 0) + 1 AS next FROM advice_requests WHERE case_id = $1`,
          [owner.id],
        );
        const saved = await tx.save(AdviceRequest, {
          caseId: owner.id,
          unitId: owner.unitId,
          number: next,
          reference: `${owner.reference}-R${next}`,
          topic: dto.topic,
          question: dto.question,
          status: 'open',
          askedBy: actor.id,
          updatedAt: new Date(),
        });
        await this.audit.recordChange(
          tx,
          actor,
          'advice_request.create',
          { type: 'advice_request', id: saved.id },
          { reference: saved.reference, caseId: owner.id, topic: dto.topic },
        );
        await this.notify(tx, actor, saved, 'advice_requested');
        return this.detail(tx, actor, saved.id);
      }),
    );
  }

  /**
   * A message in the thread: the contact point's answer (the request is then `answered`), or the
   * asking unit's follow-up (it is `open` again, waiting for the contact point).
   */
  answer(actor: Actor, id: string, message: string): Promise<AdviceRequestDetail<Date>> {
    const kind: AdviceMessageKind = actor.role === 'contact_point' ? 'answer' : 'follow_up';
    return this.act(actor, id, 'answer', async (tx, r) => {
      await tx.insert(AdviceMessage, { adviceRequestId: r.id, authorId: actor.id, kind, body: message });
      const now = new Date();
      if (kind === 'answer') {
        await tx.update(
          AdviceRequest,
          { id: r.id },
          { status: 'answered', answeredAt: now, answeredBy: actor.id, updatedAt: now },
        );
        await this.notify(tx, actor, r, 'advice_answered');
      } else {
        await tx.update(AdviceRequest, { id: r.id }, { status: 'open', updatedAt: now });
        await this.notify(tx, actor, r, 'advice_followed_up');
      }
      return { from: r.status, to: kind === 'answer' ? 'answered' : 'open', kind };
    });
  }

  /** Closes the thread, by the contact point or the asking unit: nothing more is written in it. */
  close(actor: Actor, id: string): Promise<AdviceRequestDetail<Date>> {
    return this.act(actor, id, 'close', async (tx, r) => {
      const now = new Date();
      await tx.update(
        AdviceRequest,
        { id: r.id },
        { status: 'closed', closedAt: now, closedBy: actor.id, updatedAt: now },
      );
      return { from: r.status, to: 'closed' };
    });
  }

  /** The request if this user may see it; another unit's is 404, as if it did not exist. */
  private async find(actor: Actor, id: string, tx: EntityManager, lock = false): Promise<AdviceRequest> {
    const found = await tx.findOne(AdviceRequest, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    // of its unit, only the parties the case's consent covers
    if (!found || !mayWorkOnAdvice(actor, found.unitId) || !(await partyCovered(tx, actor, found.caseId))) {
      throw notFound('Advice request');
    }
    return found;
  }

  /** One action in one transaction: the request locked, its status checked, the change audited. */
  private act(
    actor: Actor,
    id: string,
    action: AdviceAction,
    change: (tx: EntityManager, r: AdviceRequest) => Promise<Record<string, unknown>>,
  ): Promise<AdviceRequestDetail<Date>> {
    return withRetry(() =>
      this.manager.transaction(async (tx) => {
        const r = await this.find(actor, id, tx, true);
        if (r.status === 'closed') {
          throw new AdviceError(
            AdviceErrorCode.WrongStatus,
            `Advice request ${r.reference} is closed; it cannot be ${action === 'answer' ? 'answered' : 'closed'} again. Ask a new question instead`,
          );
        }
        const details = await change(tx, r);
        const event = action === 'answer' && details.kind === 'follow_up' ? 'follow_up' : action;
        await this.audit.recordChange(
          tx,
          actor,
          `advice_request.${event}`,
          { type: 'advice_request', id },
          {
            from: details.from,
            to: details.to,
          },
        );
        return this.detail(tx, actor, id);
      }),
    );
  }

  private notify(
    tx: EntityManager,
    actor: Actor,
    r: Pick<AdviceRequest, 'id' | 'reference' | 'unitId' | 'caseId'>,
    event: 'advice_requested' | 'advice_answered' | 'advice_followed_up',
  ) {
    return this.notifications.notify(
      tx,
      // the unit's workers hear of it only while the case's consent covers their party
      { reference: r.reference, caseId: r.caseId, resource: 'advice-requests', recordId: r.id, except: [actor.id] },
      [event === 'advice_answered' ? toUnit(event, r.unitId) : toRole(event, 'contact_point')],
    );
  }

  private async detail(tx: EntityManager, actor: Actor, id: string): Promise<AdviceRequestDetail<Date>> {
    const [row] = await tx.query(
      `SELECT ${SUMMARY_COLUMNS.join(', ')}, r.question AS question FROM ${FROM} WHERE r.id = $1`,
      [id],
    );
    const messages: AdviceMessageRecord<Date>[] = await tx.query(
      `SELECT m.id, m.author_id AS "authorId", u.display_name AS "authorName", u.role AS "authorRole",
              m.kind, m.body, m.created_at AS "createdAt"
         FROM advice_messages m JOIN users u ON u.id = m.author_id
        WHERE m.advice_request_id = $1 ORDER BY m.created_at, m.id`,
      [id],
    );
    const { question, ...summary } = row as SummaryRow & { question: string | null };
    return {
      ...summary,
      question: openNullable(question) ?? null,
      messages: messages.map((m) => ({ ...m, body: openText(m.body) })),
      actions: adviceActionsFor(actor, summary.status, summary.unitId),
    };
  }
}
