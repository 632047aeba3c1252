import { NotificationWriterModule } from '../notifications/notification-writer.module.js';
import { Module } from '@nestjs/common';
import { GuidelinesModule } from '../guidelines/guidelines.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { ApplicationChecker } from './application-checker.js';
import { ApplicationMessagesController } from './application-messages.controller.js';
import { ApplicationMessagesService } from './application-messages.service.js';
import { ApplicationRepository } from './application.repository.js';
import { ApplicationWorkflowService } from './application-workflow.service.js';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsService } from './applications.service.js';

@Module({
  imports: [GuidelinesModule, LedgerModule, NotificationWriterModule],
  controllers: [ApplicationsController, ApplicationMessagesController],
  providers: [
    ApplicationRepository,
    ApplicationsService,
    ApplicationWorkflowService,
    ApplicationMessagesService,
    ApplicationChecker,
  ],
  exports: [ApplicationRepository, ApplicationsService],
})
export class ApplicationsModule {}
