import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ErrorBody } from '@app/contract';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { DecryptionError } from '../crypto/cipher.js';

/** PostgreSQL error codes a client can cause, and what they mean to that client. */
const PG_CLIENT_ERRORS: Record<string, { status: number; message: string }> = {
  '23505': { status: HttpStatus.CONFLICT, message: 'A record with the same unique value already exists' },
  '23503': { status: HttpStatus.CONFLICT, message: 'The record refers to, or is referred to by, another record' },
  '23514': { status: HttpStatus.CONFLICT, message: 'The change would break a rule of the data' },
  '40001': { status: HttpStatus.CONFLICT, message: 'The record was changed at the same time; try again' },
  '40P01': { status: HttpStatus.CONFLICT, message: 'The record was changed at the same time; try again' },
  '22P02': { status: HttpStatus.BAD_REQUEST, message: 'A value has the wrong format' },
  // a safety net only: the validation pipe and the input guard refuse these before any SQL runs
  '23502': { status: HttpStatus.BAD_REQUEST, message: 'A required value is missing' },
  '22004': { status: HttpStatus.BAD_REQUEST, message: 'A required value is missing' },
  '22001': { status: HttpStatus.BAD_REQUEST, message: 'A text is longer than allowed' },
  '22021': { status: HttpStatus.BAD_REQUEST, message: 'A text holds a character that cannot be stored' },
  '22P05': { status: HttpStatus.BAD_REQUEST, message: 'A text holds a character that cannot be stored' },
  '22003': { status: HttpStatus.BAD_REQUEST, message: 'A number is out of range' },
  '22007': { status: HttpStatus.BAD_REQUEST, message: 'A date or time has the wrong format' },
  '22008': { status: HttpStatus.BAD_REQUEST, message: 'A date or time is out of range' },
  '22023': { status: HttpStatus.BAD_REQUEST, message: 'A value is not allowed here' },
  '22025': { status: HttpStatus.BAD_REQUEST, message: 'A value has the wrong format' },
  '2201W': { status: HttpStatus.BAD_REQUEST, message: 'The page asked for is out of range' },
  '2201X': { status: HttpStatus.BAD_REQUEST, message: 'The page asked for is out of range' },
  '54001': { status: HttpStatus.BAD_REQUEST, message: 'The request is too complex' },
};

const camelCase = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Every error leaves as the contract's body; nothing internal (stack, SQL) ever does. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? `${exception.name}: ${exception.message}` : 'Unknown error');
    }
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBody & Record<string, unknown> {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const base = { statusCode: status, error: STATUS_CODES[status] ?? 'Error' };
      if (typeof raw === 'string') return { ...base, message: raw };
      const { statusCode: _s, error: _e, ...rest } = raw as Record<string, unknown>;
      return { ...base, message: (rest.message as string | string[]) ?? base.error, ...rest };
    }
    // body-parser errors (malformed JSON, too large) carry their own status
    const bodyParser = exception as { type?: string; status?: number; expose?: boolean };
    if (bodyParser && typeof bodyParser.status === 'number' && bodyParser.expose) {
      const status = bodyParser.status;
      const message =
        bodyParser.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON'
          : bodyParser.type === 'entity.too.large'
            ? 'The request body is too large'
            : bodyParser.type === 'encoding.unsupported' || bodyParser.type === 'charset.unsupported'
              ? 'The request body must be UTF-8 JSON'
              : (STATUS_CODES[status] ?? 'Bad request');
      return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message };
    }
    // the key ring does not fit what is stored: named, for the operator, rather than garbage
    if (exception instanceof DecryptionError) {
      return {
        statusCode: 500,
        error: 'Internal Server Error',
        message: `A stored value cannot be decrypted: ${exception.message}`,
        code: exception.keyMissing ? 'ENCRYPTION_KEY_MISSING' : 'DECRYPTION_FAILED',
      };
    }
    if (exception instanceof QueryFailedError) {
      const driver = exception.driverError as { code?: string; column?: string } | undefined;
      const code = driver?.code ?? '';
      const known = Object.hasOwn(PG_CLIENT_ERRORS, code) ? PG_CLIENT_ERRORS[code] : undefined;
      if (known && code === '23502' && driver?.column) {
        const field = camelCase(driver.column);
        const message = `${field} may not be empty`;
        return {
          statusCode: known.status,
          error: STATUS_CODES[known.status]!,
          message: [message],
          errors: { [field]: message },
        };
      }
      if (known) return { statusCode: known.status, error: STATUS_CODES[known.status]!, message: known.message };
    }
    return { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side' };
  }
}
