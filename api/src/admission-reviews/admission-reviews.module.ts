import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { NotificationWriterModule } from '../notifications/notification-writer.module.js';
import { AdmissionReviewsController } from './admission-reviews.controller.js';
import { AdmissionReviewsService } from './admission-reviews.service.js';
import { AdmissionStatisticsController } from './admission-statistics.controller.js';
import { AdmissionStatisticsService } from './admission-statistics.service.js';
import { CaseAdmissionController } from './case-admission.controller.js';
import { CaseAdmissionService } from './case-admission.service.js';

/** Issue 14: the unit's admission assessment and decision, and the contact point's review of a refusal. */
@Module({
  imports: [CasesModule, NotificationWriterModule],
  controllers: [CaseAdmissionController, AdmissionReviewsController, AdmissionStatisticsController],
  providers: [CaseAdmissionService, AdmissionReviewsService, AdmissionStatisticsService],
})
export class AdmissionReviewsModule {}
