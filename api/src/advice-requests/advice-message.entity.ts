import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedText } from '../crypto/encrypted-columns.js';

/** The contact point's answer, or the asking unit's follow-up. */
export type AdviceMessageKind = 'answer' | 'follow_up';

/** The thread of an advice request after its question. Narrative. */
@Entity('advice_messages')
export class AdviceMessage {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'advice_request_id', type: 'uuid' }) adviceRequestId: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId: string;
  @Column({ type: 'varchar', length: 10 }) kind: AdviceMessageKind;
  @Column({ type: 'text', transformer: encryptedText }) body: string;
  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false }) createdAt: Date;
}
