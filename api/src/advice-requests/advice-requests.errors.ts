import { HttpStatus } from '@nestjs/common';
import { FeatureError } from '../common/feature-error.js';

export enum AdviceErrorCode {
  /** An answer or a close on a closed request. */
  WrongStatus = 'ADVICE_WRONG_STATUS',
}

const STATUS: Record<AdviceErrorCode, HttpStatus> = {
  [AdviceErrorCode.WrongStatus]: HttpStatus.CONFLICT,
};

export class AdviceError extends FeatureError<AdviceErrorCode> {
  constructor(code: AdviceErrorCode, message: string) {
    super(code, STATUS[code], message);
  }
}
