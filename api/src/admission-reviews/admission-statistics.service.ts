import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/auth.decorators.js';
import { unitScope } from '../common/scope.js';
import { SMALL_CELL, suppress } from '../reports/statistics-suppression.js';

const OUTCOMES = ['upheld', 'admitted', 'open'] as const;
type Outcome = (typeof OUTCOMES)[number];

export interface AdmissionStatisticsRow {
  year: number;
  requested: number | null;
  upheld: number | null;
  admitted: number | null;
  open: number | null;
  /** Median whole days from the candidate's request to the decision, of the decided reviews. */
  medianDaysToDecision: number | null;
  suppressed: boolean;
}

/**
 * Admission reviews for publication: per year of the request, how many, their
 * outcomes and the median time to decision. Each review is one candidate, so a
 * count of 1 to SMALL_CELL − 1 is withheld, with the publication statistics'
 * secondary suppression over `requested = upheld + admitted + open`; a median
 * is published only over SMALL_CELL or more decisions, both outcomes shown.
 */
@Injectable()
export class AdmissionStatisticsService {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  async report(actor: Actor): Promise<{ threshold: number; years: AdmissionStatisticsRow[] }> {
    const rows: (Record<Outcome, number> & { year: number; median: number | null })[] = await this.manager.query(
      `SELECT extract(year FROM requested_on)::int AS year,
              count(*) FILTER (WHERE status = 'upheld')::int AS upheld,
              count(*) FILTER (WHERE status = 'admitted')::int AS admitted,
              count(*) FILTER (WHERE status NOT IN ('upheld', 'admitted'))::int AS open,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY ((decided_at AT TIME ZONE 'UTC')::date - requested_on))
                FILTER (WHERE status IN ('upheld', 'admitted')) AS median
         FROM admission_reviews
        WHERE ($1::uuid IS NULL OR unit_id = $1)
        GROUP BY 1 ORDER BY 1`,
      [unitScope(actor)],
    );
    return {
      threshold: SMALL_CELL,
      years: rows.map((row) => {
        const counts = OUTCOMES.map((o) => row[o]);
        const requested = counts.reduce((a, b) => a + b, 0);
        const figures = [requested, ...counts].map((n) => ({ grants: n, candidates: n, granted: 0n, paid: 0n }));
        const hidden = suppress(figures, [{ total: 0, parts: [1, 2, 3] }]);
        const shown = (i: number) => (hidden[i] ? null : figures[i].grants);
        const decided = row.upheld + row.admitted;
        return {
          year: row.year,
          requested: shown(0),
          upheld: shown(1),
          admitted: shown(2),
          open: shown(3),
          medianDaysToDecision: decided >= SMALL_CELL && row.median !== null ? Number(row.median) : null,
          suppressed: hidden.some(Boolean),
        };
      }),
    };
  }
}
