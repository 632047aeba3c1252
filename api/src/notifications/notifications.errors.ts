import { HttpStatus } from '@nestjs/common';
import { FeatureError } from '../common/feature-error.js';

export enum NotificationErrorCode {
  DeliveryNotFailed = 'EMAIL_DELIVERY_NOT_FAILED',
}

const STATUS: Record<NotificationErrorCode, HttpStatus> = {
  [NotificationErrorCode.DeliveryNotFailed]: HttpStatus.CONFLICT,
};

export class NotificationError extends FeatureError<NotificationErrorCode> {
  constructor(code: NotificationErrorCode, message: string) {
    super(code, STATUS[code], message);
  }
}
