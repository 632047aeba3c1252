import type { SpendingReport as Report, SpendingRow as Row } from '@app/contract';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/auth.decorators.js';
import { fieldError, notFound } from '../common/errors.js';
import { unitScope } from '../common/scope.js';
import { BudgetYear } from '../ledger/budget-year.entity.js';
import type { Grouping, SpendingQueryDto } from './dto/spending-query.dto.js';
import { COMMITTED_OF, DISBURSED_OF, SUMMED_FIGURES } from '../ledger/ledger-figures.js';
import { type PeriodSplit, splitPeriod } from './period-split.js';

/** A row of the spending report, amounts in bigint minor units. */
export type SpendingRow = Row<bigint>;
export type SpendingReport = Report<bigint>;

/**
 * The columns each grouping adds, as SQL over figures `p` (see `figuresSql`:
 * posting dates and unit and category codes), units `u` and categories `c`.
 */
const KEYS: Record<Grouping, [field: keyof SpendingRow, sql: string][]> = {
  unit: [
    ['unitCode', 'u.code'],
    ['unitName', 'u.name'],
  ],
  category: [
    ['categoryCode', 'p.category_code'],
    ['categoryName', 'c.name'],
  ],
  month: [['month', `to_char(p.posted_on, 'YYYY-MM')`]],
  quarter: [['quarter', `to_char(p.posted_on, 'YYYY-"Q"Q')`]],
};

/** The fields of a row that a grouping fills, in column order. */
export const groupingFields = (g: Grouping): (keyof SpendingRow)[] => KEYS[g].map(([field]) => field);

/**
 * Unit, category, date and both figures of what a report sums: the monthly
 * summary's rows for the whole months (dated the 1st), and the postings of
 * the days that cut a month, each turned into its figures. `params` holds
 * $1 the budget year, $2 the unit, $3 the category (each null for all); the
 * period's days are appended to it.
 */
function figuresSql(period: PeriodSplit, params: unknown[]): string {
  const next = (value: unknown) => `$${params.push(value)}`;
  const parts: string[] = [];
  if (period.months)
    parts.push(`SELECT m.unit_id, m.category_code, m.month AS posted_on, m.committed, m.disbursed
      FROM ledger_monthly m
     WHERE ($1::uuid IS NULL OR m.budget_year_id = $1) AND ($2::uuid IS NULL OR m.unit_id = $2)
       AND ($3::text IS NULL OR m.category_code = $3)
       ${period.months.first === null ? '' : `AND m.month >= ${next(period.months.first)}::date`}
       ${period.months.end === null ? '' : `AND m.month < ${next(period.months.end)}::date`}`);
  if (period.edges.length) {
    const ranges = period.edges.map(
      ([from, before]) => `(p.posted_on >= ${next(from)}::date AND p.posted_on < ${next(before)}::date)`,
    );
    parts.push(`SELECT p.unit_id, p.category_code, p.posted_on, ${COMMITTED_OF()} AS committed, ${DISBURSED_OF()} AS disbursed
      FROM ledger_postings p
     WHERE ($1::uuid IS NULL OR p.budget_year_id = $1) AND ($2::uuid IS NULL OR p.unit_id = $2)
       AND ($3::text IS NULL OR p.category_code = $3) AND (${ranges.join(' OR ')})`);
  }
  return parts.join(' UNION ALL ');
}

/**
 * Committed and disbursed from the ledger's postings, grouped. With `year`, the
 * postings of that budget year (its grants and their payments), so the totals
 * are the pool report's; `from`/`to` bound the posting dates. A month or
 * quarter holds the movements posted in it: granted money shows as committed
 * in the month of the approval and moves to disbursed in the month of the payment.
 * Whole months come from the trigger's monthly summary, the days of a month
 * that the period cuts from the postings themselves: the same figures either way.
 */
@Injectable()
export class SpendingService {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  async report(actor: Actor, query: SpendingQueryDto): Promise<SpendingReport> {
    const groupBy = [...new Set(query.groupBy ?? [])];
    if (query.year === undefined && query.from === undefined && query.to === undefined) {
      throw fieldError('year', 'give a budget year, or a period of posting dates from/to');
    }
    if (query.from && query.to && query.from > query.to) throw fieldError('to', 'must not be before from');
    const budgetYear = query.year === undefined ? null : await this.manager.findOneBy(BudgetYear, { year: query.year });
    if (query.year !== undefined && !budgetYear) throw notFound(`Budget year ${query.year}`);
    const unitId = await this.unitFilter(actor, query.unitId);
    if (query.categoryCode !== undefined) {
      const [known] = await this.manager.query(`SELECT 1 FROM categories WHERE code = $1`, [query.categoryCode]);
      if (!known) throw fieldError('categoryCode', 'no category has this code');
    }

    const keys = groupBy.flatMap((g) => KEYS[g]);
    const select = keys.map(([field, sql]) => `${sql} AS "${field}"`);
    const params: unknown[] = [budgetYear?.id ?? null, unitId, query.categoryCode ?? null];
    const figures = figuresSql(splitPeriod(query.from, query.to), params);
    const raw: Record<string, string>[] = await this.manager.query(
      `SELECT ${[...select, SUMMED_FIGURES('p')].join(', ')}
         FROM (${figures}) p
         JOIN units u ON u.id = p.unit_id
         LEFT JOIN categories c ON c.code = p.category_code
        ${keys.length ? `GROUP BY ${keys.map(([, sql]) => sql).join(', ')}` : ''}
        ${keys.length ? `ORDER BY ${keys.map((_, i) => i + 1).join(', ')}` : ''}`,
      params,
    );
    const rows = raw.map((r): SpendingRow => ({
      ...Object.fromEntries(keys.map(([field]) => [field, r[field]])),
      committed: BigInt(r.committed),
      disbursed: BigInt(r.disbursed),
    }));
    return {
      year: query.year ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
      groupBy,
      unitId: query.unitId ?? null,
      categoryCode: query.categoryCode ?? null,
      rows,
      totals: {
        committed: rows.reduce((s, r) => s + r.committed, 0n),
        disbursed: rows.reduce((s, r) => s + r.disbursed, 0n),
      },
    };
  }

  /** The unit the figures are confined to: a unit worker's own, whatever they ask; another unit is not found. */
  private async unitFilter(actor: Actor, unitId: string | undefined): Promise<string | null> {
    const scope = unitScope(actor);
    if (unitId === undefined) return scope;
    if (scope && unitId !== scope) throw notFound('Unit');
    const [known] = await this.manager.query(`SELECT 1 FROM units WHERE id = $1`, [unitId]);
    if (!known) throw notFound('Unit');
    return unitId;
  }
}
