import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { Page } from './list-query.js';

@Injectable()
export class ContentRangeInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((result: unknown) => {
        if (!(result instanceof Page)) return result;
        ctx.switchToHttp().getResponse<Response>().setHeader('Content-Range', result.contentRange);
        return result.rows;
      }),
    );
  }
}
