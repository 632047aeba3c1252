import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdviceRequestsModule } from './advice-requests/advice-requests.module.js';
import { AdmissionReviewsModule } from './admission-reviews/admission-reviews.module.js';
import { ApplicationsModule } from './applications/applications.module.js';
import { AttachmentsModule } from './attachments/attachments.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CaseTransfersModule } from './case-transfers/case-transfers.module.js';
import { CasesModule } from './cases/cases.module.js';
import { CategoriesModule } from './categories/categories.module.js';
import { ContentRangeInterceptor } from './common/content-range.interceptor.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { AppValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { dataSourceOptions } from './database/data-source.js';
import { DisbursementsModule } from './disbursements/disbursements.module.js';
import { GuidelinesModule } from './guidelines/guidelines.module.js';
import { LedgerModule } from './ledger/ledger.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { HealthModule } from './health/health.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { RetentionModule } from './retention/retention.module.js';
import { SettingsModule } from './settings/settings.module.js';
import { UnitsModule } from './units/units.module.js';
import { UsersModule } from './users/users.module.js';

@Module({})
export class AppModule {
  /** The whole application for one configuration whose database URL is known (embedded or given). */
  static forRoot(config: AppConfig & { databaseUrl: string }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, config.databasePoolSize)),
        AuditModule,
        AuthModule,
        UnitsModule,
        CategoriesModule,
        UsersModule,
        CasesModule,
        CaseTransfersModule,
        GuidelinesModule,
        ApplicationsModule,
        AdviceRequestsModule,
        AttachmentsModule,
        LedgerModule,
        DisbursementsModule,
        ReportsModule,
        HealthModule,
        SettingsModule,
        JobsModule,
        RetentionModule,
        NotificationsModule,
        AdmissionReviewsModule,
      ],
      providers: [
        { provide: APP_PIPE, useClass: AppValidationPipe },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: ContentRangeInterceptor },
      ],
    };
  }
}
