import { Param, ParseUUIDPipe } from '@nestjs/common';
import { fieldError } from './errors.js';

/** The `:id` path segment, refused with a 400 naming it unless it is a UUID. */
export const IdParam = () =>
  Param('id', new ParseUUIDPipe({ exceptionFactory: () => fieldError('id', 'must be a UUID') }));
