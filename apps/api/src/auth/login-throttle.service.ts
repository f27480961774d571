import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sha256Hex } from '@observatoire/db';
import { API_CONFIG, type ApiConfig } from '../config/config.js';

const WINDOW_SECONDS = 15 * 60;
const LOCK_SECONDS = 15 * 60;

export function throttleKeys(email: string, ip: string) {
  return { account: `acct:${sha256Hex(email.trim().toLowerCase())}`, ip: `ip:${sha256Hex(ip)}` };
}

/** Failed-login counters in PostgreSQL, so every API instance sees the same lock. */
@Injectable()
export class LoginThrottleService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async isLocked(keys: { account: string; ip: string }): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      `SELECT 1 FROM login_throttle WHERE key = ANY($1) AND locked_until > now()`,
      [[keys.account, keys.ip]],
    );
    return rows.length > 0;
  }

  async recordFailure(keys: { account: string; ip: string }): Promise<void> {
    for (const [key, limit] of [
      // Few per account (guessing one password), more per address (an office behind one NAT).
      [keys.account, this.config.loginAccountFailureLimit],
      [keys.ip, this.config.loginIpFailureLimit],
    ] as const) {
      await this.ds.query(
        `INSERT INTO login_throttle AS t (key, failures, window_started_at) VALUES ($1, 1, now())
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN t.window_started_at < now() - make_interval(secs => $2) THEN 1 ELSE t.failures + 1 END,
           window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => $2)
             THEN now() ELSE t.window_started_at END`,
        [key, WINDOW_SECONDS],
      );
      await this.ds.query(
        `UPDATE login_throttle SET locked_until = now() + make_interval(secs => $3), failures = 0, window_started_at = now()
          WHERE key = $1 AND failures >= $2`,
        [key, limit, LOCK_SECONDS],
      );
    }
  }

  async recordSuccess(keys: { account: string }): Promise<void> {
    await this.ds.query(`DELETE FROM login_throttle WHERE key = $1`, [keys.account]);
  }
}
