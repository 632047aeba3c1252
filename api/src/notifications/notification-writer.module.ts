import { Module } from '@nestjs/common';
import { NotificationWriter } from './notification-writer.js';

/**
 * What a feature whose changes notify imports: the writer it calls inside its own
 * transaction. Apart from NotificationsModule, so that the sign-in throttle, the workflow
 * and payments depend on the writer only, not on delivery and its scheduled jobs.
 */
@Module({ providers: [NotificationWriter], exports: [NotificationWriter] })
export class NotificationWriterModule {}
