/**
 * committed and disbursed as the postings add them up (posting alias `p`), as
 * `checkLedger` does: committed = commit − release − disburse + refund,
 * disbursed = disburse − refund. Text, so that bigint survives the driver.
 */
export const LEDGER_FIGURES = `
  coalesce(sum(CASE p.kind WHEN 'commit' THEN p.amount WHEN 'refund' THEN p.amount WHEN 'release' THEN -p.amount WHEN 'disburse' THEN -p.amount END), 0)::text AS committed,
  coalesce(sum(CASE p.kind WHEN 'disburse' THEN p.amount WHEN 'refund' THEN -p.amount ELSE 0 END), 0)::text AS disbursed`;
