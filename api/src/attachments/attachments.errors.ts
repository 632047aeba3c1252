import { HttpStatus } from '@nestjs/common';
import { FeatureError } from '../common/feature-error.js';

export enum AttachmentErrorCode {
  UnsupportedType = 'ATTACHMENT_UNSUPPORTED_TYPE',
  UnreadableImage = 'ATTACHMENT_UNREADABLE_IMAGE',
  NotMultipart = 'ATTACHMENT_NOT_MULTIPART',
  TooLarge = 'ATTACHMENT_TOO_LARGE',
  WrongStatus = 'ATTACHMENT_WRONG_STATUS',
  FileMissing = 'ATTACHMENT_FILE_MISSING',
}

const STATUS: Record<AttachmentErrorCode, HttpStatus> = {
  [AttachmentErrorCode.UnsupportedType]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [AttachmentErrorCode.UnreadableImage]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [AttachmentErrorCode.NotMultipart]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [AttachmentErrorCode.TooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [AttachmentErrorCode.WrongStatus]: HttpStatus.CONFLICT,
  // the row is there and the bytes are not: ours to fix, not the client's
  [AttachmentErrorCode.FileMissing]: HttpStatus.INTERNAL_SERVER_ERROR,
};

/** Errors about the uploaded file also name the form field, for react-admin to show beside the input. */
const ABOUT_THE_FILE = new Set([
  AttachmentErrorCode.UnsupportedType,
  AttachmentErrorCode.UnreadableImage,
  AttachmentErrorCode.TooLarge,
]);

export class AttachmentError extends FeatureError<AttachmentErrorCode> {
  constructor(code: AttachmentErrorCode, message: string) {
    super(code, STATUS[code], message, ABOUT_THE_FILE.has(code) ? { errors: { file: message } } : {});
  }
}
