import { parseMoney } from '@app/money';
import { APPLICATION_STATUSES } from '@app/workflow';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/auth.decorators.js';
import { Case } from '../cases/case.entity.js';
import { notFound } from '../common/errors.js';
import { type ListQuery, type ListSpec, type Page, queryPage } from '../common/list-query.js';
import { applicationCoveredSql, canSeeUnit, partyCovered, partyScope, unitScope } from '../common/scope.js';
import { GuidelineVersion } from '../guidelines/guideline-version.entity.js';
import { User } from '../auth/user.entity.js';
import { Application, type Override, type StoredLine } from './application.entity.js';
import { actorIds } from './application-view.js';

const UNPAID = `(CASE WHEN a.status IN ('approved', 'partially_approved') THEN a.amount_approved - a.paid_amount ELSE 0 END)`;

export const APPLICATION_LIST: ListSpec = {
  resource: 'applications',
  fields: {
    id: { column: 'a.id', type: 'uuid' },
    reference: { column: 'a.reference', type: 'string', sortable: true },
    caseId: { column: 'a.case_id', type: 'uuid' },
    unitId: { column: 'a.unit_id', type: 'uuid', sortable: true },
    categoryCode: { column: 'a.category_code', type: 'string', sortable: true },
    status: { column: 'a.status', type: 'string', sortable: true, values: APPLICATION_STATUSES },
    urgent: { column: 'a.urgent', type: 'boolean', sortable: true },
    amountRequested: { column: 'a.amount_requested', type: 'integer', sortable: true },
    amountApproved: { column: 'a.amount_approved', type: 'integer', sortable: true },
    paidAmount: { column: 'a.paid_amount', type: 'integer', sortable: true },
    unpaidAmount: { column: UNPAID, type: 'integer', sortable: true },
    // grants with money still to pay: finance's queue
    unpaid: { column: `(${UNPAID} > 0)`, type: 'boolean' },
    submittedAt: { column: 'a.submitted_at', type: 'timestamp', sortable: true },
    decidedAt: { column: 'a.decided_at', type: 'timestamp', sortable: true },
    createdAt: { column: 'a.created_at', type: 'timestamp', sortable: true },
    updatedAt: { column: 'a.updated_at', type: 'timestamp', sortable: true },
    // the contact point's queue: what this user can act on now (`:listActor`, set by `list`), apart from
    // what waits for the unit (info_requested) or for a colleague's second approval
    waitsForMe: {
      column: `(a.status IN ('submitted', 'in_review') OR (a.status = 'awaiting_second_approval' AND a.first_approved_by IS DISTINCT FROM :listActor))`,
      type: 'boolean',
    },
    approvedByMe: {
      column: `(a.status = 'awaiting_second_approval' AND a.first_approved_by IS NOT DISTINCT FROM :listActor)`,
      type: 'boolean',
    },
    // urgent first, then the longest waiting
    queue: {
      column: 'a.submitted_at',
      type: 'timestamp',
      sortable: true,
      orderBy: [
        ['a.urgent', 'DESC'],
        ['a.submitted_at', 'ASC'],
      ],
    },
  },
  // what is not secret (narratives are encrypted); each arm through an index of its own
  search: [
    'a.reference',
    'a.category_code',
    { column: 'a.unit_id', in: (p) => `SELECT su.id FROM units su WHERE su.name ILIKE ${p}` },
  ],
  defaultSort: ['createdAt', 'DESC'],
};

/** The unit sees its own applications; the national roles every unit's, once submitted. */
export const isVisible = (actor: Actor, a: Application): boolean =>
  canSeeUnit(actor, a.unitId) && (actor.role === 'unit_worker' || a.status !== 'draft');

/** What an application's page shows beside its own row: the case's reference, the guideline's version, staff names. */
export interface ApplicationLookups {
  caseReference: Map<string, string>;
  guidelineVersion: Map<string, string>;
  names: Record<string, string>;
}

/**
 * Applications as each user may see them: found, locked, listed, saved, and
 * what their views look up. Another unit's application (or another's draft)
 * is not found, as if it did not exist. Each method works in the caller's
 * transaction (`tx`), or on the application's connection when given none.
 */
@Injectable()
export class ApplicationRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The application if this user may see it; else 404. */
  async find(actor: Actor, id: string, tx: EntityManager = this.manager): Promise<Application> {
    return this.covered(tx, actor, visibleOr404(actor, await tx.findOneBy(Application, { id })));
  }

  /**
   * The application if this user may see it, its row locked for the rest of
   * the transaction. Every change of an application takes this lock first,
   * before any budget year's (the ledger's order), so two never deadlock.
   */
  async lock(tx: EntityManager, actor: Actor, id: string): Promise<Application> {
    return this.covered(
      tx,
      actor,
      visibleOr404(actor, await tx.findOne(Application, { where: { id }, lock: { mode: 'pessimistic_write' } })),
    );
  }

  /** The application, if its case's consent covers a unit worker's party; else 404 like another unit's. */
  private async covered(tx: EntityManager, actor: Actor, a: Application): Promise<Application> {
    if (!(await partyCovered(tx, actor, a.caseId))) throw notFound('Application');
    return a;
  }

  /** The application as stored now, e.g. after a change in this transaction. */
  reload(tx: EntityManager, id: string): Promise<Application> {
    return tx.findOneByOrFail(Application, { id });
  }

  /**
   * A page of what this user may see (a draft only to its own unit), with what its views look up,
   * in one statement. The rows carry no narrative: it is neither read nor decrypted.
   */
  list(actor: Actor, query: ListQuery): Promise<Page<ListedApplication>> {
    const scope = unitScope(actor);
    return queryPage(
      this.manager,
      query,
      APPLICATION_LIST,
      {
        from: 'applications a',
        // a draft is the unit's own work in progress; of the unit's, the cases whose consent covers the worker's
        // party: the case's parties as each application carries them (kept by PostgreSQL), beside the list's index key
        where: scope ? ['a.unit_id = :scope', applicationCoveredSql('a')] : [`a.status <> 'draft'`],
        named: { scope, party: partyScope(actor), listActor: actor.id },
        select: LIST_COLUMNS,
        // subqueries, not joins: a lookup per row of the page, whatever the planner guesses its size to be
        lookup: {
          select: [
            '(SELECT lc.reference FROM cases lc WHERE lc.id = p."caseId") AS "caseReference"',
            '(SELECT lg.version FROM guidelines lg WHERE lg.id = p."guidelineId") AS "guidelineVersion"',
            `(SELECT coalesce(jsonb_object_agg(lu.id, lu.display_name), '{}') FROM users lu
              WHERE lu.id = ANY (ARRAY[p."createdBy", p."submittedBy", p."firstApprovedBy", p."decidedBy"]
                || ARRAY(SELECT (o->>'by')::uuid FROM jsonb_array_elements(p.overrides) o))) AS names`,
          ],
        },
      },
      listedApplication,
    );
  }

  async save(tx: EntityManager, a: Partial<Application>): Promise<Application> {
    return tx.save(Application, a);
  }

  /** The status a payment or refund leads to (the workflow's statusAfterPayment), written in the payment's transaction. */
  async setStatus(tx: EntityManager, id: string, status: Application['status']): Promise<void> {
    await tx.update(Application, { id }, { status });
  }

  /** The case of a new application, locked, so that application numbers within a case never collide. */
  lockCase(tx: EntityManager, caseId: string): Promise<Case | null> {
    return tx.findOne(Case, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Counts one more application of a locked case and answers its number. */
  async nextNumber(tx: EntityManager, caseId: string): Promise<number> {
    // TypeORM answers an UPDATE … RETURNING as [rows, count]
    const [[{ application_count: n }]] = await tx.query(
      `UPDATE cases SET application_count = application_count + 1 WHERE id = $1 RETURNING application_count`,
      [caseId],
    );
    return n;
  }

  /** What the views of these applications show beside their own rows, in three queries whatever their number. */
  async lookups(tx: EntityManager, rows: Application[]): Promise<ApplicationLookups> {
    const caseIds = [...new Set(rows.map((r) => r.caseId))];
    const guidelineIds = [...new Set(rows.map((r) => r.guidelineId).filter((g): g is string => g !== null))];
    const userIds = [...new Set(rows.flatMap(actorIds))];
    const cases = caseIds.length
      ? await tx.find(Case, { where: caseIds.map((id) => ({ id })), select: { id: true, reference: true } })
      : [];
    const guidelines = guidelineIds.length
      ? await tx.find(GuidelineVersion, {
          where: guidelineIds.map((id) => ({ id })),
          select: { id: true, version: true },
        })
      : [];
    const users = userIds.length
      ? await tx.find(User, { where: userIds.map((id) => ({ id })), select: { id: true, displayName: true } })
      : [];
    return {
      caseReference: new Map(cases.map((c) => [c.id, c.reference])),
      guidelineVersion: new Map(guidelines.map((g) => [g.id, g.version])),
      names: Object.fromEntries(users.map((u) => [u.id, u.displayName])),
    };
  }
}

/** A listed application and what its view looks up. Its narrative fields are null: a list never reads them. */
export interface ListedApplication {
  application: Application;
  caseReference: string;
  guidelineVersion: string | null;
  names: Record<string, string>;
}

// every column but the narrative ones, as the entity names them
const LIST_COLUMNS = [
  'a.id AS id',
  'a.reference AS reference',
  'a.case_id AS "caseId"',
  'a.unit_id AS "unitId"',
  'a.category_code AS "categoryCode"',
  'a.amount_requested::text AS "amountRequested"',
  'a.amount_approved::text AS "amountApproved"',
  'a.ordinary_funding_considered AS "ordinaryFundingConsidered"',
  'a.urgent AS urgent',
  'a.lines AS lines',
  'a.planned_session_dates::text[] AS "plannedSessionDates"',
  'a.status AS status',
  'a.findings AS findings',
  'a.guideline_id AS "guidelineId"',
  'a.submitted_at AS "submittedAt"',
  'a.submitted_by AS "submittedBy"',
  'a.first_approved_by AS "firstApprovedBy"',
  'a.first_approved_at AS "firstApprovedAt"',
  'a.first_approved_amount::text AS "firstApprovedAmount"',
  'a.decided_at AS "decidedAt"',
  'a.decided_by AS "decidedBy"',
  'a.overrides AS overrides',
  'a.paid_amount::text AS "paidAmount"',
  'a.budget_year_id AS "budgetYearId"',
  'a.editors::text[] AS editors',
  'a.created_by AS "createdBy"',
  'a.created_at AS "createdAt"',
  'a.updated_at AS "updatedAt"',
  'a.purged_at AS "purgedAt"',
];

const money = (value: unknown): bigint | null => (value === null ? null : parseMoney(value as string));

function listedApplication(row: Record<string, unknown>): ListedApplication {
  const lines = row.lines as StoredLine[];
  const overrides = row.overrides as Override[];
  const application = {
    ...(row as unknown as Application),
    amountRequested: money(row.amountRequested)!,
    amountApproved: money(row.amountApproved),
    firstApprovedAmount: money(row.firstApprovedAmount),
    paidAmount: money(row.paidAmount)!,
    // the narrative stays sealed and out of the object
    lines: lines.map((l) => ({ description: null, quantity: l.quantity, unitAmount: l.unitAmount })),
    overrides: overrides.map((o) => ({ rule: o.rule, by: o.by, at: o.at, justification: null })),
    justification: null,
    decisionReason: null,
    conditions: null,
    paymentInstructions: null,
  } satisfies Application;
  return {
    application,
    caseReference: row.caseReference as string,
    guidelineVersion: row.guidelineVersion as string | null,
    names: row.names as Record<string, string>,
  };
}

function visibleOr404(actor: Actor, found: Application | null): Application {
  if (!found || !isVisible(actor, found)) throw notFound('Application');
  return found;
}
