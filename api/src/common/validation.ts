import {
  type ArgumentMetadata,
  BadRequestException,
  Injectable,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import { assertCleanInput } from './input-guard.js';
import { declaredProperties } from './nullable.js';

/**
 * Flattens class-validator's tree into `{ "lines.0.quantity": "..." }`, one
 * message per field: "is required" for a missing value, otherwise the message
 * of the first-written decorator that failed (type checks come first).
 */
export function validationErrorsToMap(errors: ValidationError[], prefix = ''): Record<string, string> {
  const map: Record<string, string> = {};
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (error.constraints?.whitelistValidation) map[field] = `${field} is not a known field`;
    else if (messages.length > 0)
      map[field] = error.value === undefined ? `${field} is required` : messages[messages.length - 1];
    if (error.children?.length) Object.assign(map, validationErrorsToMap(error.children, field));
  }
  return map;
}

export function validationException(map: Record<string, string>): BadRequestException {
  return new BadRequestException({
    message: Object.entries(map).map(([field, text]) => (text.startsWith(field) ? text : `${field}: ${text}`)),
    errors: map,
  });
}

type DtoClass = abstract new (...args: never[]) => unknown;

/**
 * What class-validator lets through: `null` where a DTO (or a DTO nested in
 * it) declares a property without `@Nullable()` (`@IsOptional()` skips null),
 * and a list where an item of a list of nested DTOs belongs (`@ValidateNested`
 * walks lists of lists). Errors carry the full path (`lines.0.description`).
 */
export function structureErrors(entity: unknown): ValidationError[] {
  const errors: ValidationError[] = [];
  const refuse = (path: string, value: unknown, message: string) =>
    errors.push({ property: path, value, constraints: { structure: `${path} ${message}` }, children: [] });
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) =>
        item === null ? refuse(`${path}.${i}`, null, 'may not be null') : visit(item, `${path}.${i}`),
      );
      return;
    }
    if (node === null || typeof node !== 'object' || node.constructor === Object) return;
    const { known, nullable, nested } = declaredProperties(node.constructor as DtoClass);
    for (const [key, value] of Object.entries(node)) {
      if (!known.has(key)) continue;
      const field = path ? `${path}.${key}` : key;
      if (value === null) {
        if (!nullable.has(key)) refuse(field, null, 'may not be null');
      } else if (nested.has(key) && Array.isArray(value) && value.some(Array.isArray)) {
        const i = value.findIndex(Array.isArray);
        refuse(`${field}.${i}`, value[i], 'must be an object, not a list');
      } else visit(value, field);
    }
  };
  visit(entity, '');
  return errors;
}

/** Whitelisting, refusal of unknown fields and of null, and the contract's `errors` map for react-admin forms. */
@Injectable()
export class AppValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      validationError: { target: false, value: true },
      exceptionFactory: (errors) => validationException(validationErrorsToMap(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && metadata.metatype !== Object) {
      if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new BadRequestException('The request body must be a JSON object (Content-Type: application/json)');
      }
      // JSON bodies were checked as they were parsed; the fields of a multipart form arrive only here
      assertCleanInput(value);
    }
    return super.transform(value, metadata);
  }

  /** class-validator's findings, and what it lets through (see `structureErrors`). */
  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    return [...(await super.validate(object, options)), ...structureErrors(object)];
  }
}
