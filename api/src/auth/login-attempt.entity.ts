import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('login_attempts')
export class LoginAttempt {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'varchar', length: 254 }) email: string;
  @Column({ type: 'boolean' }) succeeded: boolean;
  @Column({ type: 'timestamptz' }) at: Date;
}
