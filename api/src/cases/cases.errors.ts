import { HttpStatus } from '@nestjs/common';
import { FeatureError } from '../common/feature-error.js';

export enum CaseErrorCode {
  /** Withdrawing consent on a case that has none recorded, or none left. */
  ConsentNotRecorded = 'CASE_CONSENT_NOT_RECORDED',
}

const STATUS: Record<CaseErrorCode, HttpStatus> = {
  [CaseErrorCode.ConsentNotRecorded]: HttpStatus.CONFLICT,
};

export class CaseError extends FeatureError<CaseErrorCode> {
  constructor(code: CaseErrorCode, message: string) {
    super(code, STATUS[code], message);
  }
}
