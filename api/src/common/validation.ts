import {
  type ArgumentMetadata,
  BadRequestException,
  Injectable,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';

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

/** Whitelisting, refusal of unknown fields, and the contract's `errors` map for react-admin forms. */
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
    }
    return super.transform(value, metadata);
  }
}
