import { config, readConfig } from '@observatoire/config';
import { retentionSettings } from '@observatoire/etl';

/** Every setting the API reads (their variables, defaults and meanings: @observatoire/config). */
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
  /** The dashboard's public URL (ORIGIN), to print the release page's address in the PDF; null when unset. */
  publicOrigin: string | null;
}

/**
 * The API's settings, from the one validated configuration (@observatoire/config: types, defaults, the README's
 * table); `overrides` are for tests. Upload folder and retention periods come from the ETL's reading of the same
 * configuration, shared with `observatoire worker` and `import`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<ApiConfig> = {}): ApiConfig {
  const c = env === process.env ? config() : readConfig(env);
  const retention = retentionSettings(env);
  return {
    port: c.PORT ?? 3001,
    host: c.HOST ?? '127.0.0.1',
    databaseUrl: c.DATABASE_URL ?? '',
    skipMigrations: c.DB_SKIP_MIGRATIONS,
    production: c.NODE_ENV === 'production',
    trustProxy: c.TRUST_PROXY,
    uploadMaxBytes: c.UPLOAD_MAX_BYTES,
    uploadDir: retention.uploadDir,
    importWorker: c.IMPORT_WORKER,
    previewMaxAgeHours: retention.previewMaxAgeHours,
    rejectedRowsDays: retention.rejectedRowsDays,
    sessionIdleMinutes: c.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: c.SESSION_ABSOLUTE_HOURS,
    allowedOrigins: c.ALLOWED_ORIGINS,
    rateLimitPublicPerMinute: c.RATE_LIMIT_PUBLIC,
    rateLimitLoginPerMinute: c.RATE_LIMIT_LOGIN,
    rateLimitAllowList: c.RATE_LIMIT_ALLOW,
    loginAccountFailureLimit: c.LOGIN_ACCOUNT_FAILURE_LIMIT,
    loginIpFailureLimit: c.LOGIN_IP_FAILURE_LIMIT,
    logLevel: c.LOG_LEVEL,
    publicOrigin: c.ORIGIN ? c.ORIGIN.replace(/\/+$/, '') : null,
    ...overrides,
  };
}

export const API_CONFIG = Symbol('API_CONFIG');
