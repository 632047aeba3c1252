import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { applyListQuery, type ListQuery, type ListSpec } from '../common/list-query.js';
import { BudgetAllocation } from './budget-allocation.entity.js';
import { BudgetYear } from './budget-year.entity.js';
import type { PostingKind } from './ledger-posting.entity.js';
import type { LedgerFigures } from './ledger-figures.js';

/** A posting to write: amounts positive, the kind saying which way the money moves. */
export interface NewPosting {
  budgetYearId: string;
  applicationId: string;
  unitId: string;
  categoryCode: string;
  kind: PostingKind;
  amount: bigint;
  /** `YYYY-MM-DD` */
  postedOn: string;
  disbursementId?: string | null;
  createdBy: string | null;
}

export interface UnitLedgerFigures extends LedgerFigures {
  unitId: string;
}

/**
 * The budget years, their allocations and their postings: every query and
 * lock the ledger needs, and nothing it decides. Each method works in the
 * caller's transaction (`tx`), or on the application's connection when given none.
 */
@Injectable()
export class LedgerRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** A page of years; the spec (the route's list fields) names the alias `y`. */
  listYears(query: ListQuery, spec: ListSpec): Promise<[BudgetYear[], number]> {
    return applyListQuery(this.manager.createQueryBuilder(BudgetYear, 'y'), query, spec).getManyAndCount();
  }

  findYear(id: string, tx: EntityManager = this.manager): Promise<BudgetYear | null> {
    return tx.findOneBy(BudgetYear, { id });
  }

  /** The budget year of a calendar year, if one was opened. */
  findYearNumbered(year: number, tx: EntityManager = this.manager): Promise<BudgetYear | null> {
    return tx.findOneBy(BudgetYear, { year });
  }

  /** The budget year of a calendar year, its row locked for the rest of the transaction. */
  lockYearNumbered(tx: EntityManager, year: number): Promise<BudgetYear | null> {
    return tx.findOne(BudgetYear, { where: { year }, lock: { mode: 'pessimistic_write' } });
  }

  lockYear(tx: EntityManager, id: string): Promise<BudgetYear | null> {
    return tx.findOne(BudgetYear, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Opens a year; its running figures start at zero (the database's defaults). */
  async insertYear(
    tx: EntityManager,
    fields: { year: number; poolAmount: bigint; createdBy: string | null; createdAt?: Date },
  ): Promise<string> {
    const { identifiers } = await tx.insert(BudgetYear, {
      year: fields.year,
      poolAmount: fields.poolAmount,
      status: 'open',
      closedAt: null,
      createdBy: fields.createdBy,
      ...(fields.createdAt && { createdAt: fields.createdAt, updatedAt: fields.createdAt }),
    });
    return identifiers[0].id as string;
  }

  async updateYear(
    tx: EntityManager,
    id: string,
    fields: Partial<Pick<BudgetYear, 'poolAmount' | 'status' | 'closedAt'>>,
  ): Promise<void> {
    await tx.update(BudgetYear, { id }, fields);
  }

  allocations(tx: EntityManager, budgetYearId: string): Promise<BudgetAllocation[]> {
    return tx.findBy(BudgetAllocation, { budgetYearId });
  }

  async replaceAllocations(
    tx: EntityManager,
    budgetYearId: string,
    allocations: { unitId: string; amount: bigint }[],
  ): Promise<void> {
    await tx.delete(BudgetAllocation, { budgetYearId });
    if (allocations.length)
      await tx.insert(
        BudgetAllocation,
        allocations.map((a) => ({ budgetYearId, ...a })),
      );
  }

  /**
   * Writes postings in the order given (their ids follow it), in one statement;
   * the trigger then moves each year's figures once, by the statement's sum.
   */
  async insertPostings(tx: EntityManager, postings: readonly NewPosting[]): Promise<void> {
    if (!postings.length) return;
    await tx.query(
      `INSERT INTO ledger_postings
              (budget_year_id, application_id, unit_id, category_code, kind, amount, posted_on, disbursement_id, created_by)
       SELECT budget_year_id, application_id, unit_id, category_code, kind, amount, posted_on, disbursement_id, created_by
         FROM jsonb_to_recordset($1::jsonb) AS x(budget_year_id uuid, application_id uuid, unit_id uuid,
              category_code varchar, kind varchar, amount bigint, posted_on date, disbursement_id uuid, created_by uuid, ord int)
        ORDER BY ord`,
      [
        JSON.stringify(
          postings.map((p, ord) => ({
            budget_year_id: p.budgetYearId,
            application_id: p.applicationId,
            unit_id: p.unitId,
            category_code: p.categoryCode,
            kind: p.kind,
            amount: String(p.amount),
            posted_on: p.postedOn,
            disbursement_id: p.disbursementId ?? null,
            created_by: p.createdBy,
            ord,
          })),
        ),
      ],
    );
  }

  /**
   * A year's committed and disbursed per unit, from the monthly summary the ledger's trigger keeps of
   * its postings (check:ledger compares the two); one unit's only when `unitId` is given.
   */
  async figuresByUnit(tx: EntityManager, budgetYearId: string, unitId: string | null): Promise<UnitLedgerFigures[]> {
    const rows: { unit_id: string; committed: string; disbursed: string }[] = await tx.query(
      `SELECT m.unit_id, sum(m.committed)::text AS committed, sum(m.disbursed)::text AS disbursed
         FROM ledger_monthly m WHERE m.budget_year_id = $1 AND ($2::uuid IS NULL OR m.unit_id = $2)
        GROUP BY m.unit_id ORDER BY m.unit_id`,
      [budgetYearId, unitId],
    );
    return rows.map((r) => ({ unitId: r.unit_id, committed: BigInt(r.committed), disbursed: BigInt(r.disbursed) }));
  }

  /**
   * What is left in a calendar year's pool (null unless that year is open) and of a unit's
   * indicative allocation in it (null when it has none), in one statement.
   */
  async moneyLeft(
    tx: EntityManager,
    unitId: string | null,
    year: number,
  ): Promise<{ available: bigint | null; allocationLeft: bigint | null }> {
    const [row] = await tx.query(`SELECT * FROM (${moneyLeftSql('$1', '$2')}) AS m`, [year, unitId]);
    return moneyLeftOf(row);
  }

  /** How many grants still hold money committed in a year (approved, or awaiting their second approval). */
  async countOpenGrants(tx: EntityManager, budgetYearId: string): Promise<number> {
    const [{ count }] = await tx.query(
      `SELECT count(*)::int AS count FROM applications
        WHERE budget_year_id = $1 AND status IN ('approved', 'partially_approved', 'awaiting_second_approval')`,
      [budgetYearId],
    );
    return count;
  }
}

/**
 * The one-row query of `LedgerRepository.moneyLeft`, with the calendar year and the unit given as
 * SQL expressions (parameters), for a caller that reads it together with its own figures in one
 * statement: columns `available` and `allocation_left`, as text (null when unknown).
 */
export function moneyLeftSql(year: string, unitId: string): string {
  return `SELECT (SELECT (y.pool_amount - y.committed - y.disbursed)::text FROM budget_years y
                   WHERE y.year = ${year} AND y.status = 'open') AS available,
                 (SELECT (a.amount - (SELECT coalesce(sum(m.committed + m.disbursed), 0) FROM ledger_monthly m
                                       WHERE m.budget_year_id = y.id AND m.unit_id = a.unit_id))::text
                    FROM budget_allocations a JOIN budget_years y ON y.id = a.budget_year_id
                   WHERE y.year = ${year} AND a.unit_id = ${unitId}) AS allocation_left`;
}

/** A row of `moneyLeftSql` as money. */
export function moneyLeftOf(row: { available: string | null; allocation_left: string | null }): {
  available: bigint | null;
  allocationLeft: bigint | null;
} {
  return {
    available: row.available === null ? null : BigInt(row.available),
    allocationLeft: row.allocation_left === null ? null : BigInt(row.allocation_left),
  };
}
