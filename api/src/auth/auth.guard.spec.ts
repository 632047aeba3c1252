import type { Role } from '@app/contract';
import { ConflictException, Controller, Get, HttpStatus, type Type } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import type { AppConfig } from '../config/app-config.js';
import { AnyRole, type AuthenticatedRequest, RoleRefusal, Roles } from './auth.decorators.js';
import { AuthGuard } from './auth.guard.js';
import type { AuthService } from './auth.service.js';

@Roles('contact_point')
@Controller('example')
class Example {
  @Get('by-class')
  byClass() {}

  @Roles('finance', 'admin')
  @Get('by-handler')
  byHandler() {}

  @AnyRole()
  @Get('anyone')
  anyone() {}

  @RoleRefusal(() => new ConflictException({ message: 'Not yours', code: 'EXAMPLE_NOT_YOURS' }))
  @Get('own-refusal')
  ownRefusal() {}
}

@Controller('forgotten')
class Forgotten {
  @Get()
  forgot() {}
}

/** What the guard answers a signed-in user of the role on the route: true, or the refusal's status and code. */
async function callAs(role: Role, controller: Type, handler: string): Promise<boolean | [number, unknown]> {
  // the session lookup is AuthService's, proven against PostgreSQL end to end; here only the role matters
  const auth = {
    authenticate: () =>
      Promise.resolve({
        actor: { id: 'u', email: 'u@x.test', displayName: 'U', role, unitId: null, sessionId: 's' },
        totpEnabled: true,
      }),
  } as unknown as AuthService;
  const guard = new AuthGuard(new Reflector(), auth, { mfaRequiredRoles: [] } as unknown as AppConfig);
  const request = { headers: { authorization: `Bearer ${'t'.repeat(43)}` } } as AuthenticatedRequest;
  const prototype = controller.prototype as Record<string, () => void>;
  const ctx = new ExecutionContextHost([request, {}, () => undefined], controller, prototype[handler]);
  try {
    return await guard.canActivate(ctx);
  } catch (error) {
    const refusal = error as { getStatus(): number; getResponse(): { code?: string } };
    return [refusal.getStatus(), refusal.getResponse().code];
  }
}

describe(AuthGuard.name, () => {
  it("lets the controller's roles in and refuses the others with FORBIDDEN", async () => {
    expect(await callAs('contact_point', Example, 'byClass')).toBe(true);
    expect(await callAs('finance', Example, 'byClass')).toEqual([HttpStatus.FORBIDDEN, 'FORBIDDEN']);
  });

  it("takes a route's own roles over its controller's", async () => {
    expect(await callAs('admin', Example, 'byHandler')).toBe(true);
    expect(await callAs('contact_point', Example, 'byHandler')).toEqual([HttpStatus.FORBIDDEN, 'FORBIDDEN']);
  });

  it('lets every role call a route marked @AnyRole()', async () => {
    for (const role of ['unit_worker', 'contact_point', 'finance', 'admin'] as const) {
      expect(await callAs(role, Example, 'anyone')).toBe(true);
    }
  });

  it("refuses a wrong role with the route's own refusal when it names one", async () => {
    expect(await callAs('contact_point', Example, 'ownRefusal')).toBe(true);
    expect(await callAs('unit_worker', Example, 'ownRefusal')).toEqual([HttpStatus.CONFLICT, 'EXAMPLE_NOT_YOURS']);
  });

  it('refuses every role on a route that declares none', async () => {
    for (const role of ['unit_worker', 'contact_point', 'finance', 'admin'] as const) {
      expect(await callAs(role, Forgotten, 'forgot')).toEqual([HttpStatus.FORBIDDEN, 'FORBIDDEN']);
    }
  });
});
