import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module.js';
import { AttachmentFileMove } from './attachment-file-move.js';
import { AttachmentStore } from './attachment-store.js';
import { AttachmentsController } from './attachments.controller.js';
import { AttachmentsService } from './attachments.service.js';

@Module({
  imports: [ApplicationsModule],
  controllers: [AttachmentsController],
  providers: [AttachmentsService, AttachmentStore, AttachmentFileMove],
  exports: [AttachmentStore],
})
export class AttachmentsModule {}
