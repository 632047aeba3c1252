import { HttpStatus } from '@nestjs/common';
import { FeatureError } from '../common/feature-error.js';

export enum AdmissionErrorCode {
  CaseWrongStatus = 'ADMISSION_CASE_WRONG_STATUS',
  AssessmentIncomplete = 'ADMISSION_ASSESSMENT_INCOMPLETE',
  ReviewWrongStatus = 'ADMISSION_REVIEW_WRONG_STATUS',
  ReviewExists = 'ADMISSION_REVIEW_EXISTS',
  FourEyes = 'ADMISSION_FOUR_EYES',
}

const STATUS: Record<AdmissionErrorCode, HttpStatus> = {
  [AdmissionErrorCode.CaseWrongStatus]: HttpStatus.CONFLICT,
  [AdmissionErrorCode.AssessmentIncomplete]: HttpStatus.CONFLICT,
  [AdmissionErrorCode.ReviewWrongStatus]: HttpStatus.CONFLICT,
  [AdmissionErrorCode.ReviewExists]: HttpStatus.CONFLICT,
  [AdmissionErrorCode.FourEyes]: HttpStatus.FORBIDDEN,
};

export class AdmissionError extends FeatureError<AdmissionErrorCode> {
  constructor(code: AdmissionErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(code, STATUS[code], message, extra);
  }
}
