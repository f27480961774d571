import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppUserEntity, newSessionId, sha256Hex, UserSessionEntity } from '@observatoire/db';
import { API_CONFIG, type ApiConfig } from '../config/config.js';
import type { Principal } from './auth.decorators.js';

/** Sessions live in PostgreSQL so that logout and disabling a user end them at once, on every instance. */
@Injectable()
export class SessionService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  cookieName(): string {
    // `__Host-` binds the cookie to this exact origin over HTTPS; browsers refuse it over plain HTTP.
    return this.config.production ? '__Host-observatoire_session' : 'observatoire_session';
  }

  cookieOptions() {
    return {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: this.config.production,
      maxAge: this.config.sessionAbsoluteHours * 3600,
    };
  }

  /** A new id at each login (no fixation). */
  async create(userId: string): Promise<string> {
    const { id, idHash } = newSessionId();
    const now = new Date();
    await this.ds.getRepository(UserSessionEntity).insert({
      idHash,
      userId,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.sessionAbsoluteHours * 3600_000),
    });
    return id;
  }

  /** The session's principal, or null when unknown, idle too long, past its absolute end, or its user disabled. */
  async resolve(sessionId: string): Promise<Principal | null> {
    if (!/^[A-Za-z0-9_-]{22}$/.test(sessionId)) return null;
    const idHash = sha256Hex(sessionId);
    const idleMs = this.config.sessionIdleMinutes * 60_000;
    // One statement: checks both timeouts and the user, and slides the inactivity window.
    const rows: { user_id: string; role: 'member' | 'admin'; association_id: string | null }[] = await this.ds.query(
      `WITH touched AS (
         UPDATE user_session s SET last_seen_at = now()
           FROM app_user u
          WHERE s.id_hash = $1 AND u.id = s.user_id AND u.disabled_at IS NULL
            AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(secs => $2)
          RETURNING u.id AS user_id, u.role, u.association_id)
       SELECT * FROM touched`,
      [idHash, idleMs / 1000],
    );
    const r = rows[0];
    if (!r) {
      await this.ds.query(`DELETE FROM user_session WHERE id_hash = $1`, [idHash]);
      return null;
    }
    return {
      via: 'session',
      role: r.role,
      userId: r.user_id,
      tokenId: null,
      associationId: r.association_id,
      sessionIdHash: idHash,
    };
  }

  async destroy(idHash: string): Promise<void> {
    await this.ds.getRepository(UserSessionEntity).delete({ idHash });
  }

  async touchLogin(userId: string): Promise<void> {
    await this.ds.getRepository(AppUserEntity).update({ id: userId }, { lastLoginAt: new Date() });
  }
}
