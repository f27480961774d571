import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { API_CONFIG, type ApiConfig } from '../config/config.js';
import { ApiProblem } from '../common/problem.js';
import { IS_ADMIN, IS_PUBLIC } from './auth.decorators.js';
import { csrfAllowed } from './csrf.js';
import { SessionService } from './session.service.js';
import { TokenService } from './token.service.js';

/**
 * Global guard: public routes pass untouched (nothing per request on the hot path); other routes need a session
 * cookie or a bearer token, admin routes the admin role. Cookie-authenticated state changes pass the CSRF check.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly tokens: TokenService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    const authorization = req.headers.authorization;
    if (authorization) {
      const [scheme, value] = authorization.split(' ');
      req.principal =
        scheme?.toLowerCase() === 'bearer' && value ? ((await this.tokens.resolve(value)) ?? undefined) : undefined;
    } else {
      const sid = req.cookies?.[this.sessions.cookieName()];
      if (sid) {
        if (!csrfAllowed(req, this.config.allowedOrigins)) throw new ApiProblem(403, 'csrf_rejected');
        req.principal = (await this.sessions.resolve(sid)) ?? undefined;
      }
    }
    if (!req.principal) throw new ApiProblem(401, 'unauthenticated');
    if (this.reflector.getAllAndOverride<boolean>(IS_ADMIN, targets) && req.principal.role !== 'admin') {
      throw new ApiProblem(403, 'forbidden');
    }
    return true;
  }
}
