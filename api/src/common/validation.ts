import {
  type ArgumentMetadata,
  BadRequestException,
  Injectable,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import type { FieldProblem } from '@app/contract';
import { getMetadataStorage, type ValidatorOptions } from 'class-validator';
import { assertCleanInput } from './input-guard.js';
import { declaredProperties } from './nullable.js';

const plain = (value: unknown): value is string | number => typeof value === 'string' || typeof value === 'number';

/** The limits a rule was declared with (`@MaxLength(2000)` → [2000]), read back from class-validator's metadata. */
function ruleArgs(error: ValidationError, rule: string): FieldProblem['args'] {
  const target = error.target?.constructor;
  if (!target) return undefined;
  const found = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name === rule || m.type === rule));
  const args = (found?.constraints ?? []).filter(
    (c: unknown) => plain(c) || (Array.isArray(c) && (c as unknown[]).every(plain)),
  );
  return args.length > 0 ? args : undefined;
}

/**
 * Flattens class-validator's tree into `{ "lines.0.quantity": "..." }`, one
 * message per field: "is required" for a missing value, otherwise the message
 * of the last-written decorator that failed (type checks come first), and
 * the same choice as a code with its limits.
 */
export function validationProblems(
  errors: ValidationError[],
  prefix = '',
): { messages: Record<string, string>; codes: Record<string, FieldProblem> } {
  const messages: Record<string, string> = {};
  const codes: Record<string, FieldProblem> = {};
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const rules = Object.keys(error.constraints ?? {});
    if (error.constraints?.whitelistValidation) {
      messages[field] = `${field} is not a known field`;
      codes[field] = { code: 'unknownField' };
    } else if (rules.length > 0) {
      const rule = rules[rules.length - 1];
      if (error.value === undefined) {
        messages[field] = `${field} is required`;
        codes[field] = { code: 'required' };
      } else {
        messages[field] = error.constraints![rule];
        const args = ruleArgs(error, rule);
        codes[field] = { code: rule, ...(args ? { args } : {}) };
      }
    }
    if (error.children?.length) {
      const nested = validationProblems(error.children, field);
      Object.assign(messages, nested.messages);
      Object.assign(codes, nested.codes);
    }
  }
  return { messages, codes };
}

export function validationErrorsToMap(errors: ValidationError[]): Record<string, string> {
  return validationProblems(errors).messages;
}

/**
 * The contract's 400: `message` lists each bad field, `errors` maps field → what is wrong (react-admin
 * shows it beside the input), and `codes` maps field → the rule that failed, for clients that
 * translate (the admin UI does, falling back to `errors` for a code it does not know).
 */
export function validationException(
  map: Record<string, string>,
  codes?: Record<string, FieldProblem>,
): BadRequestException {
  return new BadRequestException({
    message: Object.entries(map).map(([field, text]) => (text.startsWith(field) ? text : `${field}: ${text}`)),
    errors: map,
    ...(codes && Object.keys(codes).length > 0 ? { codes } : {}),
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
    errors.push({
      property: path,
      value,
      constraints: { [value === null ? 'notNull' : 'notList']: `${path} ${message}` },
      children: [],
    });
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
      // the target lets `ruleArgs` find the rule's declared limits; it never leaves the pipe
      validationError: { target: true, value: true },
      exceptionFactory: (errors) => {
        const { messages, codes } = validationProblems(errors);
        return validationException(messages, codes);
      },
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
