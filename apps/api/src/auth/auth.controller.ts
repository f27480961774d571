import { Body, Controller, Get, HttpCode, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodResponseInterceptor } from '../common/zod-response.interceptor.js';
import { zodPipe } from '../common/zod.js';
import { ApiZodBody, ApiZodResponse } from '../openapi/zod-openapi.js';
import { LoginRateLimit } from '../common/rate-limit.js';
import { CurrentPrincipal, Public, type Principal } from './auth.decorators.js';
import { loginRequestSchema, meSchema } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import { SessionService } from './session.service.js';
import type { z } from 'zod';

@ApiTags('auth')
@UseInterceptors(ZodResponseInterceptor)
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @LoginRateLimit()
  @ApiOperation({ summary: 'Log in with e-mail and password; sets the HttpOnly session cookie' })
  @ApiZodBody(loginRequestSchema)
  @ApiZodResponse(200, meSchema)
  async login(
    @Body(zodPipe(loginRequestSchema)) body: z.infer<typeof loginRequestSchema>,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { sessionId, me } = await this.auth.login(body.email, body.password, req.ip);
    reply.setCookie(this.sessions.cookieName(), sessionId, this.sessions.cookieOptions());
    reply.header('cache-control', 'no-store');
    return me;
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the current session at once' })
  async logout(@CurrentPrincipal() p: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.auth.logout(p);
    reply.clearCookie(this.sessions.cookieName(), { path: '/' });
  }

  @Get('me')
  @ApiOperation({ summary: 'Who is calling (session or API token)' })
  @ApiZodResponse(200, meSchema)
  me(@CurrentPrincipal() p: Principal) {
    return this.auth.me(p);
  }
}
