import type { ProcessingFigures as Figures, ProcessingReport as Report } from '@app/contract';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/auth.decorators.js';
import { unitScope } from '../common/scope.js';

/** How applications were decided, amounts in bigint minor units. */
export type ProcessingFigures = Figures<bigint>;
export type ProcessingReport = Report<bigint>;

const EMPTY: ProcessingFigures = {
  decided: 0,
  approved: 0,
  rejected: 0,
  approvalRate: null,
  medianDays: null,
  p90Days: null,
  grantedCases: 0,
  averageGrantPerCase: null,
};

/**
 * How the contact point's decisions went in a calendar year (of the decision).
 * The time runs from the (last) submission to the decision, so after an
 * information request it counts from the answer: the contact point's own time.
 * A grant's amount is what was approved; a cancelled grant counts for what was paid of it.
 */
@Injectable()
export class ProcessingService {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  async report(actor: Actor, year: number): Promise<ProcessingReport> {
    const rows: Record<string, string | number | boolean | null>[] = await this.manager.query(
      `WITH d AS (
         SELECT a.case_id, a.category_code, a.urgent, a.status <> 'rejected' AS approved,
                extract(epoch FROM a.decided_at - a.submitted_at) / 86400 AS days,
                CASE WHEN a.status = 'rejected' THEN NULL
                     WHEN a.status = 'cancelled' THEN a.paid_amount ELSE a.amount_approved END AS granted
           FROM applications a
          WHERE a.decided_at >= make_timestamptz($1, 1, 1, 0, 0, 0, 'UTC')
            AND a.decided_at < make_timestamptz($1 + 1, 1, 1, 0, 0, 0, 'UTC')
            AND a.submitted_at IS NOT NULL
            AND a.status IN ('approved', 'partially_approved', 'paid', 'cancelled', 'rejected')
            AND ($2::uuid IS NULL OR a.unit_id = $2)
       )
       SELECT category_code AS "categoryCode", urgent,
              GROUPING(category_code) AS "byCategory", GROUPING(urgent) AS "byUrgency",
              count(*)::int AS decided,
              count(*) FILTER (WHERE approved)::int AS approved,
              count(*) FILTER (WHERE NOT approved)::int AS rejected,
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY days))::numeric, 1)::text AS "medianDays",
              round((percentile_cont(0.9) WITHIN GROUP (ORDER BY days))::numeric, 1)::text AS "p90Days",
              count(DISTINCT case_id) FILTER (WHERE approved)::int AS "grantedCases",
              round(sum(granted)::numeric / nullif(count(DISTINCT case_id) FILTER (WHERE approved), 0))::text AS average
         FROM d
        GROUP BY GROUPING SETS ((category_code), (urgent), ())`,
      [year, unitScope(actor)],
    );
    const figures = (r: Record<string, string | number | boolean | null> | undefined): ProcessingFigures => {
      if (!r) return EMPTY;
      const decided = r.decided as number;
      const approved = r.approved as number;
      return {
        decided,
        approved,
        rejected: r.rejected as number,
        approvalRate: decided ? Math.round((approved / decided) * 10_000) / 10_000 : null,
        medianDays: r.medianDays === null ? null : Number(r.medianDays),
        p90Days: r.p90Days === null ? null : Number(r.p90Days),
        grantedCases: r.grantedCases as number,
        averageGrantPerCase: r.average === null ? null : BigInt(r.average as string),
      };
    };
    const overall = rows.find((r) => r.byCategory === 1 && r.byUrgency === 1);
    const categories: { code: string }[] = await this.manager.query(`SELECT code FROM categories ORDER BY code`);
    return {
      year,
      overall: figures(overall),
      urgent: figures(rows.find((r) => r.byUrgency === 0 && r.urgent === true)),
      ordinary: figures(rows.find((r) => r.byUrgency === 0 && r.urgent === false)),
      byCategory: categories.map(({ code }) => ({
        categoryCode: code,
        ...figures(rows.find((r) => r.byCategory === 0 && r.categoryCode === code)),
      })),
    };
  }
}
