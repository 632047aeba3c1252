import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedText } from '../crypto/encrypted-columns.js';

export type MessageKind = 'question' | 'answer' | 'withdrawal' | 'decision';

/** The thread of an application: information requests, answers and the reasons given. Narrative. */
@Entity('application_messages')
export class ApplicationMessage {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId: string;
  @Column({ type: 'varchar', length: 20 }) kind: MessageKind;
  @Column({ type: 'text', transformer: encryptedText }) body: string;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
}
