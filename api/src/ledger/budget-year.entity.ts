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
