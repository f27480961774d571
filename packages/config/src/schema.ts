import { z } from 'zod';

/** What the README's configuration table says of a variable (generated from here: see table.ts). */
export type VariableDoc = {
  /** The default, as a reader should see it. */
  default: string;
  /** What it does, and what to set it to. */
  meaning: string;
  /** Never repeated in an error message (a key, a password in a URL). */
  secret?: boolean;
};

/** A variable's doc where the default shown is the value itself, in code style, unless it says otherwise. */
type DefaultedDoc = Omit<VariableDoc, 'default'> & { default?: string };
const shown = (fallback: string | number, doc: DefaultedDoc): VariableDoc => ({ default: `\`${fallback}\``, ...doc });

/** An empty variable (`PORT=`) is an unset one. */
const unset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

function text(doc: VariableDoc) {
  return z.preprocess(unset, z.string().trim().optional()).meta(doc);
}

function textOr(fallback: string, doc: DefaultedDoc) {
  return z.preprocess(unset, z.string().trim().default(fallback)).meta(shown(fallback, doc));
}

const whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

function integer(min: number, max: number, fallback: number, doc: DefaultedDoc) {
  return z.preprocess(unset, whole(min, max).default(fallback)).meta(shown(fallback, doc));
}

function optionalInteger(min: number, max: number, doc: VariableDoc) {
  return z.preprocess(unset, whole(min, max).optional()).meta(doc);
}

function positive(fallback: number, doc: DefaultedDoc) {
  return z.preprocess(unset, z.coerce.number().positive().default(fallback)).meta(shown(fallback, doc));
}

/** `1`/`true` or `0`/`false`. */
function flag(fallback: boolean, doc: DefaultedDoc) {
  return z
    .preprocess(unset, z.enum(['0', '1', 'true', 'false']).default(fallback ? '1' : '0'))
    .transform((v) => v === '1' || v === 'true')
    .meta(shown(fallback ? '1' : '0', doc));
}

/** Comma-separated values. */
function list(fallback: string, doc: DefaultedDoc) {
  return z
    .preprocess(unset, z.string().default(fallback))
    .transform((s) =>
      s
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .meta(shown(fallback, doc));
}

/**
 * Fastify's trustProxy: false, true, or the proxies' addresses, subnets or names (`loopback`). A bare number would be
 * read as an IPv4 address ("2" is 0.0.0.2), and Fastify 5 ignores hop counts anyway (it cannot check the immediate
 * peer): a hop count is refused rather than trusting the wrong hop.
 */
const trustProxy = z
  .preprocess(unset, z.string().trim().default('loopback'))
  .refine((v) => !/^\d+$/.test(v) || v === '0' || v === '1', {
    message: 'a hop count is not accepted; give the proxies’ addresses or subnets (e.g. 10.0.0.0/8)',
  })
  .transform((v): boolean | string => (v === '0' || v === 'false' ? false : v === '1' || v === 'true' ? true : v))
  .meta({
    default: 'loopback',
    meaning:
      'proxies whose `X-Forwarded-For` is believed: `0`/`false` none, `1`/`true` all, or their addresses, subnets or ' +
      '`loopback`/`uniquelocal` (comma-separated; a hop count is refused)',
  });

const MB = 'MB';

/**
 * Every environment variable Observatoire reads, with its type, default and meaning: validated once into one typed
 * object (`config()`), and the README's configuration table generated from it.
 */
export const configSchema = z.object({
  DATABASE_URL: text({
    default: 'embedded PostgreSQL under `<data dir>/pg`',
    meaning: 'PostgreSQL (15 or later) of the API, the ETL and the command line',
    secret: true,
  }),
  TEST_DATABASE_URL: text({
    default: 'embedded PostgreSQL in a temporary folder',
    meaning: 'server on which the tests create their databases',
  }),
  OBSERVATOIRE_DATA_DIR: text({
    default: '`.data/` at the repository root',
    meaning: 'local state: embedded database, stored uploads, demo exports, local pseudonym key',
  }),
  OBSERVATOIRE_PSEUDONYM_KEY: z
    .preprocess(unset, z.string().trim().min(32, 'at least 32 characters (e.g. `openssl rand -hex 32`)').optional())
    .meta({
      secret: true,
      default: 'local runs: generated once into `<data dir>/pseudonym.key` (mode 600); production: none, required',
      meaning:
        'key of the HMAC-SHA256 that replaces case ids (32+ characters, e.g. `openssl rand -hex 32`). Set it, and ' +
        'back it up, in production (`NODE_ENV=production` refuses to start without it): a new key makes every case ' +
        'count as new',
    }),
  PORT: optionalInteger(1, 65_535, {
    default: '`3000` for `npm start` (the dashboard), `3001` for the API alone',
    meaning: 'port of the dashboard under `npm start`, or of the API when it runs alone (`node apps/api/dist/main.js`)',
  }),
  API_PORT: integer(1, 65_535, 3001, { meaning: 'port of the API under `npm start`' }),
  HOST: text({ default: '`127.0.0.1`', meaning: 'address the API and the dashboard listen on' }),
  DB_SKIP_MIGRATIONS: flag(false, {
    meaning: '`1`: the API does not migrate on start (run `observatoire migrate` instead)',
  }),
  NODE_ENV: text({
    default: 'unset',
    meaning:
      '`production`: `Secure` session cookie with the `__Host-` prefix, `Strict-Transport-Security` on every answer ' +
      'of the dashboard, and a pseudonym key required (never generated)',
  }),
  TRUST_PROXY: trustProxy,
  ALLOWED_ORIGINS: list('http://127.0.0.1:3000,http://localhost:3000', {
    meaning: 'origins allowed to make cookie-authenticated changes (CSRF check)',
  }),
  UPLOAD_MAX_BYTES: integer(1, 2 ** 40, 50 * 1024 * 1024, {
    default: '`52428800` (50 MiB)',
    meaning: 'upload size limit of the API and the dashboard (413 beyond, nothing kept)',
  }),
  UPLOAD_DIR: text({
    default: '`<data dir>/uploads`',
    meaning: 'where uploads wait for their import, under internal ids',
  }),
  IMPORT_WORKER: flag(true, {
    meaning: '`0`: no import worker inside the API (run `observatoire worker` elsewhere)',
  }),
  PREVIEW_MAX_AGE_HOURS: integer(1, 100_000, 24, {
    meaning:
      'hours an unconfirmed upload preview keeps its file; then the import workers delete it (hourly check) and ' +
      'confirming asks for the file again',
  }),
  REJECTED_ROWS_DAYS: integer(1, 100_000, 30, {
    meaning:
      'days an import’s rejected rows (their coded columns only) are kept for the association to fix them; then ' +
      'they are dropped (see "What is kept")',
  }),
  SESSION_IDLE_MINUTES: integer(1, 100_000, 30, { meaning: 'a session ends after this long unused' }),
  SESSION_ABSOLUTE_HOURS: integer(1, 100_000, 12, { meaning: 'a session ends this long after login' }),
  RATE_LIMIT_PUBLIC: integer(0, 1_000_000_000, 600, {
    meaning: 'public reads per minute per client address, one budget for all of them (`0`: unlimited)',
  }),
  RATE_LIMIT_LOGIN: integer(0, 1_000_000_000, 10, {
    meaning: 'login attempts per minute per client address (`0`: unlimited)',
  }),
  RATE_LIMIT_ALLOW: list('127.0.0.1,::1,::ffff:127.0.0.1', {
    default: 'loopback (`127.0.0.1,::1,::ffff:127.0.0.1`)',
    meaning:
      'client addresses exempt from the rate limits: the dashboard’s server, which reads the public statistics for ' +
      'every visitor (comma-separated)',
  }),
  LOGIN_ACCOUNT_FAILURE_LIMIT: integer(1, 100_000, 5, {
    meaning: 'failed logins before an account is locked for 15 minutes',
  }),
  LOGIN_IP_FAILURE_LIMIT: integer(1, 100_000, 20, {
    meaning: 'failed logins from one client address before it is locked for 15 minutes',
  }),
  LOG_LEVEL: z
    .preprocess(unset, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'))
    .meta({ default: '`info`', meaning: 'pino log level of the API (JSON logs, request ids, no personal data)' }),
  OBSERVATOIRE_API_URL: textOr('http://127.0.0.1:3001', {
    meaning: 'where the dashboard’s server reaches the API',
  }),
  ORIGIN: text({
    default: 'set by `npm start`',
    meaning: 'the dashboard’s public URL (permanent links, embed codes, Open Graph)',
  }),
  PRESS_CONTACT_NAME: textOr('Collectif des associations contre la traite', {
    meaning: 'press contact printed on the press kit page and in its ZIP: who journalists reach',
  }),
  PRESS_CONTACT_EMAIL: z
    .preprocess(unset, z.email('an e-mail address (e.g. `presse@example.org`)').optional())
    .meta({ default: 'none (the kit then gives the name only)', meaning: 'press contact’s e-mail address' }),
  PRESS_CONTACT_PHONE: z
    .preprocess(
      unset,
      z
        .string()
        .trim()
        .regex(/^\+?[0-9 ().-]{6,24}$/, 'a phone number (e.g. `+33 1 23 45 67 89`)')
        .optional(),
    )
    .meta({ default: 'none', meaning: 'press contact’s phone number' }),
  OBSERVATOIRE_FONT_DIR: textOr('/usr/share/fonts/truetype/dejavu', {
    meaning: 'TTF fonts for the PNG charts and the PDF summaries (`fonts-dejavu-core`)',
  }),
  OBSERVATOIRE_IMPORT_MAX_FILE_MB: positive(50, { meaning: `largest file an import reads (${MB})` }),
  OBSERVATOIRE_IMPORT_MAX_ROWS: positive(2_000_000, { meaning: 'most rows in one file' }),
  OBSERVATOIRE_IMPORT_MAX_CELLS_PER_ROW: positive(500, { meaning: 'most cells in one row' }),
  OBSERVATOIRE_IMPORT_MAX_CELL_LENGTH: positive(32_767, {
    meaning: 'longest cell, in characters',
  }),
  OBSERVATOIRE_IMPORT_MAX_RECORD_KB: positive(1024, {
    meaning: 'largest record (CSV record, physical line, JSON object), in KB',
  }),
  OBSERVATOIRE_IMPORT_XLSX_MAX_DECOMPRESSED_MB: positive(500, {
    meaning: `XLSX: the archive’s declared uncompressed size (${MB})`,
  }),
  OBSERVATOIRE_IMPORT_XLSX_MAX_RATIO: positive(100, {
    meaning: 'XLSX: uncompressed / compressed ratio, of the archive and of any large entry',
  }),
  OBSERVATOIRE_IMPORT_XLSX_MAX_ENTRIES: positive(10_000, {
    meaning: 'XLSX: entries in the archive',
  }),
  OBSERVATOIRE_IMPORT_XLSX_WORKER_MEMORY_MB: positive(256, {
    meaning: `XLSX: heap cap of the parsing worker (${MB})`,
  }),
  OBSERVATOIRE_IMPORT_XLSX_IDLE_TIMEOUT_S: positive(60, {
    meaning: 'XLSX: the parsing worker is stopped when it sends nothing for this many seconds',
  }),
  OBSERVATOIRE_DEBUG: flag(false, { meaning: '`1`: stack traces in command-line errors' }),
  NODE_OPTIONS: text({
    default: '`--max-old-space-size=1024` for the API, the dashboard and the command line',
    meaning:
      'Node’s options; the heap cap keeps garbage collection frequent and memory near what is live (measured in ' +
      '`docs/benchmarks.md`). The `observatoire` command states it on its first line; `npm start` and the API ' +
      'image pass it on',
  }),
  CHROMIUM_PATH: text({ default: '`/usr/bin/chromium`', meaning: 'browser of the end-to-end tests' }),
});

export type Config = z.output<typeof configSchema>;
export type ConfigVariable = keyof Config;
