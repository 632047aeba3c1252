import { Module } from '@nestjs/common';
import { BudgetYearsController } from './budget-years.controller.js';
import { BudgetYearsService } from './budget-years.service.js';
import { LedgerRepository } from './ledger.repository.js';
import { LedgerService } from './ledger.service.js';

@Module({
  controllers: [BudgetYearsController],
  providers: [LedgerRepository, LedgerService, BudgetYearsService],
  exports: [LedgerRepository, LedgerService],
})
export class LedgerModule {}
