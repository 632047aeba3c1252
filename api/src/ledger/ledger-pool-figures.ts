import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PoolFigures } from '../applications/pool-figures.js';
import { BudgetYear } from './budget-year.entity.js';

/** What is left in the pool of the day's budget year, from the ledger; unknown when no year is open. */
@Injectable()
export class LedgerPoolFigures extends PoolFigures {
  async available(tx: EntityManager, day: string): Promise<bigint | null> {
    const year = await tx.findOneBy(BudgetYear, { year: Number(day.slice(0, 4)) });
    if (!year || year.status !== 'open') return null;
    return year.poolAmount - year.committed - year.disbursed;
  }
}
