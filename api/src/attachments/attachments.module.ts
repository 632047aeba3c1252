import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module.js';
import { AttachmentStorage } from './attachment-storage.js';
import { AttachmentsController } from './attachments.controller.js';
import { AttachmentsService } from './attachments.service.js';

@Module({
  imports: [ApplicationsModule],
  controllers: [AttachmentsController],
  providers: [AttachmentsService, AttachmentStorage],
})
export class AttachmentsModule {}
