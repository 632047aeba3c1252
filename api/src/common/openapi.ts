import type { FieldProblem } from '@app/contract';
import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiProperty,
  type ApiPropertyOptions,
  ApiResponse,
  getSchemaPath,
  type OpenAPIObject,
} from '@nestjs/swagger';

/** The contract's error body, as every error of the API leaves. */
export class ErrorBodyView {
  @ApiProperty({ type: 'integer', example: 409 })
  statusCode!: number;

  @ApiProperty({ example: 'Conflict' })
  error!: string;

  @ApiProperty({
    description: 'What is wrong; a list naming each bad field for validation errors',
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
  })
  message!: string | string[];

  @ApiProperty({
    required: false,
    description: 'Each bad field and what is wrong with it, as react-admin forms show it beside the input',
    type: Object,
    additionalProperties: { type: 'string' },
  })
  errors?: Record<string, string>;

  @ApiProperty({
    required: false,
    description:
      "Each bad field's failing rule (`required`, `unknownField`, `notNull`, `maxLength`, `isIn`, …) with its limits in `args`, for a client that words it in its user's language",
    type: Object,
    additionalProperties: {
      type: 'object',
      required: ['code'],
      properties: {
        code: { type: 'string' },
        args: { type: 'array', items: {} },
      },
    },
  })
  codes?: Record<string, FieldProblem>;

  @ApiProperty({ required: false, description: 'A stable code of the refusal, to translate by' })
  code?: string;
}

type Prop = Omit<ApiPropertyOptions, 'type' | 'format'>;

/** Money: an integer number of minor units (øre, cents). */
export const ApiMoney = (options: Prop = {}) =>
  ApiProperty({ type: 'integer', format: 'int64', ...options } as ApiPropertyOptions);
export const ApiUuid = (options: Prop = {}) =>
  ApiProperty({ type: 'string', format: 'uuid', ...options } as ApiPropertyOptions);
/** A calendar date, `2026-11-21`. */
export const ApiDate = (options: Prop = {}) =>
  ApiProperty({ type: 'string', format: 'date', ...options } as ApiPropertyOptions);
/** An instant, ISO 8601 with `Z`. */
export const ApiTimestamp = (options: Prop = {}) =>
  ApiProperty({ type: 'string', format: 'date-time', ...options } as ApiPropertyOptions);

/** `200` with the view. */
export const ApiView = (type: Type<unknown>, description = 'The record') => ApiOkResponse({ type, description });

/** `201` with the created record. */
export const ApiCreated = (type: Type<unknown>) => ApiCreatedResponse({ type, description: 'The created record' });

/** A react-admin list: a JSON array of one page, its place in the whole in `Content-Range`. */
export const ApiListOf = (type: Type<unknown>) =>
  applyDecorators(
    ApiExtraModels(type),
    ApiOkResponse({
      description: 'One page of the records that match the filter, in the order asked for',
      schema: { type: 'array', items: { $ref: getSchemaPath(type) } },
      headers: {
        'Content-Range': {
          description: 'The page and the total, e.g. `applications 0-24/319`',
          schema: { type: 'string', example: 'applications 0-24/319' },
        },
      },
    }),
  );

/** `405`: a record that history refers to is never changed or deleted this way. */
export const ApiNotAllowed = (why: string) =>
  ApiResponse({
    status: 405,
    description: why,
    content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBodyView) } } },
  });

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBodyView) } } },
});

/**
 * What holds for every operation and is therefore not repeated on each: the error
 * responses in the contract's shape, bearer security (unless the operation says
 * `security: []`), the licence and the server.
 */
export function completeDocument(document: OpenAPIObject, license: { name: string; url: string }): OpenAPIObject {
  document.info.license = license;
  document.servers = [{ url: '/', description: 'This installation (the API is under /api)' }];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
      if (!isPublic) operation.security = [{ bearer: [] }];
      const responses = operation.responses;
      const add = (status: string, description: string) => {
        responses[status] ??= error(description);
      };
      add('400', 'Bad input: the body names what is wrong (`errors` for each field)');
      if (!isPublic) {
        add('401', 'Not signed in, or the session ended');
        add('403', 'The role may not do this');
      }
      // a route that only ever answers 405 has nothing to find and no state to conflict with
      if ('405' in responses) continue;
      if (path.includes('{')) add('404', 'Not found, or not visible to this user');
      if (method !== 'get' && !isPublic) add('409', 'The state does not allow it (`code` says why)');
    }
  }
  return document;
}
