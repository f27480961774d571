import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
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

/** No login needed (public statistics, health, login itself). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** The collective's admin only. Routes without either decorator need a member or an admin. */
export const AdminOnly = () => SetMetadata(IS_ADMIN, true);

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<FastifyRequest>().principal as Principal;
});

export function actorOf(p: Principal) {
  return { type: p.via === 'token' ? ('token' as const) : ('user' as const), userId: p.userId, tokenId: p.tokenId };
}
