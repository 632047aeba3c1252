import { Module } from '@nestjs/common';
import { EmailDeliveriesController } from './email-deliveries.controller.js';
import { EmailDeliveriesService } from './email-deliveries.service.js';
import { EmailOutboxService } from './email-outbox.service.js';
import { NotificationSchedulesService } from './notification-schedules.service.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { PreferencesController } from './preferences.controller.js';

/**
 * In-product notifications and their e-mail: the user's own list and preferences, the
 * outbox's delivery over SMTP, the daily reminder and digest, and the outbox for admins.
 * The features whose changes notify import NotificationWriterModule instead.
 */
@Module({
  controllers: [NotificationsController, PreferencesController, EmailDeliveriesController],
  providers: [NotificationsService, EmailDeliveriesService, EmailOutboxService, NotificationSchedulesService],
  exports: [NotificationsService, EmailOutboxService, NotificationSchedulesService],
})
export class NotificationsModule {}
