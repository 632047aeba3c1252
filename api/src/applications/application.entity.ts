import type { Finding } from '@app/guidelines';
import type { ApplicationStatus } from '@app/workflow';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import {
  encryptedLineDescriptions,
  encryptedNullableText,
  encryptedOverrideJustifications,
  encryptedText,
} from '../crypto/encrypted-columns.js';
import { bigintColumn, dateArrayColumn } from '../database/column-transformers.js';

/** A cost line as stored: the unit amount in minor units as a JSON number. */
export interface StoredLine {
  /** Null once purged; the amounts stay. */
  description: string | null;
  quantity: number;
  unitAmount: number;
}

export interface Override {
  rule: string;
  /** Null once purged. */
  justification: string | null;
  by: string;
  at: string;
}

@Entity('applications')
export class Application {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 30 }) reference: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ name: 'category_code', type: 'varchar', length: 40 }) categoryCode: string;
  @Column({ name: 'amount_requested', type: 'bigint', transformer: bigintColumn }) amountRequested: bigint;
  @Column({ name: 'amount_approved', type: 'bigint', nullable: true, transformer: bigintColumn })
  amountApproved: bigint | null;
  /** Narrative: only for those who need to know. Null once purged. */
  @Column({ type: 'text', nullable: true, transformer: encryptedText }) justification: string | null;
  @Column({ name: 'ordinary_funding_considered', type: 'boolean' }) ordinaryFundingConsidered: boolean;
  @Column({ type: 'boolean' }) urgent: boolean;
  /** Descriptions are narrative. */
  @Column({ type: 'jsonb', transformer: encryptedLineDescriptions }) lines: StoredLine[];
  @Column({ name: 'planned_session_dates', type: 'date', array: true, transformer: dateArrayColumn })
  plannedSessionDates: string[];
  @Column({ type: 'varchar', length: 30 }) status: ApplicationStatus;
  @Column({ type: 'jsonb' }) findings: Finding[];
  @Column({ name: 'guideline_id', type: 'uuid', nullable: true }) guidelineId: string | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ name: 'submitted_by', type: 'uuid', nullable: true }) submittedBy: string | null;
  @Column({ name: 'first_approved_by', type: 'uuid', nullable: true }) firstApprovedBy: string | null;
  @Column({ name: 'first_approved_at', type: 'timestamptz', nullable: true }) firstApprovedAt: Date | null;
  @Column({ name: 'first_approved_amount', type: 'bigint', nullable: true, transformer: bigintColumn })
  firstApprovedAmount: bigint | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  /** Narrative. */
  @Column({ name: 'decision_reason', type: 'text', nullable: true, transformer: encryptedNullableText })
  decisionReason: string | null;
  /** Narrative. */
  @Column({ type: 'text', nullable: true, transformer: encryptedNullableText }) conditions: string | null;
  /** How the grant is to be paid, for finance: no narrative, but near the person (a clinic, a landlord), so encrypted. */
  @Column({ name: 'payment_instructions', type: 'text', nullable: true, transformer: encryptedNullableText })
  paymentInstructions: string | null;
  /** Justifications are narrative. */
  @Column({ type: 'jsonb', transformer: encryptedOverrideJustifications }) overrides: Override[];
  @Column({ name: 'paid_amount', type: 'bigint', transformer: bigintColumn }) paidAmount: bigint;
  /** The budget year the grant draws on: the year it was approved in, or the one it was carried over to. */
  @Column({ name: 'budget_year_id', type: 'uuid', nullable: true }) budgetYearId: string | null;
  /** Everyone who wrote the application's content as a unit worker: none of them may decide it. */
  @Column({ type: 'uuid', array: true }) editors: string[];
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  /** When the retention purge removed the narrative, thread and attachments; null before. */
  @Column({ name: 'purged_at', type: 'timestamptz', nullable: true, insert: false, update: false })
  purgedAt: Date | null;
}
