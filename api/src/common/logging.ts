import type { LoggerService } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { requestContext } from './request-context.js';

export function createRootLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    // belt and braces: nothing that could carry a secret is ever written, even if passed by mistake
    redact: {
      paths: ['req.headers', 'req.body', 'res.headers', '*.password', '*.accessToken', '*.token'],
      remove: true,
    },
  });
}

/** Nest's own log lines (start-up, routes, errors) through pino. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, _trace?: string, context?: string) {
    this.logger.error({ context }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * One log line per request: method, path (never the query string, which may
 * hold search text), status and time, under a request id that is echoed in
 * `X-Request-Id`. Bodies, headers, tokens and passwords are never logged.
 */
export function requestLogging(logger: Logger) {
  const http = pinoHttp({
    logger,
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (req) => req.url === '/api/health' },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    http(req, res);
    requestContext.run({ requestId: String(req.id) }, next);
  };
}
