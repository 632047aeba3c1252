import { HttpStatus } from '@nestjs/common';
import { FeatureError } from '../common/feature-error.js';

export enum CaseTransferErrorCode {
  WrongStatus = 'CASE_TRANSFER_WRONG_STATUS',
  AlreadyProposed = 'CASE_TRANSFER_ALREADY_PROPOSED',
  CaseClosed = 'CASE_TRANSFER_CASE_CLOSED',
  NotReceiving = 'CASE_TRANSFER_NOT_RECEIVING',
}

const STATUS: Record<CaseTransferErrorCode, HttpStatus> = {
  [CaseTransferErrorCode.WrongStatus]: HttpStatus.CONFLICT,
  [CaseTransferErrorCode.AlreadyProposed]: HttpStatus.CONFLICT,
  [CaseTransferErrorCode.CaseClosed]: HttpStatus.CONFLICT,
  [CaseTransferErrorCode.NotReceiving]: HttpStatus.FORBIDDEN,
};

export class CaseTransferError extends FeatureError<CaseTransferErrorCode> {
  constructor(code: CaseTransferErrorCode, message: string) {
    super(code, STATUS[code], message);
  }
}
