import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role, SessionUser } from '@app/contract';
import type { Request } from 'express';

export interface Actor extends SessionUser {
  sessionId: string;
}

export const IS_PUBLIC = 'exitPool:isPublic';
export const ROLES_KEY = 'exitPool:roles';

/** The route needs no bearer token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route; the rest get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export type AuthenticatedRequest = Request & { actor?: Actor; requestId?: string };

/** The signed-in user of this request. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor!;
});
