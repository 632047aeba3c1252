import type { UnitParty } from '@app/contract';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedText } from '../crypto/encrypted-columns.js';

/** A candidate's withdrawal of consent from some parties or all, with its reason (narrative: encrypted). */
@Entity('case_consent_withdrawals')
export class CaseConsentWithdrawal {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ type: 'varchar', length: 20, array: true }) parties: UnitParty[];
  @Column({ type: 'text', transformer: encryptedText }) reason: string;
  @Column({ name: 'withdrawn_on', type: 'date' }) withdrawnOn: string;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
