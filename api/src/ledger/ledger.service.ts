import { formatMoney } from '@app/money';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { EntityManager } from 'typeorm';
import type { Application } from '../applications/application.entity.js';
import { todayIso } from '../common/dates.js';
import { BudgetYear } from './budget-year.entity.js';
import { LedgerPosting, type PostingKind } from './ledger-posting.entity.js';
import { LedgerError, LedgerErrorCode } from './ledger.errors.js';

/**
 * Writes the pool's postings. Callers hold the application's row lock; this
 * locks the budget year's row (always after the application's, so two
 * transactions never wait on each other in opposite order) before it reads
 * what is available and posts.
 */
@Injectable()
export class LedgerService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The open budget year of a day, locked for the rest of the transaction. */
  async lockOpenYear(tx: EntityManager, day: string = todayIso()): Promise<BudgetYear> {
    const year = Number(day.slice(0, 4));
    const found = await tx.findOne(BudgetYear, { where: { year }, lock: { mode: 'pessimistic_write' } });
    if (!found)
      throw new LedgerError(LedgerErrorCode.NoOpenYear, `No budget year ${year} is open; the contact point opens it`);
    if (found.status !== 'open') throw new LedgerError(LedgerErrorCode.YearClosed, `The budget year ${year} is closed`);
    return found;
  }

  async lockYear(tx: EntityManager, id: string): Promise<BudgetYear> {
    return tx.findOneOrFail(BudgetYear, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Commits money of a locked, open year to a grant; refuses when the pool is short. */
  async commit(tx: EntityManager, year: BudgetYear, a: Application, amount: bigint, actorId: string): Promise<void> {
    const available = year.poolAmount - year.committed - year.disbursed;
    if (amount > available) {
      throw new LedgerError(
        LedgerErrorCode.PoolShort,
        `The ${year.year} pool has ${formatMoney(available, this.config.currency, 'en')} left, less than the ${formatMoney(amount, this.config.currency, 'en')} to commit`,
      );
    }
    await this.post(tx, year.id, a, 'commit', amount, actorId);
    a.budgetYearId = year.id;
  }

  /** Gives a grant's unspent commitment back to its year's pool. */
  async release(tx: EntityManager, a: Application, amount: bigint, actorId: string): Promise<void> {
    if (amount <= 0n || !a.budgetYearId) return;
    await this.lockYear(tx, a.budgetYearId);
    await this.post(tx, a.budgetYearId, a, 'release', amount, actorId);
  }

  async post(
    tx: EntityManager,
    budgetYearId: string,
    a: Application,
    kind: PostingKind,
    amount: bigint,
    actorId: string,
    disbursementId: string | null = null,
    postedOn: string = todayIso(),
  ): Promise<void> {
    await tx.insert(LedgerPosting, {
      budgetYearId,
      applicationId: a.id,
      unitId: a.unitId,
      categoryCode: a.categoryCode,
      kind,
      amount,
      postedOn,
      disbursementId,
      createdBy: actorId,
    });
  }
}
