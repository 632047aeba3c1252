import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintColumn } from '../database/column-transformers.js';

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
