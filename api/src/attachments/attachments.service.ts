import {
  ACTIVE_CONTENT_WORDS,
  ImageFormatError,
  inspectPdf,
  MEDIA_TYPES,
  type MediaType,
  sniffMediaType,
  stripMetadata,
} from '@app/files';
import type { AttachmentKind } from '@app/guidelines';
import { type ApplicationStatus, EDITABLE_STATUSES } from '@app/workflow';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import type { Application } from '../applications/application.entity.js';
import { ApplicationsService } from '../applications/applications.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.decorators.js';
import { fieldError, notFound } from '../common/errors.js';
import { findPage, type ListQuery, type ListSpec, type Page } from '../common/list-query.js';
import { applicationCoveredSql, partyScope, unitScope } from '../common/scope.js';
import { validationException } from '../common/validation.js';
import { holdsNationalId, nationalIdWords } from '../common/validators.js';
import { Attachment, ATTACHMENT_KINDS, type AttachmentView, toAttachmentView } from './attachment.entity.js';
import { AttachmentStore } from './attachment-store.js';
import type { UploadedFileData } from './attachment-upload.interceptor.js';
import { AttachmentError, AttachmentErrorCode } from './attachments.errors.js';
import type { UploadAttachmentDto } from './dto/upload-attachment.dto.js';
import { sanitiseFileName } from './file-name.js';

export const ATTACHMENT_LIST: ListSpec = {
  resource: 'attachments',
  fields: {
    id: { column: 'att.id', type: 'uuid' },
    applicationId: { column: 'att.application_id', type: 'uuid' },
    kind: { column: 'att.kind', type: 'string', sortable: true, values: ATTACHMENT_KINDS },
    mediaType: { column: 'att.media_type', type: 'string', sortable: true, values: MEDIA_TYPES },
    size: { column: 'att.size', type: 'integer', sortable: true },
    uploadedBy: { column: 'att.uploaded_by', type: 'uuid' },
    createdAt: { column: 'att.created_at', type: 'timestamp', sortable: true },
  },
  // the file name is encrypted: neither searched, filtered nor sorted on
  search: ['app.reference', '(SELECT su.name FROM units su WHERE su.id = app.unit_id)'],
  defaultSort: ['createdAt', 'DESC'],
};

/** Quotes and other documents belong to the application until it is decided. */
const BEFORE_DECISION: readonly ApplicationStatus[] = [...EDITABLE_STATUSES, 'submitted', 'in_review'];
/** Finance pays a grant against invoices, so those may follow the decision. */
const UPLOAD_STATUSES: Record<AttachmentKind, readonly ApplicationStatus[]> = {
  quote: BEFORE_DECISION,
  other: BEFORE_DECISION,
  invoice: [...BEFORE_DECISION, 'approved', 'partially_approved'],
};
/** Only while the unit may change the application: what the contact point was sent stays as it was sent. */
const DELETE_STATUSES = EDITABLE_STATUSES;

export interface AttachmentContent {
  attachment: AttachmentView;
  stream: Readable;
}

@Injectable()
export class AttachmentsService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly applications: ApplicationsService,
    private readonly store: AttachmentStore,
    private readonly audit: AuditService,
  ) {}

  /** Attachments of the applications this user may see; naming one such application is 404 when it is not. */
  async list(actor: Actor, query: ListQuery): Promise<Page<AttachmentView>> {
    const { applicationId } = query.filter;
    if (typeof applicationId === 'string') await this.applications.find(actor, applicationId);
    const qb = this.manager
      .createQueryBuilder(Attachment, 'att')
      .innerJoin('applications', 'app', 'app.id = att.application_id');
    const scope = unitScope(actor);
    if (scope) {
      qb.where('app.unit_id = :scope', { scope }).andWhere(applicationCoveredSql('app'), {
        party: partyScope(actor),
      });
    }
    // a draft is the unit's own work in progress
    else qb.where(`app.status <> 'draft'`);
    return findPage(qb, query, ATTACHMENT_LIST, toAttachmentView);
  }

  async get(actor: Actor, id: string): Promise<AttachmentView> {
    const { attachment } = await this.findVisible(actor, id);
    return toAttachmentView(attachment);
  }

  /** The stored bytes, their first chunk read and checked before the download is recorded in the audit trail. */
  async content(actor: Actor, id: string): Promise<AttachmentContent> {
    const { attachment } = await this.findVisible(actor, id);
    const stream = await this.store.read(attachment);
    try {
      await this.audit.record({
        actorId: actor.id,
        action: 'attachment.download',
        entityType: 'attachment',
        entityId: attachment.id,
        details: auditDetails(attachment),
      });
    } catch (error) {
      stream.destroy();
      throw error;
    }
    return { attachment: toAttachmentView(attachment), stream };
  }

  async upload(actor: Actor, dto: UploadAttachmentDto, file: UploadedFileData | undefined): Promise<AttachmentView> {
    if (!file) throw validationException({ file: 'file is required' });
    const { bytes, mediaType } = await checkContent(file.buffer);
    const fileName = sanitiseFileName(file.originalname, mediaType);
    if (holdsNationalId(fileName)) {
      throw fieldError(
        'file',
        `the file name looks like it holds a national identity number (${nationalIdWords()}); cases are pseudonymous, rename the file`,
      );
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return this.manager.transaction(async (tx) => {
      const application = await this.applications.find(actor, dto.applicationId, tx, true);
      if (!UPLOAD_STATUSES[dto.kind].includes(application.status)) {
        throw wrongStatus(
          `A ${dto.kind} cannot be attached to an application that is ${application.status}; ` +
            `only while it is ${UPLOAD_STATUSES[dto.kind].join(', ')}`,
        );
      }
      const saved = await tx.save(Attachment, {
        applicationId: application.id,
        kind: dto.kind,
        fileName,
        mediaType,
        size: bytes.length,
        sha256,
        uploadedBy: actor.id,
      });
      await this.store.write(tx, saved.id, bytes);
      await this.audit.recordChange(
        tx,
        actor,
        'attachment.upload',
        { type: 'attachment', id: saved.id },
        auditDetails(saved),
      );
      return toAttachmentView(await tx.findOneByOrFail(Attachment, { id: saved.id }));
    });
  }

  /** Removes the row; its chunks go with it (ON DELETE CASCADE). */
  async remove(actor: Actor, id: string): Promise<AttachmentView> {
    const removed = await this.manager.transaction(async (tx) => {
      const { attachment, application } = await this.findVisible(actor, id, tx, true);
      if (!DELETE_STATUSES.includes(application.status)) {
        throw wrongStatus(
          `An attachment of an application that is ${application.status} cannot be removed; ` +
            `only while it is ${DELETE_STATUSES.join(' or ')}`,
        );
      }
      const { affected } = await tx.delete(Attachment, { id });
      if (!affected) throw notFound('Attachment'); // removed meanwhile
      await this.audit.recordChange(
        tx,
        actor,
        'attachment.delete',
        { type: 'attachment', id },
        auditDetails(attachment),
      );
      return attachment;
    });
    return toAttachmentView(removed);
  }

  /**
   * The attachment and its application if this user may see the application;
   * otherwise 404, as if the attachment did not exist. With `lock`, the
   * application row is locked for a change of its documents.
   */
  private async findVisible(
    actor: Actor,
    id: string,
    tx: EntityManager = this.manager,
    lock = false,
  ): Promise<{ attachment: Attachment; application: Application }> {
    const attachment = await tx.findOneBy(Attachment, { id });
    if (!attachment) throw notFound('Attachment');
    try {
      const application = await this.applications.find(actor, attachment.applicationId, tx, lock);
      return { attachment, application };
    } catch (error) {
      if (error instanceof NotFoundException) throw notFound('Attachment');
      throw error;
    }
  }
}

/** The file as it will be stored: a PDF as sent once it is known to hold no active content, an image without its metadata. */
async function checkContent(buffer: Buffer): Promise<{ bytes: Uint8Array; mediaType: MediaType }> {
  if (buffer.length === 0) throw fieldError('file', 'is empty');
  const mediaType = sniffMediaType(buffer);
  if (!mediaType) {
    throw new AttachmentError(
      AttachmentErrorCode.UnsupportedType,
      'file must be a PDF, PNG or JPEG; by its content this file is none of them, whatever its name or declared type',
    );
  }
  if (mediaType === 'application/pdf') await checkPdf(buffer);
  try {
    return { bytes: stripMetadata(buffer, mediaType), mediaType };
  } catch (error) {
    if (!(error instanceof ImageFormatError)) throw error;
    throw new AttachmentError(AttachmentErrorCode.UnreadableImage, `file: ${error.message}`);
  }
}

/** A PDF is passed on only when it can be inspected and holds nothing that acts on the reader's computer. */
async function checkPdf(bytes: Uint8Array): Promise<void> {
  const verdict = await inspectPdf(bytes);
  if (verdict.ok) return;
  switch (verdict.problem) {
    case 'unreadable':
      throw new AttachmentError(
        AttachmentErrorCode.UnreadablePdf,
        'file is not a readable PDF: its structure cannot be parsed, so its content cannot be checked',
      );
    case 'encrypted':
      throw new AttachmentError(
        AttachmentErrorCode.EncryptedPdf,
        'file is an encrypted (password-protected) PDF, so its content cannot be checked; ' +
          'remove the protection, or print it to a new PDF, and upload that',
      );
    case 'active-content':
      throw new AttachmentError(
        AttachmentErrorCode.ActiveContent,
        `file is a PDF with active content that could act on the reader's computer: ` +
          `${verdict.found.map((kind) => ACTIVE_CONTENT_WORDS[kind]).join('; ')}. ` +
          'Print it to a new PDF, or scan it, and upload that',
      );
  }
}

const wrongStatus = (message: string) => new AttachmentError(AttachmentErrorCode.WrongStatus, message);

/** Identifiers and figures only: the file name may be narrative. */
const auditDetails = (a: Attachment) => ({
  applicationId: a.applicationId,
  kind: a.kind,
  size: a.size,
  sha256: a.sha256,
});
