import { HttpStatus } from '@nestjs/common';
import { FeatureError } from '../common/feature-error.js';
import { isoDateOf } from '../common/dates.js';

export enum RetentionErrorCode {
  ApplicationPurged = 'RETENTION_APPLICATION_PURGED',
  CasePurged = 'RETENTION_CASE_PURGED',
}

const STATUS: Record<RetentionErrorCode, HttpStatus> = {
  [RetentionErrorCode.ApplicationPurged]: HttpStatus.CONFLICT,
  [RetentionErrorCode.CasePurged]: HttpStatus.CONFLICT,
};

export class RetentionError extends FeatureError<RetentionErrorCode> {
  constructor(code: RetentionErrorCode, message: string, purgedAt: Date) {
    super(code, STATUS[code], message, { purgedAt: purgedAt.toISOString() });
  }
}

/** 409 when the application's narrative, thread and attachments were purged: nothing of them can be written again. */
export function refuseIfApplicationPurged(application: { reference: string; purgedAt: Date | null }): void {
  if (application.purgedAt) {
    throw new RetentionError(
      RetentionErrorCode.ApplicationPurged,
      `The narrative of ${application.reference} was purged on ${isoDateOf(application.purgedAt)} under the retention rule; it can no longer be changed or acted on`,
      application.purgedAt,
    );
  }
}

/** 409 when the case's personal details were purged: they are not entered again, and it takes no new application. */
export function refuseIfCasePurged(found: { reference: string; purgedAt: Date | null }, what: string): void {
  if (found.purgedAt) {
    throw new RetentionError(
      RetentionErrorCode.CasePurged,
      `The personal details of ${found.reference} were purged on ${isoDateOf(found.purgedAt)} under the retention rule; ${what}`,
      found.purgedAt,
    );
  }
}
