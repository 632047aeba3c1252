import { type CanActivate, type ExecutionContext, type HttpException, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@app/contract';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import {
  type AuthenticatedRequest,
  IS_PUBLIC,
  ROLE_REFUSAL,
  ROLES_KEY,
  WITHOUT_SECOND_FACTOR,
} from './auth.decorators.js';
import { AuthError, AuthErrorCode } from './auth.errors.js';
import { AuthService } from './auth.service.js';

/**
 * Every route needs a live session unless marked @Public(); a role in
 * MFA_REQUIRED_ROLES also needs its second factor on, except on the routes
 * marked @AllowWithoutSecondFactor(); then the caller's role must be one the route
 * declares with @Roles() (or @AnyRole()), on itself or its controller. All of it runs
 * before the handler, so a wrong role never waits for a row another transaction holds.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(request.headers.authorization ?? '');
    if (!match) throw new AuthError(AuthErrorCode.MissingToken);
    const { actor, totpEnabled } = await this.auth.authenticate(match[1]);
    request.actor = actor;
    if (
      !totpEnabled &&
      this.config.mfaRequiredRoles.includes(actor.role) &&
      !this.reflector.getAllAndOverride<boolean>(WITHOUT_SECOND_FACTOR, targets)
    ) {
      throw new AuthError(AuthErrorCode.TotpEnrolmentRequired);
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    // a route that declares no roles was never decided on: nobody may call it
    if (!roles?.includes(actor.role)) {
      const refusal = roles && this.reflector.getAllAndOverride<() => HttpException>(ROLE_REFUSAL, targets);
      throw refusal ? refusal() : new AuthError(AuthErrorCode.Forbidden);
    }
    return true;
  }
}
