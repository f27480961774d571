import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { map, type Observable } from 'rxjs';
import type { z } from 'zod';
import { ZOD_RESPONSE } from '../openapi/zod-openapi.js';

/**
 * Responses go through the same zod schema that documents them: unknown keys are stripped (an entity field added
 * by mistake never reaches the wire) and a shape that breaks the contract is a 500, not a silent change.
 * Public statistics write cached bytes themselves (validated once, when cached) and return nothing here.
 */
@Injectable()
export class ZodResponseInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const schema = this.reflector.get<z.ZodType | undefined>(ZOD_RESPONSE, ctx.getHandler());
    if (!schema) return next.handle();
    return next.handle().pipe(map((value) => (value === undefined ? value : schema.parse(value))));
  }
}
