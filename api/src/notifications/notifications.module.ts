import { Global, Module } from '@nestjs/common';
import { EmailDeliveriesController } from './email-deliveries.controller.js';
import { EmailDeliveriesService } from './email-deliveries.service.js';
import { EmailOutboxService } from './email-outbox.service.js';
import { NotificationSchedulesService } from './notification-schedules.service.js';
import { NotificationWriter } from './notification-writer.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { PreferencesController } from './preferences.controller.js';

/**
 * In-product notifications and their e-mail. Global, because the features whose changes
 * notify (applications, payments, the sign-in throttle) write through NotificationWriter
 * inside their own transactions.
 */
@Global()
@Module({
  controllers: [NotificationsController, PreferencesController, EmailDeliveriesController],
  providers: [
    NotificationWriter,
    NotificationsService,
    EmailDeliveriesService,
    EmailOutboxService,
    NotificationSchedulesService,
  ],
  exports: [NotificationWriter, NotificationsService, EmailOutboxService, NotificationSchedulesService],
})
export class NotificationsModule {}
