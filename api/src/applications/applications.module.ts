import { Module } from '@nestjs/common';
import { GuidelinesModule } from '../guidelines/guidelines.module.js';
import { ApplicationChecker } from './application-checker.js';
import { ApplicationMessagesController } from './application-messages.controller.js';
import { ApplicationMessagesService } from './application-messages.service.js';
import { ApplicationWorkflowService } from './application-workflow.service.js';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsService } from './applications.service.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { LedgerPoolFigures } from '../ledger/ledger-pool-figures.js';
import { PoolFigures } from './pool-figures.js';

@Module({
  imports: [GuidelinesModule, LedgerModule],
  controllers: [ApplicationsController, ApplicationMessagesController],
  providers: [
    ApplicationsService,
    ApplicationWorkflowService,
    ApplicationMessagesService,
    ApplicationChecker,
    { provide: PoolFigures, useClass: LedgerPoolFigures },
  ],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
