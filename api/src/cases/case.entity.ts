import type { UnitParty } from '@app/contract';
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
  /** The party of the worker who opened the case: the only one that sees it before consent is recorded. */
  @Column({ name: 'opened_party', type: 'varchar', length: 20 }) openedParty: UnitParty;
  /** The parties the candidate's consent covers now; null before any consent is recorded. */
  @Column({ name: 'consent_parties', type: 'varchar', length: 20, array: true, nullable: true })
  consentParties: UnitParty[] | null;
  @Column({ name: 'consent_given_on', type: 'date', nullable: true }) consentGivenOn: string | null;
  /** When consent was last withdrawn, from some parties or all. */
  @Column({ name: 'consent_withdrawn_on', type: 'date', nullable: true }) consentWithdrawnOn: string | null;
  /** Whose workers of the unit may see the case now (kept by PostgreSQL from the two above). */
  @Column({ name: 'access_parties', type: 'varchar', length: 20, array: true, insert: false, update: false })
  accessParties: UnitParty[];
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
