import { HttpException, HttpStatus } from '@nestjs/common';

/** Records that history refers to are deactivated, never deleted. */
export function neverDeleted(what: string, instead: string): never {
  throw new HttpException(`${what} are never deleted; ${instead}`, HttpStatus.METHOD_NOT_ALLOWED);
}
