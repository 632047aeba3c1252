import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';

/**
 * The refusals every feature shares, answered by the helpers below. Their statuses are those
 * of Nest's own exceptions (400, 409, 404), which callers test with `instanceof`.
 */
export enum CommonErrorCode {
  InvalidField = 'INVALID_FIELD',
  UniqueConflict = 'UNIQUE_CONFLICT',
  NotFound = 'NOT_FOUND',
}

/** A 400 that names the field, in the shape react-admin shows beside the input. */
export function fieldError(field: string, message: string): BadRequestException {
  return new BadRequestException({
    message: [`${field}: ${message}`],
    errors: { [field]: message },
    code: CommonErrorCode.InvalidField,
  });
}

/** A 409 for a value that must be unique, naming the field. */
export function uniqueConflict(field: string, message: string): ConflictException {
  return new ConflictException({
    message: [`${field}: ${message}`],
    errors: { [field]: message },
    code: CommonErrorCode.UniqueConflict,
  });
}

/** A 404 for a record that is not there or that this user may not see: the two answer alike. */
export function notFound(what: string): NotFoundException {
  return new NotFoundException({ message: `${what} not found`, code: CommonErrorCode.NotFound });
}

export const isUniqueViolation = (error: unknown, constraint: string): boolean => {
  const driver = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  return driver?.code === '23505' && driver.constraint === constraint;
};
