import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/auth.decorators.js';
import { unitScope } from '../common/scope.js';
import type { StatisticsQueryDto } from './dto/statistics-query.dto.js';
import {
  type Dimension,
  keyOf,
  SMALL_CELL,
  type StatisticsFigures,
  type StatisticsKey,
  statisticsTable,
  suppress,
} from './statistics-suppression.js';

/** A published figure: its values, or all null with `suppressed` when it could point to a person. */
export interface StatisticsFigure {
  unitCode?: string;
  categoryCode?: string;
  quarter?: string;
  grants: number | null;
  candidates: number | null;
  granted: bigint | null;
  paid: bigint | null;
  suppressed: boolean;
}

export interface StatisticsReport {
  year: number;
  byUnit: boolean;
  /** figures of fewer distinct candidates than this are suppressed */
  threshold: number;
  cells: StatisticsFigure[];
  totals: {
    byCategory: StatisticsFigure[];
    byQuarter: StatisticsFigure[];
    byUnit?: StatisticsFigure[];
    all: StatisticsFigure;
  };
}

const ZERO: StatisticsFigures = { grants: 0, candidates: 0, granted: 0n, paid: 0n };

/**
 * Grants for publication: the grants decided in a calendar year (approved,
 * partly approved or paid, and cancelled ones that paid something), counted
 * and summed by category and quarter of the decision (and unit), with every
 * figure that could point to a person suppressed (see `suppress`). `granted`
 * is the amount approved (for a cancelled grant what was paid of it),
 * `paid` what has been paid of those grants, net of refunds, to this day.
 */
@Injectable()
export class StatisticsService {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  async report(actor: Actor, query: StatisticsQueryDto): Promise<StatisticsReport> {
    const byUnit = query.byUnit ?? false;
    const scope = unitScope(actor);
    const categories: { code: string }[] = await this.manager.query(`SELECT code FROM categories ORDER BY code`);
    const units: { code: string }[] = byUnit
      ? await this.manager.query(`SELECT code FROM units WHERE ($1::uuid IS NULL OR id = $1) ORDER BY code`, [scope])
      : [];
    const quarters = [1, 2, 3, 4].map((q) => `${query.year}-Q${q}`);
    const dimensions: { dimension: Dimension; values: string[] }[] = [
      ...(byUnit ? [{ dimension: 'unit' as const, values: units.map((u) => u.code) }] : []),
      { dimension: 'category', values: categories.map((c) => c.code) },
      { dimension: 'quarter', values: quarters },
    ];

    const columns = dimensions.map((d) => d.dimension);
    const sets = [`(${columns.join(', ')})`, ...columns.map((c) => `(${c})`), '()'];
    const rows: Record<string, string | number | null>[] = await this.manager.query(
      `WITH g AS (
         SELECT a.case_id, u.code AS unit, a.category_code AS category,
                to_char(a.decided_at AT TIME ZONE 'UTC', 'YYYY-"Q"Q') AS quarter,
                CASE WHEN a.status = 'cancelled' THEN a.paid_amount ELSE a.amount_approved END AS granted,
                a.paid_amount AS paid
           FROM applications a
           JOIN units u ON u.id = a.unit_id
          WHERE a.decided_at >= make_timestamptz($1, 1, 1, 0, 0, 0, 'UTC')
            AND a.decided_at < make_timestamptz($1 + 1, 1, 1, 0, 0, 0, 'UTC')
            AND (a.status IN ('approved', 'partially_approved', 'paid') OR (a.status = 'cancelled' AND a.paid_amount > 0))
            AND ($2::uuid IS NULL OR a.unit_id = $2)
       )
       SELECT ${columns.map((c) => `${c}, GROUPING(${c}) AS "${c}Rolled"`).join(', ')},
              count(*)::int AS grants, count(DISTINCT case_id)::int AS candidates,
              coalesce(sum(granted), 0)::text AS granted, coalesce(sum(paid), 0)::text AS paid
         FROM g
        GROUP BY GROUPING SETS (${sets.join(', ')})`,
      [query.year, scope],
    );
    const found = new Map<string, StatisticsFigures>();
    for (const r of rows) {
      const key: StatisticsKey = {};
      for (const c of columns) if (r[`${c}Rolled`] === 0) key[c] = r[c] as string;
      found.set(keyOf(key), {
        grants: r.grants as number,
        candidates: r.candidates as number,
        granted: BigInt(r.granted as string),
        paid: BigInt(r.paid as string),
      });
    }

    const { entries, equations } = statisticsTable(dimensions, (key) => found.get(keyOf(key)) ?? ZERO);
    const hidden = suppress(
      entries.map((e) => e.figures),
      equations,
    );
    const published = entries.map(({ key, figures }, i): StatisticsFigure => {
      const named = {
        ...(key.unit !== undefined && { unitCode: key.unit }),
        ...(key.category !== undefined && { categoryCode: key.category }),
        ...(key.quarter !== undefined && { quarter: key.quarter }),
      };
      return hidden[i]
        ? { ...named, grants: null, candidates: null, granted: null, paid: null, suppressed: true }
        : { ...named, ...figures, suppressed: false };
    });
    const margin = (dimension: Dimension) =>
      entries.flatMap((e, i) =>
        Object.keys(e.key).length === 1 && e.key[dimension] !== undefined ? [published[i]] : [],
      );
    return {
      year: query.year,
      byUnit,
      threshold: SMALL_CELL,
      cells: published.filter((_, i) => Object.keys(entries[i].key).length === columns.length),
      totals: {
        byCategory: margin('category'),
        byQuarter: margin('quarter'),
        ...(byUnit && { byUnit: margin('unit') }),
        all: published[published.length - 1],
      },
    };
  }
}
