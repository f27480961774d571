import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { API_TOKEN_PREFIX, sha256Hex } from '@observatoire/db';
import type { Principal } from './auth.decorators.js';

/** Per-association API tokens for scripts (Authorization: Bearer obs_...). */
@Injectable()
export class TokenService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async resolve(token: string): Promise<Principal | null> {
    if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 100) return null;
    // Records the last use in the same statement; a withdrawn association's tokens were revoked with it.
    const rows: { id: string; association_id: string }[] = await this.ds.query(
      `WITH used AS (
         UPDATE api_token t SET last_used_at = now()
           FROM association a
          WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND a.id = t.association_id AND a.withdrawn_at IS NULL
          RETURNING t.id, t.association_id)
       SELECT * FROM used`,
      [sha256Hex(token)],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      via: 'token',
      role: 'member',
      userId: null,
      tokenId: r.id,
      associationId: r.association_id,
      sessionIdHash: null,
    };
  }
}
