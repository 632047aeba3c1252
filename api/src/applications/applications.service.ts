import { linesTotal, parseMoney } from '@app/money';
import {
  type ApplicationAction,
  APPLICATION_STATUSES,
  availableActions,
  EDITABLE_STATUSES,
  fourEyesBreach,
} from '@app/workflow';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.decorators.js';
import { Case } from '../cases/case.entity.js';
import { Category } from '../categories/category.entity.js';
import { fieldError, notFound } from '../common/errors.js';
import { applyListQuery, type ListQuery, type ListSpec, Page } from '../common/list-query.js';
import { canSeeUnit, unitScope } from '../common/scope.js';
import { GuidelineVersion } from '../guidelines/guideline-version.entity.js';
import { refuseIfApplicationPurged, refuseIfCasePurged } from '../retention/retention.errors.js';
import { User } from '../users/user.entity.js';
import { Application, type StoredLine } from './application.entity.js';
import { actorIds, type ApplicationDetail, type ApplicationSummary, toView } from './application-view.js';
import { ApplicationError, ApplicationErrorCode } from './applications.errors.js';
import type { CreateApplicationDto, LineDto, UpdateApplicationDto } from './dto/application.dto.js';

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
  // what is not secret: narratives are encrypted
  search: ['a.reference', 'a.category_code', '(SELECT su.name FROM units su WHERE su.id = a.unit_id)'],
  defaultSort: ['createdAt', 'DESC'],
};

/** Who may read the narrative: the unit that wrote it and the contact point that decides it. */
export const hasNeedToKnow = (actor: Actor): boolean => actor.role === 'unit_worker' || actor.role === 'contact_point';

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly audit: AuditService,
  ) {}

  /** Lists never carry narrative, for anybody. */
  async list(actor: Actor, query: ListQuery): Promise<Page<ApplicationSummary>> {
    const qb = this.manager.createQueryBuilder(Application, 'a').setParameter('listActor', actor.id);
    const scope = unitScope(actor);
    if (scope) qb.where('a.unit_id = :scope', { scope });
    // a draft is the unit's own work in progress
    else qb.where(`a.status <> 'draft'`);
    const [rows, total] = await applyListQuery(qb, query, APPLICATION_LIST).getManyAndCount();
    const views = await this.views(this.manager, actor, rows, false);
    return new Page(APPLICATION_LIST.resource, views, total, query.range[0]);
  }

  /** The application if this user may see it; another unit's is 404, as if it did not exist. */
  async find(actor: Actor, id: string, tx: EntityManager = this.manager, lock = false): Promise<Application> {
    const found = await tx.findOne(Application, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!found || !isVisible(actor, found)) throw notFound('Application');
    return found;
  }

  /** One application; its narrative only to those with need to know, and that read is audited. */
  async get(actor: Actor, id: string): Promise<ApplicationSummary | ApplicationDetail> {
    const application = await this.find(actor, id);
    // finance's read carries line descriptions and payment instructions: audited too
    if (hasNeedToKnow(actor) || actor.role === 'finance') {
      await this.audit.record({
        actorId: actor.id,
        action: 'application.read',
        entityType: 'application',
        entityId: id,
      });
    }
    return this.view(this.manager, actor, application);
  }

  async view(
    tx: EntityManager,
    actor: Actor,
    application: Application,
  ): Promise<ApplicationSummary | ApplicationDetail> {
    const [view] = await this.views(tx, actor, [application], hasNeedToKnow(actor), actor.role === 'finance');
    return view;
  }

  private async views(tx: EntityManager, actor: Actor, rows: Application[], narrative: boolean, forPayment = false) {
    const caseIds = [...new Set(rows.map((r) => r.caseId))];
    const guidelineIds = [...new Set(rows.map((r) => r.guidelineId).filter((g): g is string => g !== null))];
    const cases = caseIds.length
      ? await tx.find(Case, { where: caseIds.map((id) => ({ id })), select: { id: true, reference: true } })
      : [];
    const guidelines = guidelineIds.length
      ? await tx.find(GuidelineVersion, {
          where: guidelineIds.map((id) => ({ id })),
          select: { id: true, version: true },
        })
      : [];
    const userIds = [...new Set(rows.flatMap(actorIds))];
    const users = userIds.length
      ? await tx.find(User, { where: userIds.map((id) => ({ id })), select: { id: true, displayName: true } })
      : [];
    const names = Object.fromEntries(users.map((u) => [u.id, u.displayName]));
    const caseRef = new Map(cases.map((c) => [c.id, c.reference]));
    const version = new Map(guidelines.map((g) => [g.id, g.version]));
    return rows.map((a) =>
      toView(
        a,
        {
          caseReference: caseRef.get(a.caseId)!,
          guidelineVersion: a.guidelineId ? (version.get(a.guidelineId) ?? null) : null,
          actions: actionsFor(actor, a),
          names,
          forPayment,
        },
        narrative as true,
      ),
    );
  }

  async create(actor: Actor, dto: CreateApplicationDto): Promise<ApplicationDetail> {
    const lines = toStoredLines(dto.lines);
    checkTotal(dto.amountRequested, lines);
    return this.manager.transaction(async (tx) => {
      // the case row is locked so that application numbers within a case never collide
      const owner = await tx.findOne(Case, { where: { id: dto.caseId }, lock: { mode: 'pessimistic_write' } });
      if (!owner || !canSeeUnit(actor, owner.unitId)) throw fieldError('caseId', 'no case of your unit has this id');
      refuseIfCasePurged(owner, 'register a new case for a new application');
      await checkCategory(tx, dto.categoryCode);
      // TypeORM answers an UPDATE … RETURNING as [rows, count]
      const [[{ application_count: n }]] = await tx.query(
        `UPDATE cases SET application_count = application_count + 1 WHERE id = $1 RETURNING application_count`,
        [owner.id],
      );
      const saved = await tx.save(Application, {
        reference: `${owner.reference}-A${n}`,
        caseId: owner.id,
        unitId: owner.unitId,
        categoryCode: dto.categoryCode,
        amountRequested: parseMoney(dto.amountRequested, 'amountRequested'),
        justification: dto.justification,
        ordinaryFundingConsidered: dto.ordinaryFundingConsidered,
        urgent: dto.urgent ?? false,
        lines,
        plannedSessionDates: dto.plannedSessionDates ?? [],
        status: 'draft',
        findings: [],
        overrides: [],
        paidAmount: 0n,
        editors: [actor.id],
        createdBy: actor.id,
      });
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'application.create',
          entityType: 'application',
          entityId: saved.id,
          details: { reference: saved.reference },
        },
        tx,
      );
      return this.view(
        tx,
        actor,
        await tx.findOneByOrFail(Application, { id: saved.id }),
      ) as Promise<ApplicationDetail>;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateApplicationDto): Promise<ApplicationDetail> {
    return this.manager.transaction(async (tx) => {
      const current = await this.find(actor, id, tx, true);
      refuseIfApplicationPurged(current);
      if (!EDITABLE_STATUSES.includes(current.status)) {
        throw new ApplicationError(
          ApplicationErrorCode.WrongStatus,
          `An application that is ${current.status} cannot be changed; only drafts and applications awaiting information can`,
        );
      }
      if (dto.categoryCode !== undefined) await checkCategory(tx, dto.categoryCode);
      const lines = dto.lines ? toStoredLines(dto.lines) : current.lines;
      const amount = dto.amountRequested ?? Number(current.amountRequested);
      if (dto.lines || dto.amountRequested !== undefined) checkTotal(amount, lines);
      const { lines: _, amountRequested: __, ...rest } = dto;
      const changed = Object.keys(dto);
      await tx.save(Application, {
        ...current,
        ...rest,
        lines,
        amountRequested: BigInt(amount),
        editors: current.editors.includes(actor.id) ? current.editors : [...current.editors, actor.id],
      });
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'application.update',
          entityType: 'application',
          entityId: id,
          details: { changed },
        },
        tx,
      );
      return this.view(tx, actor, await tx.findOneByOrFail(Application, { id })) as Promise<ApplicationDetail>;
    });
  }
}

/** The actions this user can take now: the workflow's table, narrowed by unit and four eyes. */
export function actionsFor(actor: Actor, a: Application): ApplicationAction[] {
  if (!isVisible(actor, a)) return [];
  return availableActions(a.status, actor.role).filter((action) => fourEyesBreach(action, actor.id, a) === null);
}

/** The unit sees its own applications; the national roles every unit's, once submitted. */
export const isVisible = (actor: Actor, a: Application): boolean =>
  canSeeUnit(actor, a.unitId) && (actor.role === 'unit_worker' || a.status !== 'draft');

function toStoredLines(lines: LineDto[]): StoredLine[] {
  return lines.map((l) => ({ description: l.description, quantity: l.quantity, unitAmount: l.unitAmount }));
}

function checkTotal(amountRequested: number, lines: StoredLine[]): void {
  const total = linesTotal(lines.map((l) => ({ quantity: l.quantity, unitAmount: BigInt(l.unitAmount) })));
  if (BigInt(amountRequested) !== total) {
    throw fieldError('amountRequested', `must equal the sum of the lines (${total})`);
  }
}

async function checkCategory(tx: EntityManager, code: string): Promise<void> {
  const category = await tx.findOneBy(Category, { code });
  if (!category || !category.active) throw fieldError('categoryCode', `no active category has the code ${code}`);
}
