import type { CaseStatus } from '@app/guidelines';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A pseudonymous exit case: a reference and the facts the guidelines look at, nothing that names a person. */
@Entity('cases')
export class Case {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 20 }) reference: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ type: 'int', select: false }) year: number;
  @Column({ type: 'int', select: false }) number: number;
  @Column({ type: 'varchar', length: 20 }) status: CaseStatus;
  @Column({ name: 'birth_year', type: 'int', nullable: true }) birthYear: number | null;
  @Column({ name: 'consent_recorded_on', type: 'date', nullable: true }) consentRecordedOn: string | null;
  @Column({ name: 'agreement_signed_on', type: 'date', nullable: true }) agreementSignedOn: string | null;
  @Column({ name: 'programme_start', type: 'date', nullable: true }) programmeStart: string | null;
  @Column({ name: 'application_count', type: 'int', select: false }) applicationCount: number;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  /** When the retention purge removed the personal details (birth year and dates); null before. */
  @Column({ name: 'purged_at', type: 'timestamptz', nullable: true, insert: false, update: false })
  purgedAt: Date | null;
}
