import { formatMoney } from '@app/money';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { todayIso } from '../common/dates.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { BudgetYear } from './budget-year.entity.js';
import { available } from './ledger-figures.js';
import type { PostingKind } from './ledger-posting.entity.js';
import { LedgerError, LedgerErrorCode } from './ledger.errors.js';
import { LedgerRepository, type NewPosting } from './ledger.repository.js';

/** What a posting is booked on: the grant, its unit and its category (an application satisfies it). */
export interface PostingTarget {
  id: string;
  unitId: string;
  categoryCode: string;
}

/**
 * Writes the pool's postings. Callers hold the application's row lock; this
 * locks the budget year's row (always after the application's, so two
 * transactions never wait on each other in opposite order) before it reads
 * what is available and posts.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly repository: LedgerRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The open budget year of a day, locked for the rest of the transaction. */
  async lockOpenYear(tx: EntityManager, day: string = todayIso()): Promise<BudgetYear> {
    const year = Number(day.slice(0, 4));
    const found = await this.repository.lockYearNumbered(tx, year);
    if (!found)
      throw new LedgerError(LedgerErrorCode.NoOpenYear, `No budget year ${year} is open; the contact point opens it`);
    if (found.status !== 'open') throw new LedgerError(LedgerErrorCode.YearClosed, `The budget year ${year} is closed`);
    return found;
  }

  async lockYear(tx: EntityManager, id: string): Promise<BudgetYear> {
    const found = await this.repository.lockYear(tx, id);
    if (!found) throw new Error(`No budget year has the id ${id}`);
    return found;
  }

  /** What is left in the pool of a day's budget year; null (unknown) when no year of that day is open. */
  async availableOn(tx: EntityManager, day: string): Promise<bigint | null> {
    return (await this.repository.moneyLeft(tx, null, yearOf(day))).available;
  }

  /** What is left of a unit's indicative allocation in a day's budget year; null when it has none. */
  async allocationLeftOn(tx: EntityManager, unitId: string, day: string): Promise<bigint | null> {
    return (await this.repository.moneyLeft(tx, unitId, yearOf(day))).allocationLeft;
  }

  /**
   * Commits money of a locked, open year to a grant; refuses when the pool is
   * short. Answers the year the grant now draws on, for the caller to record.
   */
  async commit(
    tx: EntityManager,
    year: BudgetYear,
    grant: PostingTarget,
    amount: bigint,
    actorId: string,
  ): Promise<string> {
    const left = available(year);
    if (amount > left) {
      throw new LedgerError(
        LedgerErrorCode.PoolShort,
        `The ${year.year} pool has ${formatMoney(left, this.config.currency, 'en')} left, less than the ${formatMoney(amount, this.config.currency, 'en')} to commit`,
      );
    }
    await this.post(tx, year.id, grant, 'commit', amount, actorId);
    return year.id;
  }

  /** Gives a grant's unspent commitment back to its year's pool. */
  async release(
    tx: EntityManager,
    grant: PostingTarget & { budgetYearId: string | null },
    amount: bigint,
    actorId: string,
  ): Promise<void> {
    if (amount <= 0n || !grant.budgetYearId) return;
    await this.lockYear(tx, grant.budgetYearId);
    await this.post(tx, grant.budgetYearId, grant, 'release', amount, actorId);
  }

  async post(
    tx: EntityManager,
    budgetYearId: string,
    grant: PostingTarget,
    kind: PostingKind,
    amount: bigint,
    actorId: string | null,
    disbursementId: string | null = null,
    postedOn: string = todayIso(),
  ): Promise<void> {
    await this.postMany(tx, [
      {
        budgetYearId,
        applicationId: grant.id,
        unitId: grant.unitId,
        categoryCode: grant.categoryCode,
        kind,
        amount,
        postedOn,
        disbursementId,
        createdBy: actorId,
      },
    ]);
  }

  /**
   * The one way postings are written, by the services one at a time and by the
   * demo's history (and the tests' fixtures) in bulk. It checks nothing the
   * database does not: the trigger moves the years' figures and the checks on
   * them refuse an over-committed pool, an over-paid grant or a negative figure.
   */
  async postMany(tx: EntityManager, postings: readonly NewPosting[]): Promise<void> {
    await this.repository.insertPostings(tx, postings);
  }
}

const yearOf = (day: string): number => Number(day.slice(0, 4));
