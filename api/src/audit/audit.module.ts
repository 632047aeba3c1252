import { Global, Module } from '@nestjs/common';
import { AuditCommitQueue } from './audit-commit-queue.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';

@Global()
@Module({ controllers: [AuditController], providers: [AuditCommitQueue, AuditService], exports: [AuditService] })
export class AuditModule {}
