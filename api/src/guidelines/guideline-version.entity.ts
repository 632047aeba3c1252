import type { StoredCategoryRules } from '@app/contract';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type GuidelineStatus = 'draft' | 'published' | 'retired';

@Entity('guidelines')
export class GuidelineVersion {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 40 }) version: string;
  @Column({ name: 'effective_from', type: 'date' }) effectiveFrom: string;
  @Column({ type: 'varchar', length: 10 }) status: GuidelineStatus;
  @Column({ name: 'min_age', type: 'int' }) minAge: number;
  @Column({ name: 'max_course_months', type: 'int' }) maxCourseMonths: number;
  @Column({ type: 'jsonb' }) categories: StoredCategoryRules[];
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ name: 'published_by', type: 'uuid', nullable: true }) publishedBy: string | null;
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true }) retiredAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
