import { HttpStatus } from '@nestjs/common';
import { FeatureError } from '../common/feature-error.js';

export enum AttachmentErrorCode {
  UnsupportedType = 'ATTACHMENT_UNSUPPORTED_TYPE',
  UnreadableImage = 'ATTACHMENT_UNREADABLE_IMAGE',
  UnreadablePdf = 'ATTACHMENT_UNREADABLE_PDF',
  EncryptedPdf = 'ATTACHMENT_ENCRYPTED_PDF',
  ActiveContent = 'ATTACHMENT_ACTIVE_CONTENT',
  NotMultipart = 'ATTACHMENT_NOT_MULTIPART',
  TooLarge = 'ATTACHMENT_TOO_LARGE',
  WrongStatus = 'ATTACHMENT_WRONG_STATUS',
  ContentMissing = 'ATTACHMENT_CONTENT_MISSING',
  ContentCorrupt = 'ATTACHMENT_CONTENT_CORRUPT',
}

const STATUS: Record<AttachmentErrorCode, HttpStatus> = {
  [AttachmentErrorCode.UnsupportedType]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [AttachmentErrorCode.UnreadableImage]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [AttachmentErrorCode.UnreadablePdf]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  // a well-formed PDF of a kind we refuse to pass on
  [AttachmentErrorCode.EncryptedPdf]: HttpStatus.UNPROCESSABLE_ENTITY,
  [AttachmentErrorCode.ActiveContent]: HttpStatus.UNPROCESSABLE_ENTITY,
  [AttachmentErrorCode.NotMultipart]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [AttachmentErrorCode.TooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [AttachmentErrorCode.WrongStatus]: HttpStatus.CONFLICT,
  // the row is there and its bytes are not, or were changed: ours to fix, not the client's
  [AttachmentErrorCode.ContentMissing]: HttpStatus.INTERNAL_SERVER_ERROR,
  [AttachmentErrorCode.ContentCorrupt]: HttpStatus.INTERNAL_SERVER_ERROR,
};

/** Errors about the uploaded file also name the form field, for react-admin to show beside the input. */
const ABOUT_THE_FILE = new Set([
  AttachmentErrorCode.UnsupportedType,
  AttachmentErrorCode.UnreadableImage,
  AttachmentErrorCode.UnreadablePdf,
  AttachmentErrorCode.EncryptedPdf,
  AttachmentErrorCode.ActiveContent,
  AttachmentErrorCode.TooLarge,
]);

export class AttachmentError extends FeatureError<AttachmentErrorCode> {
  constructor(code: AttachmentErrorCode, message: string) {
    super(code, STATUS[code], message, ABOUT_THE_FILE.has(code) ? { errors: { file: message } } : {});
  }
}
