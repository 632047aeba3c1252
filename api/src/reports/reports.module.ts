import { Module } from '@nestjs/common';
import { DisbursementsModule } from '../disbursements/disbursements.module.js';
import { DisbursementsExportController } from './disbursements-export.controller.js';
import { DisbursementsExportService } from './disbursements-export.service.js';
import { ProcessingService } from './processing.service.js';
import { ReportExportsService } from './report-exports.service.js';
import { ReportsController } from './reports.controller.js';
import { PoolReportService } from './pool-report.service.js';
import { SpendingService } from './spending.service.js';
import { StatisticsService } from './statistics.service.js';

@Module({
  imports: [DisbursementsModule],
  controllers: [ReportsController, DisbursementsExportController],
  providers: [
    PoolReportService,
    SpendingService,
    StatisticsService,
    ProcessingService,
    DisbursementsExportService,
    ReportExportsService,
  ],
  exports: [PoolReportService],
})
export class ReportsModule {}
