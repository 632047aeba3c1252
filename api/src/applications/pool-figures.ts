import type { EntityManager } from 'typeorm';

/**
 * Where the guideline check learns how much money is left in the pool. The
 * ledger (budget years and postings) provides the figure; while no budget year
 * exists for the day, the answer is "unknown" and the check reports it as info.
 */
export abstract class PoolFigures {
  abstract available(tx: EntityManager, day: string): Promise<bigint | null>;
}
