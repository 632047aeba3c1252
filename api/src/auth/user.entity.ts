import type { Party, Role } from '@app/contract';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { encryptedNullableText } from '../crypto/encrypted-columns.js';

// a TOTP time step (about 6e7 today) fits a JavaScript number with room to spare
const stepColumn = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * Who signs in: the identity, its role and unit, and its credentials (password
 * hash, second factor). It lives with authentication, which reads it on every
 * request; the users feature manages it (users/ imports auth/, never the reverse).
 */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 254 }) email: string;
  @Column({ name: 'display_name', type: 'varchar', length: 200 }) displayName: string;
  @Column({ type: 'varchar', length: 20 }) role: Role;
  @Column({ name: 'unit_id', type: 'uuid', nullable: true }) unitId: string | null;
  /** Police, municipality, prison and probation or NGO for a unit worker; national for the other roles. */
  @Column({ type: 'varchar', length: 20 }) party: Party;
  @Column({ type: 'boolean', default: true }) active: boolean;
  // Never selected unless asked for: the hash leaves the database only to be verified.
  @Column({ name: 'password_hash', type: 'text', select: false }) passwordHash: string;
  // The second factor's secrets, likewise; set only while the second factor is on (or being set up).
  @Column({ name: 'totp_secret', type: 'text', nullable: true, select: false, transformer: encryptedNullableText })
  totpSecret: string | null;
  @Column({
    name: 'totp_pending_secret',
    type: 'text',
    nullable: true,
    select: false,
    transformer: encryptedNullableText,
  })
  totpPendingSecret: string | null;
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true, select: false, transformer: stepColumn })
  totpLastStep: number | null;
  @Column({ name: 'totp_enabled_at', type: 'timestamptz', nullable: true }) totpEnabledAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
