import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AppUserEntity,
  AssociationEntity,
  dummyPasswordHash,
  findUserByEmail,
  recordAudit,
  verifyPassword,
} from '@observatoire/db';
import { loginThrottledFor } from '../common/messages.js';
import { ApiProblem } from '../common/problem.js';
import type { Principal } from './auth.decorators.js';
import type { Me } from './auth.dto.js';
import { LoginThrottleService, throttleKeys } from './login-throttle.service.js';
import { SessionService } from './session.service.js';

/** 429 with the real time left on the lock, in the Retry-After header and in words. */
function loginThrottled(seconds: number): ApiProblem {
  return new ApiProblem(429, 'login_throttled', undefined, loginThrottledFor(seconds)).withRetryAfter(seconds);
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
  ) {}

  /** Returns the new session id (for the cookie) and who logged in. */
  async login(email: string, password: string, ip: string): Promise<{ sessionId: string; me: Me }> {
    const keys = throttleKeys(email, ip);
    const admission = await this.throttle.admit(keys);
    if (!admission.admitted) throw loginThrottled(admission.retryAfterSeconds);
    const user = await findUserByEmail(this.ds.manager, email);
    // Same work whether or not the account exists, so timing does not reveal which e-mails have accounts.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !ok || user.disabledAt) {
      // The attempt was counted when it was admitted.
      if (user) {
        await recordAudit(this.ds.manager, { type: 'user', userId: user.id }, 'auth.login_failed', {
          type: 'user',
          id: user.id,
          associationId: user.associationId,
        });
      }
      throw new ApiProblem(401, 'invalid_credentials');
    }
    await this.throttle.recordSuccess(keys);
    const sessionId = await this.sessions.create(user.id);
    await this.sessions.touchLogin(user.id);
    await recordAudit(this.ds.manager, { type: 'user', userId: user.id }, 'auth.login', {
      type: 'user',
      id: user.id,
      associationId: user.associationId,
    });
    return {
      sessionId,
      me: await this.me({
        via: 'session',
        role: user.role,
        userId: user.id,
        tokenId: null,
        associationId: user.associationId,
        sessionIdHash: null,
      }),
    };
  }

  async logout(p: Principal): Promise<void> {
    if (p.sessionIdHash) await this.sessions.destroy(p.sessionIdHash);
    await recordAudit(this.ds.manager, { type: 'user', userId: p.userId }, 'auth.logout', {
      type: 'user',
      id: p.userId,
      associationId: p.associationId,
    });
  }

  async me(p: Principal): Promise<Me> {
    const user = p.userId ? await this.ds.getRepository(AppUserEntity).findOneBy({ id: p.userId }) : null;
    const a = p.associationId
      ? await this.ds.getRepository(AssociationEntity).findOneBy({ id: p.associationId })
      : null;
    return {
      via: p.via,
      role: p.role,
      userId: p.userId,
      email: user?.email ?? null,
      association: a ? { id: a.id, slug: a.slug, name: a.name, isDemo: a.isDemo } : null,
    };
  }
}
