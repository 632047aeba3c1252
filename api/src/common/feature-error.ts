import { HttpException, type HttpStatus } from '@nestjs/common';

/**
 * The base of every feature's error class: each feature names its failures
 * in an enum of codes and maps each code to its HTTP status in one table;
 * the client gets `{ statusCode, error, message, code, ...extra }`.
 */
export abstract class FeatureError<C extends string> extends HttpException {
  protected constructor(
    readonly code: C,
    status: HttpStatus,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super({ message, code, ...extra }, status);
  }
}
