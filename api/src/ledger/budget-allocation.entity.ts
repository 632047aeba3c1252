import { Column, Entity } from 'typeorm';
import { bigintColumn } from '../database/column-transformers.js';

/** A unit's indicative share of a budget year's pool. */
@Entity('budget_allocations')
export class BudgetAllocation {
  @Column({ name: 'budget_year_id', type: 'uuid', primary: true }) budgetYearId: string;
  @Column({ name: 'unit_id', type: 'uuid', primary: true }) unitId: string;
  @Column({ type: 'bigint', transformer: bigintColumn }) amount: bigint;
}
