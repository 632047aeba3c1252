import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';

/** A 400 that names the field, in the shape react-admin shows beside the input. */
export function fieldError(field: string, message: string): BadRequestException {
  return new BadRequestException({ message: [`${field}: ${message}`], errors: { [field]: message } });
}

/** A 409 for a value that must be unique, naming the field. */
export function uniqueConflict(field: string, message: string): ConflictException {
  return new ConflictException({ message: [`${field}: ${message}`], errors: { [field]: message } });
}

export function notFound(what: string): NotFoundException {
  return new NotFoundException(`${what} not found`);
}

export const isUniqueViolation = (error: unknown, constraint: string): boolean => {
  const driver = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  return driver?.code === '23505' && driver.constraint === constraint;
};
