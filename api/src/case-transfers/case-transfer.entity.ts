import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedNullableText } from '../crypto/encrypted-columns.js';

export const CASE_TRANSFER_STATUSES = ['proposed', 'accepted', 'declined'] as const;
export type CaseTransferStatus = (typeof CASE_TRANSFER_STATUSES)[number];

/** A case handed from one unit to another: proposed by the sending unit, accepted or declined by the receiving one. */
@Entity('case_transfers')
export class CaseTransfer {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'from_unit_id', type: 'uuid' }) fromUnitId: string;
  @Column({ name: 'to_unit_id', type: 'uuid' }) toUnitId: string;
  @Column({ type: 'varchar', length: 10 }) status: CaseTransferStatus;
  /** A contact point's transfer, accepted at once. */
  @Column({ type: 'boolean' }) direct: boolean;
  /** Narrative; null once the retention purge removed it. */
  @Column({ type: 'text', nullable: true, transformer: encryptedNullableText }) reason: string | null;
  @Column({ name: 'decision_reason', type: 'text', nullable: true, transformer: encryptedNullableText })
  decisionReason: string | null;
  @Column({ name: 'proposed_by', type: 'uuid' }) proposedBy: string;
  @Column({ name: 'proposed_at', type: 'timestamptz', insert: false, update: false }) proposedAt: Date;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
}

/** One stretch of a case's history: the unit it belonged to, from when until when (null: still). */
@Entity('case_units')
export class CaseUnit {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ type: 'timestamptz' }) since: Date;
  @Column({ type: 'timestamptz', nullable: true }) until: Date | null;
  @Column({ name: 'transfer_id', type: 'uuid', nullable: true }) transferId: string | null;
}
