import type { PostingKind } from './ledger-posting.entity.js';

/**
 * What each kind of posting does to a year's two running figures. This table
 * is the meaning of a posting: the SQL sums below, the pure `figuresOf` and
 * (through `checkLedger`, which compares the two) the database trigger that
 * keeps `budget_years.committed` and `disbursed` all follow it.
 *
 * committed = commit − release − disburse + refund; disbursed = disburse − refund.
 */
export const POSTING_EFFECT: Readonly<Record<PostingKind, { committed: -1 | 0 | 1; disbursed: -1 | 0 | 1 }>> = {
  commit: { committed: 1, disbursed: 0 },
  release: { committed: -1, disbursed: 0 },
  disburse: { committed: -1, disbursed: 1 },
  refund: { committed: 1, disbursed: -1 },
};

export interface LedgerFigures {
  committed: bigint;
  disbursed: bigint;
}

/** What a year's pool still has to give: the pool less what is committed and what is paid out of it. */
export function available(year: { poolAmount: bigint } & LedgerFigures): bigint {
  return year.poolAmount - year.committed - year.disbursed;
}

/** A set of postings added up as the trigger adds them. */
export function figuresOf(postings: readonly { kind: PostingKind; amount: bigint }[]): LedgerFigures {
  return postings.reduce(
    (sum, p) => ({
      committed: sum.committed + BigInt(POSTING_EFFECT[p.kind].committed) * p.amount,
      disbursed: sum.disbursed + BigInt(POSTING_EFFECT[p.kind].disbursed) * p.amount,
    }),
    { committed: 0n, disbursed: 0n },
  );
}

type Figure = 'committed' | 'disbursed';

function signed(figure: Figure, p: string): string {
  const sign = (kind: PostingKind) => POSTING_EFFECT[kind][figure];
  const whens = (Object.keys(POSTING_EFFECT) as PostingKind[])
    .filter((kind) => sign(kind) !== 0)
    .map((kind) => `WHEN '${kind}' THEN ${sign(kind) < 0 ? '-' : ''}${p}.amount`)
    .join(' ');
  return `CASE ${p}.kind ${whens} ELSE 0 END`;
}

const signedSum = (figure: Figure, p: string): string => `coalesce(sum(${signed(figure, p)}), 0)`;

/**
 * The SQL aggregates over postings aliased `p` (or another alias): numeric,
 * to compare in SQL; append `::text` to read them, so that bigint survives the driver.
 */
export const COMMITTED_SUM = (p = 'p'): string => signedSum('committed', p);
export const DISBURSED_SUM = (p = 'p'): string => signedSum('disbursed', p);

/** What one posting `p` adds to each figure (a signed bigint), for a query that sums it later. */
export const COMMITTED_OF = (p = 'p'): string => signed('committed', p);
export const DISBURSED_OF = (p = 'p'): string => signed('disbursed', p);

/** Both figures as text columns named `committed` and `disbursed`, for a report's SELECT list. */
export const LEDGER_FIGURES = (p = 'p'): string =>
  `${COMMITTED_SUM(p)}::text AS committed, ${DISBURSED_SUM(p)}::text AS disbursed`;

/**
 * The same two columns summed from rows that hold the figures already (`m`):
 * the trigger's summary `ledger_monthly`, or postings turned into figures by COMMITTED_OF and DISBURSED_OF.
 */
export const SUMMED_FIGURES = (m = 'm'): string =>
  `coalesce(sum(${m}.committed), 0)::text AS committed, coalesce(sum(${m}.disbursed), 0)::text AS disbursed`;

/**
 * The summary `ledger_monthly` recomputed from the postings: its key and both
 * figures per budget year, unit, category and first day of the month of posting.
 */
export const MONTHLY_FROM_POSTINGS = `
  SELECT p.budget_year_id, p.unit_id, p.category_code, date_trunc('month', p.posted_on::timestamp)::date AS month,
         ${COMMITTED_SUM()} AS committed, ${DISBURSED_SUM()} AS disbursed
    FROM ledger_postings p GROUP BY 1, 2, 3, 4`;
