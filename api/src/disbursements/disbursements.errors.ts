import { HttpStatus } from '@nestjs/common';
import { FeatureError } from '../common/feature-error.js';

export enum DisbursementErrorCode {
  NotAGrant = 'DISBURSEMENT_NOT_A_GRANT',
  OverPayment = 'DISBURSEMENT_OVER_PAYMENT',
  OverRefund = 'DISBURSEMENT_OVER_REFUND',
  KeyReused = 'DISBURSEMENT_KEY_REUSED',
  Approver = 'DISBURSEMENT_APPROVER',
  YearClosed = 'DISBURSEMENT_YEAR_CLOSED',
}

const STATUS: Record<DisbursementErrorCode, HttpStatus> = {
  [DisbursementErrorCode.NotAGrant]: HttpStatus.CONFLICT,
  [DisbursementErrorCode.OverPayment]: HttpStatus.CONFLICT,
  [DisbursementErrorCode.OverRefund]: HttpStatus.CONFLICT,
  [DisbursementErrorCode.KeyReused]: HttpStatus.CONFLICT,
  [DisbursementErrorCode.Approver]: HttpStatus.FORBIDDEN,
  [DisbursementErrorCode.YearClosed]: HttpStatus.CONFLICT,
};

export class DisbursementError extends FeatureError<DisbursementErrorCode> {
  constructor(code: DisbursementErrorCode, message: string) {
    super(code, STATUS[code], message);
  }
}
