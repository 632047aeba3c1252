import { NotificationWriterModule } from '../notifications/notification-writer.module.js';
import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { DisbursementsController } from './disbursements.controller.js';
import { DisbursementsService } from './disbursements.service.js';

@Module({
  imports: [ApplicationsModule, LedgerModule, NotificationWriterModule],
  controllers: [DisbursementsController],
  providers: [DisbursementsService],
  exports: [DisbursementsService],
})
export class DisbursementsModule {}
