import { validateGuideline } from '@app/guidelines';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.decorators.js';
import { Category } from '../categories/category.entity.js';
import { fieldError, isUniqueViolation, notFound, uniqueConflict } from '../common/errors.js';
import { findPage, type ListQuery, type ListSpec, type Page } from '../common/list-query.js';
import { todayIso } from '../common/dates.js';
import { validationException } from '../common/validation.js';
import type { CreateGuidelineDto, UpdateGuidelineDto } from './dto/guideline.dto.js';
import type { StoredCategoryRules } from '@app/contract';
import { GuidelineVersion } from './guideline-version.entity.js';
import { toEngineGuideline } from './guideline-mapping.js';
import { GuidelineError, GuidelineErrorCode } from './guidelines.errors.js';

export const GUIDELINE_LIST: ListSpec = {
  resource: 'guidelines',
  fields: {
    id: { column: 'g.id', type: 'uuid' },
    version: { column: 'g.version', type: 'string', sortable: true },
    effectiveFrom: { column: 'g.effective_from', type: 'date', sortable: true },
    status: { column: 'g.status', type: 'string', sortable: true, values: ['draft', 'published', 'retired'] },
    publishedAt: { column: 'g.published_at', type: 'timestamp', sortable: true },
    createdAt: { column: 'g.created_at', type: 'timestamp', sortable: true },
  },
  search: ['g.version'],
  defaultSort: ['effectiveFrom', 'DESC'],
};

@Injectable()
export class GuidelinesService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly audit: AuditService,
  ) {}

  list(query: ListQuery): Promise<Page<GuidelineVersion>> {
    return findPage(this.manager.createQueryBuilder(GuidelineVersion, 'g'), query, GUIDELINE_LIST);
  }

  async get(id: string, tx: EntityManager = this.manager, lock = false): Promise<GuidelineVersion> {
    const found = await tx.findOne(GuidelineVersion, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!found) throw notFound('Guideline version');
    return found;
  }

  /** The published version in force on a day: the latest to take effect on or before it. */
  async inForce(day: string, tx: EntityManager = this.manager): Promise<GuidelineVersion> {
    const found = await tx
      .createQueryBuilder(GuidelineVersion, 'g')
      .where(`g.status = 'published' AND g.effective_from <= :day`, { day })
      .orderBy('g.effective_from', 'DESC')
      .getOne();
    if (!found) throw new GuidelineError(GuidelineErrorCode.NoneInForce);
    return found;
  }

  async create(actor: Actor, dto: CreateGuidelineDto): Promise<GuidelineVersion> {
    return this.write(async (tx) => {
      const categories = normalize(dto.categories);
      await this.check(tx, { ...dto, categories });
      const { id } = await tx.save(GuidelineVersion, { ...dto, categories, status: 'draft', createdBy: actor.id });
      await this.audit.recordChange(tx, actor, 'guideline.create', { type: 'guideline', id }, { version: dto.version });
      return this.get(id, tx);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateGuidelineDto): Promise<GuidelineVersion> {
    return this.write(async (tx) => {
      const current = await this.get(id, tx, true);
      if (current.status !== 'draft') throw new GuidelineError(GuidelineErrorCode.NotDraft);
      const next = { ...current, ...dto, categories: dto.categories ? normalize(dto.categories) : current.categories };
      await this.check(tx, next);
      await tx.save(GuidelineVersion, next);
      const changed = Object.keys(dto);
      await this.audit.recordChange(tx, actor, 'guideline.update', { type: 'guideline', id }, { changed });
      return this.get(id, tx);
    });
  }

  async remove(actor: Actor, id: string): Promise<GuidelineVersion> {
    return this.manager.transaction(async (tx) => {
      const current = await this.get(id, tx, true);
      if (current.status !== 'draft') throw new GuidelineError(GuidelineErrorCode.NotDraft);
      await tx.delete(GuidelineVersion, { id });
      await this.audit.recordChange(
        tx,
        actor,
        'guideline.delete',
        { type: 'guideline', id },
        { version: current.version },
      );
      return current;
    });
  }

  async publish(actor: Actor, id: string, today = todayIso()): Promise<GuidelineVersion> {
    return this.write(async (tx) => {
      const current = await this.get(id, tx, true);
      if (current.status !== 'draft') throw new GuidelineError(GuidelineErrorCode.NotDraft);
      if (current.effectiveFrom < today) throw new GuidelineError(GuidelineErrorCode.EffectiveDatePassed);
      await this.check(tx, current);
      await tx.update(
        GuidelineVersion,
        { id },
        { status: 'published', publishedAt: new Date(), publishedBy: actor.id },
      );
      await this.audit.recordChange(
        tx,
        actor,
        'guideline.publish',
        { type: 'guideline', id },
        { version: current.version, effectiveFrom: current.effectiveFrom },
      );
      return this.get(id, tx);
    });
  }

  async retire(actor: Actor, id: string): Promise<GuidelineVersion> {
    return this.manager.transaction(async (tx) => {
      const current = await this.get(id, tx, true);
      if (current.status !== 'published') throw new GuidelineError(GuidelineErrorCode.NotPublished);
      await tx.update(GuidelineVersion, { id }, { status: 'retired', retiredAt: new Date() });
      await this.audit.recordChange(
        tx,
        actor,
        'guideline.retire',
        { type: 'guideline', id },
        { version: current.version },
      );
      return this.get(id, tx);
    });
  }

  /** The engine's own consistency rules, and categories that exist. */
  private async check(
    tx: EntityManager,
    g: Pick<GuidelineVersion, 'version' | 'effectiveFrom' | 'minAge' | 'maxCourseMonths' | 'categories'>,
  ): Promise<void> {
    const problems = validateGuideline(toEngineGuideline({ ...g, id: 'draft' }));
    if (problems.length) {
      // "categories[0].maxPerCase must be …" → errors["categories.0.maxPerCase"]
      const errors = Object.fromEntries(
        problems.map((p) => {
          const field = p
            .split(' ')[0]
            .replace(/\[(\d+)\]/g, '.$1')
            .replace(/:$/, '');
          return [field, p];
        }),
      );
      throw validationException(errors);
    }
    const codes = g.categories.map((c) => c.categoryCode);
    const known = new Set((await tx.find(Category, { select: { code: true } })).map((c) => c.code));
    const unknown = codes.findIndex((code) => !known.has(code));
    if (unknown >= 0)
      throw fieldError(`categories.${unknown}.categoryCode`, `no category has the code ${codes[unknown]}`);
  }

  private async write<R>(work: (tx: EntityManager) => Promise<R>): Promise<R> {
    try {
      return await this.manager.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error, 'guidelines_version_unique')) throw uniqueConflict('version', 'is already in use');
      if (isUniqueViolation(error, 'guidelines_one_per_effective_date'))
        throw new GuidelineError(GuidelineErrorCode.EffectiveDateTaken);
      throw error;
    }
  }
}

function normalize(
  categories: StoredCategoryRules[] | import('./dto/guideline.dto.js').CategoryRulesDto[],
): StoredCategoryRules[] {
  return categories.map((c) => ({ ...c, minSessionSpacingDays: c.minSessionSpacingDays ?? null }));
}
