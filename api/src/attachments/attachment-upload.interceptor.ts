import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import { type Observable, throwError } from 'rxjs';
import { fieldError } from '../common/errors.js';
import { AttachmentError, AttachmentErrorCode } from './attachments.errors.js';

export const MAX_FILE_SIZE = 10 * 1024 * 1024;
export const FILE_FIELD = 'file';

/** The file as multer's memory storage hands it over. */
export interface UploadedFileData {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

const Multipart = FileInterceptor(FILE_FIELD, {
  limits: { fileSize: MAX_FILE_SIZE, files: 1, fields: 5 },
  // browsers send a file name as raw UTF-8; multer would read it as Latin-1 (æøå garbled)
  defParamCharset: 'utf8',
});

/**
 * Parses the upload form with Nest's FileInterceptor (multer, in memory) and
 * turns multer's errors into the contract's: 413 for a file above 10 MB, 400
 * naming the field for anything wrong with the form, 415 for a request that
 * is not a multipart form at all.
 */
@Injectable()
export class AttachmentUploadInterceptor implements NestInterceptor {
  private readonly multipart: NestInterceptor = new Multipart();

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = ctx.switchToHttp().getRequest<Request>();
    if (!request.is('multipart/form-data')) {
      throw new AttachmentError(
        AttachmentErrorCode.NotMultipart,
        'Send the upload as multipart/form-data with the fields applicationId, kind and file',
      );
    }
    try {
      return await this.multipart.intercept(ctx, {
        // a file sent as a text field would otherwise be refused as an unknown field
        handle: () =>
          typeof (request.body as Record<string, unknown> | undefined)?.[FILE_FIELD] === 'string'
            ? throwError(() => fieldError(FILE_FIELD, 'must be a file, not a text field'))
            : next.handle(),
      });
    } catch (error) {
      throw fromMulter(error);
    }
  }
}

function fromMulter(error: unknown): unknown {
  if (!(error instanceof HttpException)) return error;
  const cause = error.cause as { code?: string; field?: string } | undefined;
  switch (cause?.code) {
    case 'LIMIT_FILE_SIZE':
      return new AttachmentError(AttachmentErrorCode.TooLarge, `file must be at most 10 MB (${MAX_FILE_SIZE} bytes)`);
    case 'LIMIT_FILE_COUNT':
      return fieldError(FILE_FIELD, 'send one file only');
    case 'LIMIT_UNEXPECTED_FILE':
      return cause.field === FILE_FIELD
        ? fieldError(FILE_FIELD, 'send one file only')
        : fieldError(cause.field ?? 'form', `is not a known field; send the file in the field "${FILE_FIELD}"`);
    case 'LIMIT_FIELD_COUNT':
      return new BadRequestException('Too many form fields: send applicationId, kind and file only');
    case 'LIMIT_FIELD_KEY':
    case 'LIMIT_FIELD_VALUE':
      return fieldError(cause.field ?? 'form', 'is too long');
    default:
      return error;
  }
}
