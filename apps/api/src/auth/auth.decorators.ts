import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

export const IS_PUBLIC = 'observatoire:public';
export const IS_ADMIN = 'observatoire:admin';

/** Who is calling: a logged-in user (session cookie) or an association's API token. */
export interface Principal {
  via: 'session' | 'token';
  role: 'member' | 'admin';
  userId: string | null;
  tokenId: string | null;
  /** The association a member or token acts for; null for an admin. */
  associationId: string | null;
  sessionIdHash: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/**
 * The security schemes of the OpenAPI document (openapi.ts), named after what the guard accepts: the session cookie
 * (members and admins, from the dashboard) and an association's opaque API token (`Authorization: Bearer obs_…`,
 * member rights). Routes without a decorator below take either (the document's default).
 */
export const SESSION_SCHEME = 'session';
export const TOKEN_SCHEME = 'token';

/**
 * No login needed (public statistics, health, login itself). Documented as needing no security: `[{}]` here (Nest's
 * document builder drops an empty list on a method), written `[]` in the document (openapi.ts).
 */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), SetMetadata(DECORATORS.API_SECURITY, [{}]));
/**
 * The collective's admin only: a session (tokens carry member rights). Routes without either decorator need a member
 * or an admin.
 */
export const AdminOnly = () =>
  applyDecorators(SetMetadata(IS_ADMIN, true), SetMetadata(DECORATORS.API_SECURITY, [{ [SESSION_SCHEME]: [] }]));

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<FastifyRequest>().principal as Principal;
});

export function actorOf(p: Principal) {
  return { type: p.via === 'token' ? ('token' as const) : ('user' as const), userId: p.userId, tokenId: p.tokenId };
}
