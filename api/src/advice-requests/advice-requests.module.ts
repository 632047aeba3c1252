import { Module } from '@nestjs/common';
import { NotificationWriterModule } from '../notifications/notification-writer.module.js';
import { AdviceRequestsController } from './advice-requests.controller.js';
import { AdviceRequestsService } from './advice-requests.service.js';

@Module({
  imports: [NotificationWriterModule],
  controllers: [AdviceRequestsController],
  providers: [AdviceRequestsService],
  exports: [AdviceRequestsService],
})
export class AdviceRequestsModule {}
