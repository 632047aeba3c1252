import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module.js';
import { NotificationWriterModule } from '../notifications/notification-writer.module.js';
import {
  CaseTransferActionsController,
  CaseTransfersController,
  CaseUnitsController,
} from './case-transfers.controller.js';
import { CaseTransfersService } from './case-transfers.service.js';

@Module({
  imports: [LedgerModule, NotificationWriterModule],
  controllers: [CaseTransfersController, CaseTransferActionsController, CaseUnitsController],
  providers: [CaseTransfersService],
  exports: [CaseTransfersService],
})
export class CaseTransfersModule {}
