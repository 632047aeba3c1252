import {
  available,
  COMMITTED_OF,
  COMMITTED_SUM,
  DISBURSED_OF,
  DISBURSED_SUM,
  figuresOf,
  LEDGER_FIGURES,
  SUMMED_FIGURES,
} from './ledger-figures.js';

describe('ledger figures', () => {
  it('adds postings up: committed = commit − release − disburse + refund, disbursed = disburse − refund', () => {
    expect(
      figuresOf([
        { kind: 'commit', amount: 500n },
        { kind: 'disburse', amount: 200n },
        { kind: 'refund', amount: 50n },
        { kind: 'release', amount: 100n },
      ]),
    ).toEqual({ committed: 250n, disbursed: 150n });
    expect(figuresOf([])).toEqual({ committed: 0n, disbursed: 0n });
  });

  it('leaves the pool less what is committed and what is paid out of it', () => {
    expect(available({ poolAmount: 1_000n, committed: 250n, disbursed: 150n })).toBe(600n);
    expect(available({ poolAmount: 0n, committed: 0n, disbursed: 0n })).toBe(0n);
  });

  it('writes the same signs as SQL over the posting alias it is given', () => {
    expect(COMMITTED_SUM('q')).toBe(
      `coalesce(sum(CASE q.kind WHEN 'commit' THEN q.amount WHEN 'release' THEN -q.amount WHEN 'disburse' THEN -q.amount WHEN 'refund' THEN q.amount ELSE 0 END), 0)`,
    );
    expect(DISBURSED_SUM()).toBe(
      `coalesce(sum(CASE p.kind WHEN 'disburse' THEN p.amount WHEN 'refund' THEN -p.amount ELSE 0 END), 0)`,
    );
    expect(LEDGER_FIGURES()).toBe(`${COMMITTED_SUM()}::text AS committed, ${DISBURSED_SUM()}::text AS disbursed`);
    // one posting's figures, and the sums of rows that hold figures already (the monthly summary)
    expect(COMMITTED_OF('q')).toBe(
      `CASE q.kind WHEN 'commit' THEN q.amount WHEN 'release' THEN -q.amount WHEN 'disburse' THEN -q.amount WHEN 'refund' THEN q.amount ELSE 0 END`,
    );
    expect(DISBURSED_OF()).toBe(`CASE p.kind WHEN 'disburse' THEN p.amount WHEN 'refund' THEN -p.amount ELSE 0 END`);
    expect(SUMMED_FIGURES()).toBe(
      `coalesce(sum(m.committed), 0)::text AS committed, coalesce(sum(m.disbursed), 0)::text AS disbursed`,
    );
  });
});
