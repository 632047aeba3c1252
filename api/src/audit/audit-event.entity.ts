import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('audit_events')
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;
  @Column({ type: 'timestamptz', insert: false, update: false }) at: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'varchar', length: 60 }) action: string;
  @Column({ name: 'entity_type', type: 'varchar', length: 40 }) entityType: string;
  @Column({ name: 'entity_id', type: 'varchar', length: 64, nullable: true }) entityId: string | null;
  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true }) requestId: string | null;
  @Column({ type: 'jsonb', default: {} }) details: Record<string, unknown>;
  // the chain: written only by appendAuditEvents, under its lock
  @Column({ name: 'prev_hash', type: 'varchar', length: 64, insert: false, update: false }) prevHash: string;
  @Column({ type: 'varchar', length: 64, insert: false, update: false }) hash: string;
}
