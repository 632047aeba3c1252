import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/auth.decorators.js';
import { notFound } from '../common/errors.js';
import { unitScope } from '../common/scope.js';
import { BudgetYear } from '../ledger/budget-year.entity.js';
import { available, SUMMED_FIGURES } from '../ledger/ledger-figures.js';

export interface PoolReport {
  year: number;
  poolAmount: bigint;
  committed: bigint;
  disbursed: bigint;
  available: bigint;
  byUnit: {
    unitId: string;
    unitCode: string;
    unitName: string;
    allocation: bigint | null;
    committed: bigint;
    disbursed: bigint;
  }[];
  byCategory: { categoryCode: string; committed: bigint; disbursed: bigint }[];
}

@Injectable()
export class PoolReportService {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /**
   * The year's pool from its postings: the running balances and, per unit and
   * category, the monthly summary the same trigger keeps (check:ledger holds
   * both to the postings). A unit worker gets the pool's size and what is left
   * of it, and the committed and disbursed figures of their own unit only.
   */
  async pool(actor: Actor, yearNumber: number): Promise<PoolReport> {
    const year = await this.manager.findOneBy(BudgetYear, { year: yearNumber });
    if (!year) throw notFound(`Budget year ${yearNumber}`);
    const scope = unitScope(actor);
    const byUnit: Record<string, string>[] = await this.manager.query(
      `SELECT u.id AS "unitId", u.code AS "unitCode", u.name AS "unitName", al.amount::text AS allocation, ${SUMMED_FIGURES()}
         FROM units u
         LEFT JOIN budget_allocations al ON al.unit_id = u.id AND al.budget_year_id = $1
         LEFT JOIN ledger_monthly m ON m.unit_id = u.id AND m.budget_year_id = $1
        WHERE ($2::uuid IS NULL OR u.id = $2)
        GROUP BY u.id, u.code, u.name, al.amount
        ORDER BY u.code`,
      [year.id, scope],
    );
    const byCategory: Record<string, string>[] = await this.manager.query(
      `SELECT c.code AS "categoryCode", ${SUMMED_FIGURES()}
         FROM categories c
         LEFT JOIN ledger_monthly m ON m.category_code = c.code AND m.budget_year_id = $1 AND ($2::uuid IS NULL OR m.unit_id = $2)
        GROUP BY c.code
        ORDER BY c.code`,
      [year.id, scope],
    );
    const units = byUnit.map((r) => ({
      unitId: r.unitId,
      unitCode: r.unitCode,
      unitName: r.unitName,
      allocation: r.allocation === null ? null : BigInt(r.allocation),
      committed: BigInt(r.committed),
      disbursed: BigInt(r.disbursed),
    }));
    const sum = (key: 'committed' | 'disbursed') => units.reduce((total, u) => total + u[key], 0n);
    return {
      year: year.year,
      poolAmount: year.poolAmount,
      committed: scope ? sum('committed') : year.committed,
      disbursed: scope ? sum('disbursed') : year.disbursed,
      available: available(year),
      byUnit: units,
      byCategory: byCategory.map((r) => ({
        categoryCode: r.categoryCode,
        committed: BigInt(r.committed),
        disbursed: BigInt(r.disbursed),
      })),
    };
  }
}
