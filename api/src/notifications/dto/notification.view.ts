import { EMAIL_DELIVERY_STATUSES, NOTIFICATION_EVENTS, NOTIFICATION_RESOURCES } from '@app/contract';
import { ApiProperty } from '@nestjs/swagger';
import { ApiTimestamp, ApiUuid } from '../../common/openapi.js';

/** One notification of the signed-in user: what happened and where, never what was written. */
export class NotificationView {
  @ApiUuid() id!: string;
  @ApiProperty({ enum: NOTIFICATION_EVENTS, example: 'information_requested' }) event!: string;
  @ApiProperty({ example: 'KBH-2026-014-A1', description: "The application's reference, or a locked user's e-mail" })
  reference!: string;
  @ApiProperty({ description: 'The application is urgent' }) urgent!: boolean;
  @ApiProperty({ enum: NOTIFICATION_RESOURCES, description: 'The react-admin resource the notification links to' })
  resource!: string;
  @ApiUuid({ description: 'The record the notification links to (its show page)' }) recordId!: string;
  @ApiTimestamp() createdAt!: string;
  @ApiTimestamp({ nullable: true }) readAt!: string | null;
}

export class UnreadCountView {
  @ApiProperty({ type: 'integer', example: 3 }) count!: number;
}

export class MarkedCountView {
  @ApiProperty({ type: 'integer', example: 3, description: 'How many were marked read' }) count!: number;
}

/** A notification e-mail in the outbox (admins): where it stands, never its text. */
export class EmailDeliveryView {
  @ApiUuid() id!: string;
  @ApiProperty({ enum: [...NOTIFICATION_EVENTS, 'digest'] }) event!: string;
  @ApiProperty({ nullable: true, type: String, example: 'KBH-2026-014-A1', description: 'null for a digest' })
  reference!: string | null;
  @ApiProperty({ example: 'kbh@demo.test', description: "The recipient's e-mail address" }) recipient!: string;
  @ApiProperty({ enum: EMAIL_DELIVERY_STATUSES }) status!: string;
  @ApiProperty({ type: 'integer', example: 3 }) attempts!: number;
  @ApiProperty({ nullable: true, type: String, example: 'connect ECONNREFUSED 127.0.0.1:2525' })
  lastError!: string | null;
  @ApiTimestamp() createdAt!: string;
  @ApiTimestamp({ nullable: true }) sentAt!: string | null;
}
