import { HttpStatus } from '@nestjs/common';
import { FeatureError } from '../common/feature-error.js';

export enum GuidelineErrorCode {
  NotDraft = 'GUIDELINE_NOT_DRAFT',
  NotPublished = 'GUIDELINE_NOT_PUBLISHED',
  EffectiveDateTaken = 'GUIDELINE_EFFECTIVE_DATE_TAKEN',
  EffectiveDatePassed = 'GUIDELINE_EFFECTIVE_DATE_PASSED',
  NoneInForce = 'GUIDELINE_NONE_IN_FORCE',
}

const STATUS: Record<GuidelineErrorCode, HttpStatus> = {
  [GuidelineErrorCode.NotDraft]: HttpStatus.CONFLICT,
  [GuidelineErrorCode.NotPublished]: HttpStatus.CONFLICT,
  [GuidelineErrorCode.EffectiveDateTaken]: HttpStatus.CONFLICT,
  [GuidelineErrorCode.EffectiveDatePassed]: HttpStatus.CONFLICT,
  [GuidelineErrorCode.NoneInForce]: HttpStatus.CONFLICT,
};

const MESSAGE: Record<GuidelineErrorCode, string> = {
  [GuidelineErrorCode.NotDraft]:
    'Only a draft guideline version can be changed, published or deleted; publish a new version instead',
  [GuidelineErrorCode.NotPublished]: 'Only a published guideline version can be retired',
  [GuidelineErrorCode.EffectiveDateTaken]: 'Another published version takes effect on the same day',
  [GuidelineErrorCode.EffectiveDatePassed]:
    'effectiveFrom must be today or later when publishing: guidelines never change in retrospect',
  [GuidelineErrorCode.NoneInForce]:
    'No published guideline version is in force today; the contact point must publish one',
};

export class GuidelineError extends FeatureError<GuidelineErrorCode> {
  constructor(code: GuidelineErrorCode) {
    super(code, STATUS[code], MESSAGE[code]);
  }
}
