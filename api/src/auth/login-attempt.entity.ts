import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('login_attempts')
export class LoginAttempt {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'varchar', length: 254 }) email: string;
  // null while the attempt is being verified; counted as a failure until then
  @Column({ type: 'boolean', nullable: true }) succeeded: boolean | null;
  @Column({ type: 'timestamptz' }) at: Date;
}
