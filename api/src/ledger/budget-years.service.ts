import { formatMoney } from '@app/money';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.decorators.js';
import { fieldError, isUniqueViolation, notFound } from '../common/errors.js';
import { type ListQuery, type ListSpec, Page } from '../common/list-query.js';
import { unitScope } from '../common/scope.js';
import { withRetry } from '../common/transaction.js';
import { Unit } from '../units/unit.entity.js';
import type { BudgetYear } from './budget-year.entity.js';
import type { AllocationDto, CreateBudgetYearDto, UpdateBudgetYearDto } from './dto/budget-year.dto.js';
import { available } from './ledger-figures.js';
import { LedgerError, LedgerErrorCode } from './ledger.errors.js';
import { LedgerRepository } from './ledger.repository.js';

export const BUDGET_YEAR_LIST: ListSpec = {
  resource: 'budget-years',
  fields: {
    id: { column: 'y.id', type: 'uuid' },
    year: { column: 'y.year', type: 'integer', sortable: true },
    status: { column: 'y.status', type: 'string', sortable: true, values: ['open', 'closed'] },
    poolAmount: { column: 'y.pool_amount', type: 'integer', sortable: true },
  },
  defaultSort: ['year', 'DESC'],
};

export interface UnitFigures {
  unitId: string;
  allocation: bigint | null;
  committed: bigint;
  disbursed: bigint;
}

export interface BudgetYearView {
  id: string;
  year: number;
  poolAmount: bigint;
  committed: bigint;
  disbursed: bigint;
  available: bigint;
  status: 'open' | 'closed';
  closedAt: Date | null;
  allocations: { unitId: string; amount: bigint }[];
  /** Per unit, from the postings; a unit worker gets their own unit only. */
  byUnit: UnitFigures[];
}

@Injectable()
export class BudgetYearsService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly repository: LedgerRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(actor: Actor, query: ListQuery): Promise<Page<BudgetYearView>> {
    const [rows, total] = await this.repository.listYears(query, BUDGET_YEAR_LIST);
    const views = await Promise.all(rows.map((y) => this.view(this.manager, actor, y)));
    return new Page(BUDGET_YEAR_LIST.resource, views, total, query.range[0]);
  }

  async get(actor: Actor, id: string): Promise<BudgetYearView> {
    const year = await this.repository.findYear(id);
    if (!year) throw notFound('Budget year');
    return this.view(this.manager, actor, year);
  }

  async create(actor: Actor, dto: CreateBudgetYearDto): Promise<BudgetYearView> {
    try {
      return await this.manager.transaction(async (tx) => {
        const id = await this.repository.insertYear(tx, {
          year: dto.year,
          poolAmount: BigInt(dto.poolAmount),
          createdBy: actor.id,
        });
        if (dto.allocations) await this.allocate(tx, id, dto.allocations);
        await this.audit.recordChange(
          tx,
          actor,
          'budget_year.create',
          { type: 'budget_year', id },
          { year: dto.year, poolAmount: String(dto.poolAmount) },
        );
        return this.view(tx, actor, (await this.repository.findYear(id, tx))!);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'budget_years_year_unique')) {
        throw new LedgerError(LedgerErrorCode.YearExists, `The budget year ${dto.year} exists already`);
      }
      throw error;
    }
  }

  /** The pool may grow or shrink, but never below what is committed and paid from it. */
  async update(actor: Actor, id: string, dto: UpdateBudgetYearDto): Promise<BudgetYearView> {
    return withRetry(() =>
      this.manager.transaction(async (tx) => {
        const year = await this.repository.lockYear(tx, id);
        if (!year) throw notFound('Budget year');
        if (dto.poolAmount !== undefined) {
          const pool = BigInt(dto.poolAmount);
          const used = year.committed + year.disbursed;
          if (pool < used) {
            throw new LedgerError(
              LedgerErrorCode.PoolBelowUse,
              `poolAmount cannot be below what is committed and disbursed (${formatMoney(used, this.config.currency, 'en')})`,
            );
          }
          await this.repository.updateYear(tx, id, { poolAmount: pool });
        }
        if (dto.allocations) await this.allocate(tx, id, dto.allocations);
        await this.audit.recordChange(
          tx,
          actor,
          'budget_year.update',
          { type: 'budget_year', id },
          {
            from: String(year.poolAmount),
            to: dto.poolAmount === undefined ? undefined : String(dto.poolAmount),
            allocations: dto.allocations !== undefined,
          },
        );
        return this.view(tx, actor, (await this.repository.findYear(id, tx))!);
      }),
    );
  }

  /** A year closes once every grant drawing on it is paid, cancelled or carried over. */
  async close(actor: Actor, id: string): Promise<BudgetYearView> {
    return this.manager.transaction(async (tx) => {
      const year = await this.repository.lockYear(tx, id);
      if (!year) throw notFound('Budget year');
      if (year.status === 'closed')
        throw new LedgerError(LedgerErrorCode.YearClosed, `The budget year ${year.year} is closed already`);
      if (year.committed > 0n) {
        const count = await this.repository.countOpenGrants(tx, id);
        throw new LedgerError(
          LedgerErrorCode.OpenCommitments,
          `${count} grant(s) still hold ${formatMoney(year.committed, this.config.currency, 'en')} committed in ${year.year}: pay, cancel or carry each over first`,
        );
      }
      await this.repository.updateYear(tx, id, { status: 'closed', closedAt: new Date() });
      await this.audit.recordChange(tx, actor, 'budget_year.close', { type: 'budget_year', id }, { year: year.year });
      return this.view(tx, actor, (await this.repository.findYear(id, tx))!);
    });
  }

  private async allocate(tx: EntityManager, budgetYearId: string, allocations: AllocationDto[]): Promise<void> {
    const seen = new Set<string>();
    for (const [i, a] of allocations.entries()) {
      if (seen.has(a.unitId)) throw fieldError(`allocations.${i}.unitId`, 'lists a unit twice');
      seen.add(a.unitId);
      if (!(await tx.existsBy(Unit, { id: a.unitId })))
        throw fieldError(`allocations.${i}.unitId`, 'no unit has this id');
    }
    await this.repository.replaceAllocations(
      tx,
      budgetYearId,
      allocations.map((a) => ({ unitId: a.unitId, amount: BigInt(a.amount) })),
    );
  }

  async view(tx: EntityManager, actor: Actor, y: BudgetYear): Promise<BudgetYearView> {
    const scope = unitScope(actor);
    const allocations = (await this.repository.allocations(tx, y.id)).filter((a) => !scope || a.unitId === scope);
    const posted = await this.repository.figuresByUnit(tx, y.id, scope);
    const units = new Set([
      ...allocations.map((a) => a.unitId),
      ...posted.map((r) => r.unitId),
      ...(scope ? [scope] : []),
    ]);
    const byUnit = [...units].map((unitId) => {
      const figures = posted.find((r) => r.unitId === unitId);
      return {
        unitId,
        allocation: allocations.find((a) => a.unitId === unitId)?.amount ?? null,
        committed: figures?.committed ?? 0n,
        disbursed: figures?.disbursed ?? 0n,
      };
    });
    return {
      id: y.id,
      year: y.year,
      poolAmount: y.poolAmount,
      committed: y.committed,
      disbursed: y.disbursed,
      available: available(y),
      status: y.status,
      closedAt: y.closedAt,
      allocations: allocations.map((a) => ({ unitId: a.unitId, amount: a.amount })),
      byUnit,
    };
  }
}
