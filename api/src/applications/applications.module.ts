import { Module } from '@nestjs/common';
import { GuidelinesModule } from '../guidelines/guidelines.module.js';
import { ApplicationChecker } from './application-checker.js';
import { ApplicationMessagesController } from './application-messages.controller.js';
import { ApplicationMessagesService } from './application-messages.service.js';
import { ApplicationWorkflowService } from './application-workflow.service.js';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsService } from './applications.service.js';
import { PoolFigures, UnknownPoolFigures } from './pool-figures.js';

@Module({
  imports: [GuidelinesModule],
  controllers: [ApplicationsController, ApplicationMessagesController],
  providers: [
    ApplicationsService,
    ApplicationWorkflowService,
    ApplicationMessagesService,
    ApplicationChecker,
    { provide: PoolFigures, useClass: UnknownPoolFigures },
  ],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
