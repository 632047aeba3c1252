import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@app/contract';
import { type AuthenticatedRequest, IS_PUBLIC, ROLES_KEY } from './auth.decorators.js';
import { AuthError, AuthErrorCode } from './auth.errors.js';
import { AuthService } from './auth.service.js';

/** Every route needs a live session unless marked @Public(); @Roles() narrows it to roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(request.headers.authorization ?? '');
    if (!match) throw new AuthError(AuthErrorCode.MissingToken);
    request.actor = await this.auth.authenticate(match[1]);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(request.actor.role)) throw new AuthError(AuthErrorCode.Forbidden);
    return true;
  }
}
