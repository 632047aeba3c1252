import type { EntityManager } from 'typeorm';
import { COMMITTED_SUM, DISBURSED_SUM, MONTHLY_FROM_POSTINGS } from './ledger-figures.js';

export interface LedgerProblem {
  what: string;
  id: string;
  stored: string;
  fromPostings: string;
}

/**
 * Recomputes every stored money figure from the append-only records and lists
 * each one that differs: the years' running balances from the postings, the
 * reports' monthly summary (`ledger_monthly`, one row per year, unit, category
 * and month; `none` where a row is missing on one side) from the postings,
 * the number of payments kept per unit (`disbursement_counts`) from the
 * payments, each grant's paid amount from its payments and from its postings,
 * and each grant's commitment from what it was granted and paid. An empty list means
 * the books add up to the last øre.
 */
export async function checkLedger(db: EntityManager): Promise<LedgerProblem[]> {
  const rows: LedgerProblem[] = await db.query(`
    WITH per_year AS (
      SELECT y.id,
             y.committed AS stored_committed, y.disbursed AS stored_disbursed,
             ${COMMITTED_SUM()} AS committed,
             ${DISBURSED_SUM()} AS disbursed
        FROM budget_years y LEFT JOIN ledger_postings p ON p.budget_year_id = y.id
       GROUP BY y.id
    ), per_grant AS (
      SELECT a.id, a.status, a.paid_amount,
             CASE WHEN a.status IN ('approved', 'partially_approved') THEN a.amount_approved - a.paid_amount
                  WHEN a.status = 'awaiting_second_approval' THEN a.first_approved_amount
                  ELSE 0 END AS expected_committed,
             coalesce((SELECT sum(d.amount) FROM disbursements d WHERE d.application_id = a.id), 0) AS paid_by_payments,
             (SELECT ${DISBURSED_SUM()} FROM ledger_postings p WHERE p.application_id = a.id) AS paid_by_postings,
             (SELECT ${COMMITTED_SUM()} FROM ledger_postings p WHERE p.application_id = a.id) AS committed_by_postings
        FROM applications a
    ), monthly AS (
      SELECT concat_ws('/', budget_year_id, unit_id, category_code, to_char(month::timestamp, 'YYYY-MM')) AS id,
             s.committed AS stored_committed, s.disbursed AS stored_disbursed, x.committed, x.disbursed
        FROM ledger_monthly s
        FULL JOIN (${MONTHLY_FROM_POSTINGS}) x USING (budget_year_id, unit_id, category_code, month)
    ), counted AS (
      SELECT unit_id, s.payments AS stored, x.payments
        FROM disbursement_counts s
        FULL JOIN (SELECT unit_id, count(*) AS payments FROM disbursements GROUP BY unit_id) x USING (unit_id)
    )
    SELECT 'budget year committed' AS what, id::text, stored_committed::text AS stored, committed::text AS "fromPostings"
      FROM per_year WHERE stored_committed <> committed
    UNION ALL
    SELECT 'budget year disbursed', id::text, stored_disbursed::text, disbursed::text FROM per_year WHERE stored_disbursed <> disbursed
    UNION ALL
    SELECT 'monthly summary committed', id, coalesce(stored_committed::text, 'none'), coalesce(committed::text, 'none')
      FROM monthly WHERE stored_committed IS DISTINCT FROM committed
    UNION ALL
    SELECT 'monthly summary disbursed', id, coalesce(stored_disbursed::text, 'none'), coalesce(disbursed::text, 'none')
      FROM monthly WHERE stored_disbursed IS DISTINCT FROM disbursed
    UNION ALL
    SELECT 'payments counted per unit', unit_id::text, coalesce(stored::text, 'none'), coalesce(payments::text, 'none')
      FROM counted WHERE stored IS DISTINCT FROM payments
    UNION ALL
    SELECT 'grant paid amount (payments)', id::text, paid_amount::text, paid_by_payments::text FROM per_grant WHERE paid_amount <> paid_by_payments
    UNION ALL
    SELECT 'grant paid amount (postings)', id::text, paid_amount::text, paid_by_postings::text FROM per_grant WHERE paid_amount <> paid_by_postings
    UNION ALL
    SELECT 'grant commitment', id::text, expected_committed::text, committed_by_postings::text
      FROM per_grant WHERE expected_committed <> committed_by_postings
    ORDER BY 1, 2`);
  return rows;
}
