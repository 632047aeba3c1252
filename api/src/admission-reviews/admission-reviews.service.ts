import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.decorators.js';
import { Case } from '../cases/case.entity.js';
import { fieldError, isUniqueViolation, notFound } from '../common/errors.js';
import { isoDateOf } from '../common/dates.js';
import { type ListQuery, type ListSpec, type Page, queryPage } from '../common/list-query.js';
import { canSeeCase, canSeeUnit, partyCovered, partyScope, unitScope } from '../common/scope.js';
import { withRetry } from '../common/transaction.js';
import { type Notice, NotificationWriter, toRole, toUnit } from '../notifications/notification-writer.js';
import { User } from '../users/user.entity.js';
import { AdmissionError, AdmissionErrorCode } from './admission.errors.js';
import {
  ADMISSION_REVIEW_STATUSES,
  AdmissionReview,
  AdmissionReviewMessage,
  type AdmissionReviewStatus,
  OPEN_REVIEW_STATUSES,
  type ReviewMessageKind,
} from './admission-review.entity.js';
import { type AssessmentRecord, toAssessmentRecord } from './case-admission.service.js';
import { CaseAssessment } from './case-assessment.entity.js';
import type { CreateAdmissionReviewDto } from './dto/admission-review.dto.js';

export const ADMISSION_REVIEW_LIST: ListSpec = {
  resource: 'admission-reviews',
  fields: {
    id: { column: 'r.id', type: 'uuid' },
    caseId: { column: 'r.case_id', type: 'uuid' },
    unitId: { column: 'r.unit_id', type: 'uuid', sortable: true },
    status: { column: 'r.status', type: 'string', sortable: true, values: ADMISSION_REVIEW_STATUSES },
    requestedOn: { column: 'r.requested_on', type: 'date', sortable: true },
    decidedAt: { column: 'r.decided_at', type: 'timestamp', sortable: true },
    createdAt: { column: 'r.created_at', type: 'timestamp', sortable: true },
    updatedAt: { column: 'r.updated_at', type: 'timestamp', sortable: true },
  },
  search: ['c.reference'],
  defaultSort: ['requestedOn', 'ASC'],
};

const COLUMNS = [
  'r.id AS id',
  'r.case_id AS "caseId"',
  'c.reference AS "caseReference"',
  'r.unit_id AS "unitId"',
  'r.status AS status',
  `to_char(r.requested_on, 'YYYY-MM-DD') AS "requestedOn"`,
  'r.requested_by AS "requestedBy"',
  'r.assessors AS assessors',
  'r.decided_by AS "decidedBy"',
  'r.decided_at AS "decidedAt"',
  'r.created_at AS "createdAt"',
  'r.updated_at AS "updatedAt"',
  'r.purged_at AS "purgedAt"',
];

export type ReviewAction = 'start-review' | 'request-info' | 'answer' | 'uphold' | 'admit';

/** Who may take each action from which statuses, and where it leads. */
const ACTIONS: Record<
  ReviewAction,
  { role: Actor['role']; from: readonly AdmissionReviewStatus[]; to: AdmissionReviewStatus }
> = {
  'start-review': { role: 'contact_point', from: ['requested'], to: 'in_review' },
  'request-info': { role: 'contact_point', from: ['requested', 'in_review'], to: 'info_requested' },
  answer: { role: 'unit_worker', from: ['info_requested'], to: 'in_review' },
  uphold: { role: 'contact_point', from: OPEN_REVIEW_STATUSES, to: 'upheld' },
  admit: { role: 'contact_point', from: OPEN_REVIEW_STATUSES, to: 'admitted' },
};
const DECISIONS: ReviewAction[] = ['uphold', 'admit'];

/** What an action changes beside the status, whom it tells, and what follows the review's row. */
interface Change {
  notices: Notice[];
  set?: Partial<AdmissionReview>;
  after?: () => Promise<void>;
}

interface ReviewRow {
  id: string;
  caseId: string;
  caseReference: string;
  unitId: string;
  status: AdmissionReviewStatus;
  requestedOn: string;
  requestedBy: string;
  assessors: string[];
  decidedBy: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  purgedAt: Date | null;
}

export interface ReviewView extends Omit<ReviewRow, 'assessors'> {
  actions: ReviewAction[];
  assessment?: AssessmentRecord;
  decisionReason?: string | null;
  messages?: { id: string; authorId: string; authorName: string; kind: string; body: string; createdAt: Date }[];
}

/** The actions this user can take now: by role, unit and status, and never a decision by one of the assessors. */
export function reviewActionsFor(actor: Actor, r: Pick<ReviewRow, 'status' | 'unitId' | 'assessors'>): ReviewAction[] {
  if (!canSeeUnit(actor, r.unitId)) return [];
  return (Object.keys(ACTIONS) as ReviewAction[]).filter(
    (a) =>
      ACTIONS[a].role === actor.role &&
      ACTIONS[a].from.includes(r.status) &&
      !(DECISIONS.includes(a) && r.assessors.includes(actor.id)),
  );
}

const view = (actor: Actor, { assessors, ...row }: ReviewRow): ReviewView => ({
  ...row,
  actions: reviewActionsFor(actor, { ...row, assessors }),
});

/**
 * The contact point's review of a unit's refusal of admission: the unit asks
 * (with the day the candidate asked), the contact point asks for information and
 * decides (uphold, or admit: the case becomes active). Only the unit and the
 * contact point see it (the controller's roles); a foreign unit gets 404; every
 * read of the assessment, reasons and thread is audited.
 */
@Injectable()
export class AdmissionReviewsService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly audit: AuditService,
    private readonly notifications: NotificationWriter,
  ) {}

  /** Lists carry no narrative. */
  list(actor: Actor, query: ListQuery): Promise<Page<ReviewView>> {
    const scope = unitScope(actor);
    return queryPage(
      this.manager,
      query,
      ADMISSION_REVIEW_LIST,
      {
        from: 'admission_reviews r JOIN cases c ON c.id = r.case_id',
        // the unit's reviews, on the cases whose consent covers the worker's party
        where: scope ? ['r.unit_id = :scope', ':party = ANY (c.access_parties)'] : [],
        named: { scope, party: partyScope(actor) },
        select: COLUMNS,
      },
      (row) => view(actor, row as unknown as ReviewRow),
    );
  }

  /** One review with the assessment in front of it, its reasons and thread; the read is audited. */
  async get(actor: Actor, id: string): Promise<ReviewView> {
    const row = await this.row(this.manager, actor, id);
    await this.audit.record({
      actorId: actor.id,
      action: 'admission_review.read',
      entityType: 'admission_review',
      entityId: id,
    });
    return this.detail(this.manager, actor, row);
  }

  async create(actor: Actor, dto: CreateAdmissionReviewDto): Promise<ReviewView> {
    const id = await withRetry(() =>
      this.manager.transaction(async (tx) => {
        const found = await tx.findOne(Case, { where: { id: dto.caseId }, lock: { mode: 'pessimistic_write' } });
        if (!found || !canSeeCase(actor, found)) throw fieldError('caseId', 'no case of your unit has this id');
        if (found.status !== 'refused') {
          throw new AdmissionError(
            AdmissionErrorCode.CaseWrongStatus,
            `Case ${found.reference} is ${found.status}: only a refused case can be reviewed`,
          );
        }
        const assessment = await tx.findOneByOrFail(CaseAssessment, { caseId: found.id });
        if (dto.requestedOn < isoDateOf(assessment.decidedAt!)) {
          throw fieldError('requestedOn', `must not be before the refusal (${isoDateOf(assessment.decidedAt!)})`);
        }
        const created = await tx
          .insert(AdmissionReview, {
            caseId: found.id,
            unitId: found.unitId,
            status: 'requested',
            requestedOn: dto.requestedOn,
            requestedBy: actor.id,
            assessors: assessment.participants,
          })
          .catch((error: unknown) => {
            if (isUniqueViolation(error, 'admission_reviews_one_per_case')) {
              throw new AdmissionError(AdmissionErrorCode.ReviewExists, `Case ${found.reference} has a review already`);
            }
            throw error;
          });
        const reviewId = created.identifiers[0].id as string;
        await this.audit.recordChange(
          tx,
          actor,
          'admission_review.create',
          { type: 'admission_review', id: reviewId },
          { caseId: found.id, requestedOn: dto.requestedOn },
        );
        await this.notify(tx, actor, found, reviewId, [toRole('admission_review_requested', 'contact_point')]);
        return reviewId;
      }),
    );
    return this.view(actor, id);
  }

  startReview(actor: Actor, id: string) {
    return this.transition(actor, id, 'start-review', async () => ({ notices: [] }));
  }

  requestInfo(actor: Actor, id: string, message: string) {
    return this.transition(actor, id, 'request-info', async (tx, r) => {
      await this.say(tx, actor, r.id, 'question', message);
      return { notices: [toUnit('admission_review_info_requested', r.unitId)] };
    });
  }

  answer(actor: Actor, id: string, message: string) {
    return this.transition(actor, id, 'answer', async (tx, r) => {
      await this.say(tx, actor, r.id, 'answer', message);
      return { notices: [toRole('admission_review_answered', 'contact_point')] };
    });
  }

  uphold(actor: Actor, id: string, reason: string) {
    return this.transition(actor, id, 'uphold', async (tx, r) => ({
      set: await this.decide(tx, actor, r, reason),
      notices: [toUnit('admission_review_upheld', r.unitId)],
    }));
  }

  /** The contact point admits: the case becomes active, with this decision on record. */
  admit(actor: Actor, id: string, reason: string) {
    return this.transition(actor, id, 'admit', async (tx, r) => ({
      set: await this.decide(tx, actor, r, reason),
      notices: [toUnit('admission_review_admitted', r.unitId)],
      // after the review's row: the database lets a case leave `refused` only by an admitted review
      after: async () => {
        await tx.update(Case, { id: r.caseId }, { status: 'active' });
        await this.audit.recordChange(
          tx,
          actor,
          'case.admit',
          { type: 'case', id: r.caseId },
          { from: 'refused', to: 'active', admissionReviewId: r.id },
        );
      },
    }));
  }

  /** The decision's reason in the thread, and the columns that record it (set with the status, in one UPDATE). */
  private async decide(tx: EntityManager, actor: Actor, r: ReviewRow, reason: string) {
    await this.say(tx, actor, r.id, 'decision', reason);
    return { decisionReason: reason, decidedBy: actor.id, decidedAt: new Date() };
  }

  private async transition(
    actor: Actor,
    id: string,
    action: ReviewAction,
    work: (tx: EntityManager, r: ReviewRow) => Promise<Change>,
  ): Promise<ReviewView> {
    await withRetry(() =>
      this.manager.transaction(async (tx) => {
        const r = await this.row(tx, actor, id, true);
        const rule = ACTIONS[action];
        if (!rule.from.includes(r.status)) {
          throw new AdmissionError(
            AdmissionErrorCode.ReviewWrongStatus,
            `Cannot ${action} an admission review that is ${r.status}`,
          );
        }
        if (DECISIONS.includes(action) && r.assessors.includes(actor.id)) {
          throw new AdmissionError(
            AdmissionErrorCode.FourEyes,
            "You took part in the unit's assessment of this case; another contact point must decide the review",
          );
        }
        const { notices, set, after } = await work(tx, r);
        await tx.update(AdmissionReview, { id }, { status: rule.to, ...set });
        await after?.();
        await this.audit.recordChange(
          tx,
          actor,
          `admission_review.${action}`,
          { type: 'admission_review', id },
          { from: r.status, to: rule.to },
        );
        await this.notify(tx, actor, { id: r.caseId, reference: r.caseReference }, id, notices);
      }),
    );
    return this.view(actor, id);
  }

  /** The review as the answer to a change: with its narrative, as the user just wrote or decided it. */
  private async view(actor: Actor, id: string): Promise<ReviewView> {
    return this.detail(this.manager, actor, await this.row(this.manager, actor, id));
  }

  private async detail(tx: EntityManager, actor: Actor, row: ReviewRow): Promise<ReviewView> {
    const [review, assessment, messages] = await Promise.all([
      tx.findOneByOrFail(AdmissionReview, { id: row.id }),
      tx.findOneBy(CaseAssessment, { caseId: row.caseId }),
      tx
        .createQueryBuilder(AdmissionReviewMessage, 'm')
        .innerJoinAndMapOne('m.author', User, 'u', 'u.id = m.author_id')
        .where('m.review_id = :id', { id: row.id })
        .orderBy('m.created_at', 'ASC')
        .getMany(),
    ]);
    return {
      ...view(actor, row),
      assessment: toAssessmentRecord(row.caseId, assessment),
      decisionReason: review.decisionReason,
      messages: messages.map((m) => ({
        id: m.id,
        authorId: m.authorId,
        authorName: (m as AdmissionReviewMessage & { author: User }).author.displayName,
        kind: m.kind,
        body: m.body,
        createdAt: m.createdAt,
      })),
    };
  }

  /** The review if this user may see it (another unit's is 404), locked for a change. */
  private async row(tx: EntityManager, actor: Actor, id: string, lock = false): Promise<ReviewRow> {
    const [row]: ReviewRow[] = await tx.query(
      `SELECT ${COLUMNS.join(', ')} FROM admission_reviews r JOIN cases c ON c.id = r.case_id
        WHERE r.id = $1 ${lock ? 'FOR UPDATE OF r' : ''}`,
      [id],
    );
    if (!row || !canSeeUnit(actor, row.unitId) || !(await partyCovered(tx, actor, row.caseId))) {
      throw notFound('Admission review');
    }
    return row;
  }

  private async say(tx: EntityManager, actor: Actor, reviewId: string, kind: ReviewMessageKind, body: string) {
    await tx.insert(AdmissionReviewMessage, { reviewId, authorId: actor.id, kind, body });
  }

  /** Notices of a review, told to a unit's workers only while the case's consent covers their party. */
  private async notify(
    tx: EntityManager,
    actor: Actor,
    c: { id: string; reference: string },
    id: string,
    notices: Notice[],
  ) {
    await this.notifications.notify(
      tx,
      { reference: c.reference, caseId: c.id, resource: 'admission-reviews', recordId: id, except: [actor.id] },
      notices,
    );
  }
}
