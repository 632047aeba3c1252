import type { Finding } from '@app/guidelines';
import { HttpStatus } from '@nestjs/common';
import { FeatureError } from '../common/feature-error.js';

export enum ApplicationErrorCode {
  WrongStatus = 'APPLICATION_WRONG_STATUS',
  BlockedByFindings = 'APPLICATION_BLOCKED_BY_FINDINGS',
  WarningsNotOverridden = 'APPLICATION_WARNINGS_NOT_OVERRIDDEN',
  OwnApplication = 'APPLICATION_OWN',
  SameApprover = 'APPLICATION_SAME_APPROVER',
  SecondAmountDiffers = 'APPLICATION_SECOND_AMOUNT_DIFFERS',
  NotYourRole = 'APPLICATION_NOT_YOUR_ROLE',
}

const STATUS: Record<ApplicationErrorCode, HttpStatus> = {
  [ApplicationErrorCode.WrongStatus]: HttpStatus.CONFLICT,
  [ApplicationErrorCode.BlockedByFindings]: HttpStatus.CONFLICT,
  [ApplicationErrorCode.WarningsNotOverridden]: HttpStatus.CONFLICT,
  [ApplicationErrorCode.OwnApplication]: HttpStatus.FORBIDDEN,
  [ApplicationErrorCode.SameApprover]: HttpStatus.CONFLICT,
  [ApplicationErrorCode.SecondAmountDiffers]: HttpStatus.CONFLICT,
  [ApplicationErrorCode.NotYourRole]: HttpStatus.FORBIDDEN,
};

export class ApplicationError extends FeatureError<ApplicationErrorCode> {
  constructor(code: ApplicationErrorCode, message: string, findings?: Finding[]) {
    super(code, STATUS[code], message, findings ? { findings } : {});
  }
}
