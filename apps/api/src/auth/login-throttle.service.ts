import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { sha256Hex } from '@observatoire/db';
import { API_CONFIG, type ApiConfig } from '../config/config.js';

const WINDOW_SECONDS = 15 * 60;
const LOCK_SECONDS = 15 * 60;

export interface ThrottleKeys {
  account: string;
  ip: string;
}

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

export function throttleKeys(email: string, ip: string): ThrottleKeys {
  return { account: `acct:${sha256Hex(email.trim().toLowerCase())}`, ip: `ip:${sha256Hex(ip)}` };
}

interface CounterRow {
  key: string;
  failures: number;
  expired: boolean;
  retry_after: number;
}

/**
 * Failed-login counters in PostgreSQL, so every API instance sees the same lock. A password is checked only
 * after an attempt was admitted, and admitting counts it: under a row lock on both counters (account and client
 * address), a locked counter refuses, otherwise both go up by one, and the one that reaches its limit locks for
 * 15 minutes. Twenty parallel wrong passwords against a limit of five get exactly five checked; counting after
 * the check (as before) let every request that arrived during the checks through. A success gives the
 * attempt back: the account's counter is cleared, the address's goes down by one.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  private limits(keys: ThrottleKeys): Map<string, number> {
    // Few per account (guessing one password), more per address (an office behind one NAT).
    return new Map([
      [keys.account, this.config.loginAccountFailureLimit],
      [keys.ip, this.config.loginIpFailureLimit],
    ]);
  }

  async admit(keys: ThrottleKeys): Promise<Admission> {
    const limits = this.limits(keys);
    // Always in key order: two attempts sharing one counter never wait on each other in opposite orders.
    const ordered = [...limits.keys()].sort();
    return this.ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO login_throttle (key, failures, window_started_at)
         SELECT unnest($1::text[]), 0, now() ON CONFLICT (key) DO NOTHING`,
        [ordered],
      );
      const rows = await this.lockCounters(m, ordered);
      const locked = rows.filter((r) => !r.expired && r.failures >= limits.get(r.key)!);
      if (locked.length > 0) {
        return { admitted: false, retryAfterSeconds: Math.max(1, ...locked.map((r) => r.retry_after)) };
      }
      for (const r of rows) {
        const attempts = r.expired ? 1 : r.failures + 1;
        await m.query(
          `UPDATE login_throttle SET failures = $2::int,
             window_started_at = CASE WHEN $3::boolean THEN now() ELSE window_started_at END,
             locked_until = CASE WHEN $2::int >= $4::int THEN now() + make_interval(secs => $5::int)
                                 WHEN $3::boolean THEN NULL ELSE locked_until END
           WHERE key = $1`,
          [r.key, attempts, r.expired, limits.get(r.key), LOCK_SECONDS],
        );
      }
      return { admitted: true };
    });
  }

  /** Both counters, locked until the transaction ends; a counter whose window or lock has run out is expired. */
  private lockCounters(m: EntityManager, ordered: string[]): Promise<CounterRow[]> {
    return m.query(
      `SELECT key, failures,
              coalesce(locked_until <= now(), false)
                OR window_started_at < now() - make_interval(secs => $2::int) AS expired,
              -- The clock, not now(): this transaction may have waited for the lock since before the lock was set.
              greatest(1, ceil(extract(epoch FROM coalesce(locked_until,
                window_started_at + make_interval(secs => $2::int)) - clock_timestamp())))::int AS retry_after
         FROM login_throttle WHERE key = ANY($1) ORDER BY key FOR UPDATE`,
      [ordered, WINDOW_SECONDS],
    );
  }

  async recordSuccess(keys: ThrottleKeys): Promise<void> {
    await this.ds.query(`DELETE FROM login_throttle WHERE key = $1`, [keys.account]);
    await this.ds.query(`UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE key = $1`, [keys.ip]);
  }
}
