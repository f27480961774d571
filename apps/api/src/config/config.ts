import { retentionSettings } from '@observatoire/etl';

/** Every setting the API reads, with its default. The README lists the same variables. */
export interface ApiConfig {
  port: number;
  host: string;
  databaseUrl: string;
  skipMigrations: boolean;
  production: boolean;
  trustProxy: boolean | string;
  uploadMaxBytes: number;
  uploadDir: string;
  importWorker: boolean;
  /** Hours an unconfirmed preview keeps its uploaded file (then it expires and must be uploaded again). */
  previewMaxAgeHours: number;
  /** Days an import's rejected rows (coded columns only) are kept for the association to fix them. */
  rejectedRowsDays: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Origins allowed to send cookie-authenticated state changes (the dashboard), besides the API's own. */
  allowedOrigins: string[];
  rateLimitPublicPerMinute: number;
  rateLimitLoginPerMinute: number;
  /**
   * Client addresses never rate limited: by default loopback, where the dashboard's server renders pages and reads
   * the public statistics for every visitor (without a forwarded address, so one limit would throttle them all).
   */
  rateLimitAllowList: string[];
  /** Failed logins before an account is locked for 15 minutes. */
  loginAccountFailureLimit: number;
  /** Failed logins from one client address before it is locked for 15 minutes. */
  loginIpFailureLimit: number;
  logLevel: string;
}

function int(v: string | undefined, fallback: number): number {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`Invalid number in configuration: ${v}`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<ApiConfig> = {}): ApiConfig {
  // Upload folder and retention periods: one reading shared with `observatoire worker` and `import` (the ETL's).
  const retention = retentionSettings(env);
  // Default: trust loopback only, where the dashboard's same-origin proxy runs; it sends X-Forwarded-For/Host.
  const trust = env.TRUST_PROXY ?? 'loopback';
  // A bare number would be read as an IPv4 address ("2" is 0.0.0.2), and Fastify 5 ignores hop counts anyway (it
  // cannot check the immediate peer): refuse it rather than trust the wrong hop.
  if (/^\d+$/.test(trust.trim()) && trust !== '0' && trust !== '1')
    throw new Error(
      `TRUST_PROXY=${trust}: un nombre de relais n’est pas accepté ; donnez les adresses ou réseaux des proxys (ex. 10.0.0.0/8). / ` +
        'A hop count is not accepted; give the proxies’ addresses or subnets (e.g. 10.0.0.0/8).',
    );
  return {
    port: int(env.PORT, 3001),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL ?? '',
    skipMigrations: env.DB_SKIP_MIGRATIONS === '1',
    production: env.NODE_ENV === 'production',
    // "1"/"true" trusts every hop; any other value is handed to Fastify (addresses, subnets or names like loopback).
    trustProxy: !trust || trust === '0' || trust === 'false' ? false : trust === '1' || trust === 'true' ? true : trust,
    uploadMaxBytes: int(env.UPLOAD_MAX_BYTES, 50 * 1024 * 1024),
    uploadDir: retention.uploadDir,
    importWorker: env.IMPORT_WORKER !== '0',
    previewMaxAgeHours: retention.previewMaxAgeHours,
    rejectedRowsDays: retention.rejectedRowsDays,
    sessionIdleMinutes: int(env.SESSION_IDLE_MINUTES, 30),
    sessionAbsoluteHours: int(env.SESSION_ABSOLUTE_HOURS, 12),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? 'http://127.0.0.1:3000,http://localhost:3000')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    rateLimitPublicPerMinute: int(env.RATE_LIMIT_PUBLIC, 600),
    rateLimitLoginPerMinute: int(env.RATE_LIMIT_LOGIN, 10),
    rateLimitAllowList: (env.RATE_LIMIT_ALLOW ?? '127.0.0.1,::1,::ffff:127.0.0.1')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    loginAccountFailureLimit: int(env.LOGIN_ACCOUNT_FAILURE_LIMIT, 5),
    loginIpFailureLimit: int(env.LOGIN_IP_FAILURE_LIMIT, 20),
    logLevel: env.LOG_LEVEL || 'info',
    ...overrides,
  };
}

export const API_CONFIG = Symbol('API_CONFIG');
