import type { UnitParty } from '@app/contract';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('units')
export class Unit {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 5 }) code: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  /** The parties the unit is made of; its workers each belong to one of them. */
  @Column({ type: 'varchar', length: 20, array: true }) parties: UnitParty[];
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
