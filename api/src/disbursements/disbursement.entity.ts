import { PAYEE_TYPES, type PayeeType } from '@app/contract';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedNullableText } from '../crypto/encrypted-columns.js';
import { bigintColumn } from '../database/column-transformers.js';

export { PAYEE_TYPES, type PayeeType };

/** A payment (positive) or a refund (negative) on a grant. Never changed or deleted. */
@Entity('disbursements')
export class Disbursement {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ name: 'budget_year_id', type: 'uuid' }) budgetYearId: string;
  @Column({ type: 'bigint', transformer: bigintColumn }) amount: bigint;
  @Column({ name: 'paid_on', type: 'date' }) paidOn: string;
  @Column({ name: 'payee_type', type: 'varchar', length: 20 }) payeeType: PayeeType;
  /** Narrative: may name a landlord or a clinic near the person. */
  @Column({ name: 'payee_reference', type: 'text', nullable: true, transformer: encryptedNullableText })
  payeeReference: string | null;
  @Column({ name: 'account_code', type: 'varchar', length: 40, nullable: true }) accountCode: string | null;
  @Column({ name: 'idempotency_key', type: 'varchar', length: 100, nullable: true, select: false })
  idempotencyKey: string | null;
  @Column({ name: 'request_hash', type: 'char', length: 64, nullable: true, select: false }) requestHash: string | null;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
