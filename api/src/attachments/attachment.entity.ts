import type { AttachmentKind } from '@app/guidelines';
import type { MediaType } from '@app/files';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedText } from '../crypto/encrypted-columns.js';
import { withTypeExtension } from './file-name.js';

export const ATTACHMENT_KINDS: readonly AttachmentKind[] = ['quote', 'invoice', 'other'];

/** A document of an application: the row here, its bytes encrypted in `attachment_chunks` (AttachmentStore). */
@Entity('attachments')
export class Attachment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId: string;
  @Column({ type: 'varchar', length: 10 }) kind: AttachmentKind;
  /** As the uploader named it, sanitised; may be narrative, so never in the audit trail. */
  @Column({ name: 'file_name', type: 'text', transformer: encryptedText }) fileName: string;
  /** By content, never by name or declared type. */
  @Column({ name: 'media_type', type: 'varchar', length: 40 }) mediaType: MediaType;
  /** Of the stored bytes (after metadata stripping). */
  @Column({ type: 'int' }) size: number;
  @Column({ type: 'char', length: 64 }) sha256: string;
  @Column({ name: 'uploaded_by', type: 'uuid' }) uploadedBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

export interface AttachmentView {
  id: string;
  applicationId: string;
  kind: AttachmentKind;
  fileName: string;
  mediaType: MediaType;
  size: number;
  sha256: string;
  uploadedBy: string;
  createdAt: Date;
}

export function toAttachmentView(a: Attachment): AttachmentView {
  return {
    id: a.id,
    applicationId: a.applicationId,
    kind: a.kind,
    // names stored before the extension was made to follow the content get it here
    fileName: withTypeExtension(a.fileName, a.mediaType),
    mediaType: a.mediaType,
    size: a.size,
    sha256: a.sha256,
    uploadedBy: a.uploadedBy,
    createdAt: a.createdAt,
  };
}
