import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ErrorBody } from '@app/contract';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';

/** PostgreSQL error codes a client can cause, and what they mean to that client. */
const PG_CLIENT_ERRORS: Record<string, { status: number; message: string }> = {
  '23505': { status: HttpStatus.CONFLICT, message: 'A record with the same unique value already exists' },
  '23503': { status: HttpStatus.CONFLICT, message: 'The record refers to, or is referred to by, another record' },
  '23514': { status: HttpStatus.CONFLICT, message: 'The change would break a rule of the data' },
  '40001': { status: HttpStatus.CONFLICT, message: 'The record was changed at the same time; try again' },
  '40P01': { status: HttpStatus.CONFLICT, message: 'The record was changed at the same time; try again' },
  '22P02': { status: HttpStatus.BAD_REQUEST, message: 'A value has the wrong format' },
};

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
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code ?? '';
      const known = PG_CLIENT_ERRORS[code];
      if (known) return { statusCode: known.status, error: STATUS_CODES[known.status]!, message: known.message };
    }
    return { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side' };
  }
}
