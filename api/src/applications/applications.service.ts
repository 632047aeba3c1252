import { linesTotal, parseMoney } from '@app/money';
import { type ApplicationAction, availableActions, EDITABLE_STATUSES, fourEyesBreach } from '@app/workflow';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.decorators.js';
import { Category } from '../categories/category.entity.js';
import { fieldError } from '../common/errors.js';
import { type ListQuery, Page } from '../common/list-query.js';
import { canSeeCase } from '../common/scope.js';
import { refuseIfApplicationPurged, refuseIfCasePurged } from '../retention/retention.errors.js';
import type { Application, StoredLine } from './application.entity.js';
import { APPLICATION_LIST, ApplicationRepository, isVisible } from './application.repository.js';
import { type ApplicationDetail, type ApplicationSummary, toView } from './application-view.js';
import { ApplicationError, ApplicationErrorCode } from './applications.errors.js';
import type { CreateApplicationDto, LineDto, UpdateApplicationDto } from './dto/application.dto.js';

// the route's list fields are the repository's columns
export { APPLICATION_LIST, isVisible };

/** Who may read the narrative: the unit that wrote it and the contact point that decides it. */
export const hasNeedToKnow = (actor: Actor): boolean => actor.role === 'unit_worker' || actor.role === 'contact_point';

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly repository: ApplicationRepository,
    private readonly audit: AuditService,
  ) {}

  /** Lists never carry narrative, for anybody. */
  async list(actor: Actor, query: ListQuery): Promise<Page<ApplicationSummary>> {
    const page = await this.repository.list(actor, query);
    const views = page.rows.map(({ application: a, caseReference, guidelineVersion, names }) =>
      toView(a, { caseReference, guidelineVersion, actions: actionsFor(actor, a), names }, false),
    );
    return new Page(APPLICATION_LIST.resource, views, page.total, page.start);
  }

  /** The application if this user may see it; another unit's is 404, as if it did not exist. */
  async find(actor: Actor, id: string, tx: EntityManager = this.manager, lock = false): Promise<Application> {
    return lock ? this.repository.lock(tx, actor, id) : this.repository.find(actor, id, tx);
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
    const { caseReference, guidelineVersion, names } = await this.repository.lookups(tx, rows);
    return rows.map((a) =>
      toView(
        a,
        {
          caseReference: caseReference.get(a.caseId)!,
          guidelineVersion: a.guidelineId ? (guidelineVersion.get(a.guidelineId) ?? null) : null,
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
      const owner = await this.repository.lockCase(tx, dto.caseId);
      if (!owner || !canSeeCase(actor, owner)) throw fieldError('caseId', 'no case of your unit has this id');
      refuseIfCasePurged(owner, 'register a new case for a new application');
      await checkCategory(tx, dto.categoryCode);
      const n = await this.repository.nextNumber(tx, owner.id);
      const saved = await this.repository.save(tx, {
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
      await this.audit.recordChange(
        tx,
        actor,
        'application.create',
        { type: 'application', id: saved.id },
        { reference: saved.reference },
      );
      return this.view(tx, actor, await this.repository.reload(tx, saved.id)) as Promise<ApplicationDetail>;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateApplicationDto): Promise<ApplicationDetail> {
    return this.manager.transaction(async (tx) => {
      const current = await this.repository.lock(tx, actor, id);
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
      await this.repository.save(tx, {
        ...current,
        ...rest,
        lines,
        amountRequested: BigInt(amount),
        editors: current.editors.includes(actor.id) ? current.editors : [...current.editors, actor.id],
      });
      await this.audit.recordChange(tx, actor, 'application.update', { type: 'application', id }, { changed });
      return this.view(tx, actor, await this.repository.reload(tx, id)) as Promise<ApplicationDetail>;
    });
  }
}

/** The actions this user can take now: the workflow's table, narrowed by unit and four eyes. */
export function actionsFor(actor: Actor, a: Application): ApplicationAction[] {
  if (!isVisible(actor, a)) return [];
  return availableActions(a.status, actor.role).filter((action) => fourEyesBreach(action, actor.id, a) === null);
}

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
