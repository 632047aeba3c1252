import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  type HttpException,
  SetMetadata,
} from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ROLES, type Role, type SessionUser } from '@app/contract';
import type { Request } from 'express';

export interface Actor extends SessionUser {
  sessionId: string;
}

export const IS_PUBLIC = 'exitPool:isPublic';
export const ROLES_KEY = 'exitPool:roles';
export const ROLE_REFUSAL = 'exitPool:roleRefusal';
export const WITHOUT_SECOND_FACTOR = 'exitPool:withoutSecondFactor';

/** The route needs no bearer token (and says so in the OpenAPI document). */
export const Public = () =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiOperation({ security: [], summary: undefined }));

/**
 * Only these roles may call the route; the rest get 403 before the handler runs, so before
 * any row is read or locked. Every route says who may call it (here, on its controller, or
 * with @AnyRole() or @Public()): the guard refuses a route that says nothing.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Every signed-in user may call the route (their own account, sign-out, reading the catalogue). */
export const AnyRole = () => Roles(...ROLES);

/**
 * The 403 a wrong role gets on this route instead of FORBIDDEN: a feature whose clients
 * already know its own code for it (the workflow actions' APPLICATION_NOT_YOUR_ROLE).
 */
export const RoleRefusal = (refusal: () => HttpException) => SetMetadata(ROLE_REFUSAL, refusal);

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
