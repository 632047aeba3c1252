import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role } from '@app/contract';
import { APPLICATION_ACTIONS } from '@app/workflow';
import { Controller, Get, HttpStatus, type HttpException, type Type } from '@nestjs/common';
import { CONTROLLER_WATERMARK, PATH_METADATA } from '@nestjs/common/constants.js';
import { MetadataScanner, Reflector } from '@nestjs/core';
import { ApplicationsController } from '../applications/applications.controller.js';
import { AnyRole, IS_PUBLIC, Public, ROLE_REFUSAL, Roles, ROLES_KEY } from './auth.decorators.js';

interface Route {
  route: string;
  isPublic: boolean;
  roles: Role[] | undefined;
  refusal: (() => HttpException) | undefined;
}

const reflector = new Reflector();

/** Every route of a controller with what the guard reads for it (the handler's word over the controller's). */
function routesOf(controller: Type): Route[] {
  const prototype = controller.prototype as Record<string, (...args: unknown[]) => unknown>;
  return new MetadataScanner()
    .getAllMethodNames(prototype)
    .filter((name) => Reflect.getMetadata(PATH_METADATA, prototype[name]) !== undefined)
    .map((name) => {
      const targets = [prototype[name], controller];
      return {
        route: `${controller.name}.${name}`,
        isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true,
        roles: reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets),
        refusal: reflector.getAllAndOverride<(() => HttpException) | undefined>(ROLE_REFUSAL, targets),
      };
    });
}

const undeclared = (routes: Route[]): string[] =>
  routes.filter((r) => !r.isPublic && (r.roles === undefined || r.roles.length === 0)).map((r) => r.route);

/** Every controller of api/src, found by its file name, so that a new one is walked without being listed here. */
async function everyController(): Promise<Type[]> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.controller.ts'));
  const modules: Record<string, unknown>[] = [];
  // one after another: Jest's ESM loader fails on a module that two imports link at once
  for (const file of files) modules.push((await import(join(root, file))) as Record<string, unknown>);
  return modules.flatMap((m) =>
    Object.values(m).filter(
      (value): value is Type =>
        typeof value === 'function' && Reflect.getMetadata(CONTROLLER_WATERMARK, value) === true,
    ),
  );
}

describe('who may call each route', () => {
  let controllers: Type[];

  beforeAll(async () => {
    controllers = await everyController();
  });

  it('walks every controller of the API', () => {
    // one a file, and the ones the tests below single out among them
    expect(controllers.length).toBeGreaterThanOrEqual(17);
    expect(controllers).toContain(ApplicationsController);
  });

  it('finds every route declaring its roles, or public', () => {
    expect(undeclared(controllers.flatMap(routesOf))).toEqual([]);
  });

  it('catches a route that declares nothing', () => {
    @Roles('admin')
    @Controller('declared')
    class Declared {
      @Get()
      byClass() {}
      @AnyRole()
      @Get('any')
      byHandler() {}
    }
    @Controller('forgotten')
    class Forgotten {
      @Public()
      @Get('open')
      open() {}
      @Get()
      forgot() {}
    }
    expect(undeclared([...routesOf(Declared), ...routesOf(Forgotten)])).toEqual(['Forgotten.forgot']);
  });

  it('says "any role" with every role of the contract', () => {
    @Controller('any')
    class Any {
      @AnyRole()
      @Get()
      get() {}
    }
    expect(routesOf(Any)[0]!.roles).toEqual(['unit_worker', 'contact_point', 'finance', 'admin']);
  });

  // the domain brief's table, written out: who takes each action on an application
  const ACTION_ROLE = {
    submit: 'unit_worker',
    answer: 'unit_worker',
    withdraw: 'unit_worker',
    'start-review': 'contact_point',
    'request-info': 'contact_point',
    approve: 'contact_point',
    reject: 'contact_point',
    cancel: 'contact_point',
    'carry-over': 'contact_point',
  } as const;

  it('gives every workflow action its one role, refusing the others with APPLICATION_NOT_YOUR_ROLE', () => {
    const routes = new Map(routesOf(ApplicationsController).map((r) => [r.route, r]));
    const handlers: Record<string, string> = {
      'start-review': 'startReview',
      'request-info': 'requestInfo',
      'carry-over': 'carryOver',
    };
    for (const action of APPLICATION_ACTIONS) {
      const route = routes.get(`ApplicationsController.${handlers[action] ?? action}`)!;
      expect({ action, roles: route.roles }).toEqual({ action, roles: [ACTION_ROLE[action]] });
      const refusal = route.refusal!();
      expect(refusal.getStatus()).toBe(HttpStatus.FORBIDDEN);
      expect(refusal.getResponse()).toMatchObject({ code: 'APPLICATION_NOT_YOUR_ROLE' });
    }
  });
});
