import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { bigintColumn } from '../database/column-transformers.js';

@Entity('budget_years')
export class BudgetYear {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'int' }) year: number;
  @Column({ name: 'pool_amount', type: 'bigint', transformer: bigintColumn }) poolAmount: bigint;
  /** Running balance kept by the ledger_postings trigger; never written by the code. */
  @Column({ type: 'bigint', transformer: bigintColumn, insert: false, update: false }) committed: bigint;
  /** Running balance kept by the ledger_postings trigger; never written by the code. */
  @Column({ type: 'bigint', transformer: bigintColumn, insert: false, update: false }) disbursed: bigint;
  @Column({ type: 'varchar', length: 10 }) status: 'open' | 'closed';
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('budget_allocations')
export class BudgetAllocation {
  @Column({ name: 'budget_year_id', type: 'uuid', primary: true }) budgetYearId: string;
  @Column({ name: 'unit_id', type: 'uuid', primary: true }) unitId: string;
  @Column({ type: 'bigint', transformer: bigintColumn }) amount: bigint;
}

export type PostingKind = 'commit' | 'release' | 'disburse' | 'refund';

/** One movement of the pool's money. Append-only: the database refuses UPDATE and DELETE. */
@Entity('ledger_postings')
export class LedgerPosting {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'budget_year_id', type: 'uuid' }) budgetYearId: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ name: 'category_code', type: 'varchar', length: 40 }) categoryCode: string;
  @Column({ type: 'varchar', length: 10 }) kind: PostingKind;
  @Column({ type: 'bigint', transformer: bigintColumn }) amount: bigint;
  @Column({ name: 'posted_on', type: 'date' }) postedOn: string;
  @Column({ name: 'disbursement_id', type: 'uuid', nullable: true }) disbursementId: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
