import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedText } from '../crypto/encrypted-columns.js';

export type AdmissionDecision = 'admitted' | 'refused';

/**
 * The unit's admission assessment of a case (seed 002): motivation and suitability,
 * and the unit's decision. Every text is narrative.
 */
@Entity('case_assessments')
export class CaseAssessment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'push_factors', type: 'text', nullable: true, transformer: encryptedText })
  pushFactors: string | null;
  @Column({ name: 'pull_factors', type: 'text', nullable: true, transformer: encryptedText })
  pullFactors: string | null;
  @Column({ name: 'own_explanation', type: 'text', nullable: true, transformer: encryptedText })
  ownExplanation: string | null;
  @Column({ name: 'help_wished', type: 'text', nullable: true, transformer: encryptedText })
  helpWished: string | null;
  @Column({ name: 'fear_alone', type: 'boolean', nullable: true }) fearAlone: boolean | null;
  @Column({ name: 'understands_leaving', type: 'text', nullable: true, transformer: encryptedText })
  understandsLeaving: string | null;
  @Column({ name: 'understands_lifestyle', type: 'text', nullable: true, transformer: encryptedText })
  understandsLifestyle: string | null;
  @Column({ name: 'steps_taken', type: 'text', nullable: true, transformer: encryptedText })
  stepsTaken: string | null;
  @Column({ name: 'will_to_cooperate', type: 'text', nullable: true, transformer: encryptedText })
  willToCooperate: string | null;
  @Column({ type: 'uuid', array: true }) participants: string[];
  @Column({ type: 'varchar', length: 10, nullable: true }) decision: AdmissionDecision | null;
  @Column({ name: 'decision_reason', type: 'text', nullable: true, transformer: encryptedText })
  decisionReason: string | null;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz', insert: false }) updatedAt: Date;
  @Column({ name: 'purged_at', type: 'timestamptz', nullable: true, insert: false, update: false })
  purgedAt: Date | null;
}

/** The assessment's fields as the API names them, motivation first (seed 002's order). */
export const MOTIVATION_FIELDS = ['pushFactors', 'pullFactors', 'ownExplanation', 'helpWished', 'fearAlone'] as const;
export const SUITABILITY_FIELDS = [
  'understandsLeaving',
  'understandsLifestyle',
  'stepsTaken',
  'willToCooperate',
] as const;
export const ASSESSMENT_FIELDS = [...MOTIVATION_FIELDS, ...SUITABILITY_FIELDS] as const;
export type AssessmentField = (typeof ASSESSMENT_FIELDS)[number];
