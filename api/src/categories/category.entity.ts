import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('categories')
export class Category {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 40 }) code: string;
  /** The Danish name. */
  @Column({ type: 'varchar', length: 200 }) name: string;
  /** The English name; NULL when none was given (English screens then show the Danish one). */
  @Column({ name: 'name_en', type: 'varchar', length: 200, nullable: true }) nameEn: string | null;
  /** The Finnish name; NULL when none was given (Finnish screens then show the English one, else the Danish). */
  @Column({ name: 'name_fi', type: 'varchar', length: 200, nullable: true }) nameFi: string | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
