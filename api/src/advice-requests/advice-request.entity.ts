import { ADVICE_STATUSES, ADVICE_TOPICS } from '@app/contract';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedNullableText } from '../crypto/encrypted-columns.js';

export type AdviceTopic = (typeof ADVICE_TOPICS)[number];
export type AdviceStatus = (typeof ADVICE_STATUSES)[number];

/** A unit's question to the contact point on one of its cases. The question is narrative. */
@Entity('advice_requests')
export class AdviceRequest {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ type: 'int' }) number: number;
  @Column({ type: 'varchar', length: 40 }) reference: string;
  @Column({ type: 'varchar', length: 20 }) topic: AdviceTopic;
  /** Null once purged with its case. */
  @Column({ type: 'text', nullable: true, transformer: encryptedNullableText }) question: string | null;
  @Column({ type: 'varchar', length: 10 }) status: AdviceStatus;
  @Column({ name: 'asked_by', type: 'uuid' }) askedBy: string;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt: Date | null;
  @Column({ name: 'answered_by', type: 'uuid', nullable: true }) answeredBy: string | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'closed_by', type: 'uuid', nullable: true }) closedBy: string | null;
  @Column({ name: 'purged_at', type: 'timestamptz', nullable: true, insert: false, update: false })
  purgedAt: Date | null;
}
