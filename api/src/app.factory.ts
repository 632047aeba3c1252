import { moneyToJson } from '@app/money';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import { inputGuard } from './common/input-guard.js';
import { PinoNestLogger, requestLogging } from './common/logging.js';
import { builtFiles } from './common/precompressed-files.js';
import type { AppConfig } from './config/app-config.js';
import { buildOpenApiDocument } from './openapi-document.js';

export const JSON_BODY_LIMIT = '1mb';

declare global {
  interface BigInt {
    toJSON(): number;
  }
}

/**
 * Money is bigint minor units inside; JSON carries it as an integer number (a RangeError past 2^53).
 * Taught to bigint itself rather than given to Express as a `json replacer`: a replacer is called for
 * every value of every answer (half the time of writing a list's page), `toJSON` for the bigints only.
 */
export function moneyAsJsonNumbers(): void {
  BigInt.prototype.toJSON = function (this: bigint): number {
    return moneyToJson(this);
  };
}

/** Builds the one process that serves the API under /api and the admin UI at /. */
export async function createApp(
  config: AppConfig & { databaseUrl: string },
  logger: Logger,
  options: { adminDir?: string } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
  });
  app.set('query parser', 'simple');
  moneyAsJsonNumbers();
  app.disable('x-powered-by');
  // the API answers no-store: an ETag (a hash of every answer's body) would never be used
  app.set('etag', false);
  // first, so that every answer of the API carries it: the login, errors, 404s and file downloads
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (isApiPath(req.path)) res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(requestLogging(logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // MUI (emotion) writes its styles at run time
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  // what no endpoint takes is refused at the door: control characters, lone surrogates,
  // prototype keys, deep nesting, malformed percent-encoding
  app.use((req: Request, res: Response, next: NextFunction) =>
    isApiPath(req.path) ? inputGuard(req, res, next) : next(),
  );
  app.enableCors({ origin: true, exposedHeaders: ['Content-Range', 'X-Request-Id', 'Content-Disposition'] });
  app.setGlobalPrefix('api');
  // no enableShutdownHooks: main.ts stops on SIGINT and SIGTERM itself, closing the app (its hooks run
  // then) before the embedded database; Nest's own listener would raise the signal again and end the process first

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  serveAdmin(app, options.adminDir ?? resolve('admin/dist'));
  return app;
}

const isApiPath = (path: string): boolean => path === '/api' || path.startsWith('/api/');

/** The built react-admin app, with every non-API path answered by its index.html (client-side routes). */
function serveAdmin(app: NestExpressApplication, dir: string): void {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return;
  app.use(builtFiles(dir, '1h'));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || isApiPath(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
