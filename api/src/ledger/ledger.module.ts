import { Module } from '@nestjs/common';
import { BudgetYearsController } from './budget-years.controller.js';
import { BudgetYearsService } from './budget-years.service.js';
import { LedgerPoolFigures } from './ledger-pool-figures.js';
import { LedgerService } from './ledger.service.js';

@Module({
  controllers: [BudgetYearsController],
  providers: [LedgerService, BudgetYearsService, LedgerPoolFigures],
  exports: [LedgerService, LedgerPoolFigures],
})
export class LedgerModule {}
