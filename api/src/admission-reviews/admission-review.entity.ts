import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { encryptedText } from '../crypto/encrypted-columns.js';

export const ADMISSION_REVIEW_STATUSES = ['requested', 'in_review', 'info_requested', 'upheld', 'admitted'] as const;
export type AdmissionReviewStatus = (typeof ADMISSION_REVIEW_STATUSES)[number];
export const OPEN_REVIEW_STATUSES: readonly AdmissionReviewStatus[] = ['requested', 'in_review', 'info_requested'];

/** A refused candidate's request that the contact point review the unit's refusal, and its decision. */
@Entity('admission_reviews')
export class AdmissionReview {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ type: 'varchar', length: 20 }) status: AdmissionReviewStatus;
  @Column({ name: 'requested_on', type: 'date' }) requestedOn: string;
  @Column({ name: 'requested_by', type: 'uuid' }) requestedBy: string;
  /** Who took part in the unit's assessment when the review was requested: none of them decides it. */
  @Column({ type: 'uuid', array: true }) assessors: string[];
  @Column({ name: 'decision_reason', type: 'text', nullable: true, transformer: encryptedText })
  decisionReason: string | null;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'purged_at', type: 'timestamptz', nullable: true, insert: false, update: false })
  purgedAt: Date | null;
}

export type ReviewMessageKind = 'question' | 'answer' | 'decision';

/** The review's thread: the contact point's questions, the unit's answers, the decision's reason. Narrative. */
@Entity('admission_review_messages')
export class AdmissionReviewMessage {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'review_id', type: 'uuid' }) reviewId: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId: string;
  @Column({ type: 'varchar', length: 20 }) kind: ReviewMessageKind;
  @Column({ type: 'text', transformer: encryptedText }) body: string;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
}
