import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Role, SessionUser } from '@app/contract';
import type { Request } from 'express';

export interface Actor extends SessionUser {
  sessionId: string;
}

export const IS_PUBLIC = 'exitPool:isPublic';
export const ROLES_KEY = 'exitPool:roles';
export const WITHOUT_SECOND_FACTOR = 'exitPool:withoutSecondFactor';

/** The route needs no bearer token (and says so in the OpenAPI document). */
export const Public = () =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiOperation({ security: [], summary: undefined }));

/** Only these roles may call the route; the rest get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * A user whose role needs a second factor may call the route before enrolling
 * (to enrol, see who they are, or sign out); every other route answers 403 until then.
 */
export const AllowWithoutSecondFactor = () => SetMetadata(WITHOUT_SECOND_FACTOR, true);

export type AuthenticatedRequest = Request & { actor?: Actor; requestId?: string };

/** The signed-in user of this request. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor!;
});
