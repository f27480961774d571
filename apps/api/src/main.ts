import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController } from 'fastify';
import pino, { type DestinationStream } from 'pino';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { openLocalDatabase, runMigrations } from '@observatoire/db';
import { loadPseudonymKey } from '@observatoire/etl';
import { AppModule } from './app.module.js';
import { loadConfig, type ApiConfig } from './config/config.js';
import { PinoNestLogger } from './common/logger.js';
import { registerSecurityHeaders } from './common/security-headers.js';
import { ProblemFilter } from './common/problem.filter.js';
import { setupOpenApi } from './openapi/openapi.js';
import { limitPublicReads } from './common/rate-limit.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The client's X-Request-Id when it is a sensible one, else a new UUID. */
function requestId(req: { headers: Record<string, string | string[] | undefined> }): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

export interface AppOptions {
  /** Where the JSON log lines go (tests read them); default: stdout, buffered. */
  logStream?: DestinationStream;
}

/**
 * Builds the application (migrations, plugins, routes, OpenAPI) without listening, so that tests can use
 * `app.inject()` or `app.listen()` on a free port.
 */
export async function createApp(
  overrides: Partial<ApiConfig> = {},
  options: AppOptions = {},
): Promise<NestFastifyApplication> {
  const config = loadConfig(process.env, overrides);
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required');
  // Production never generates a pseudonym key: refuse to start without one rather than at the first upload.
  if (config.production) await loadPseudonymKey(process.env, true);
  if (!config.skipMigrations) await runMigrations(config.databaseUrl);

  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // We register @fastify/multipart ourselves (uploads stream to disk in the imports service).
    multipart: false,
    // One line per request from our onResponse hook instead of two from Fastify.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: requestId,
    logger: {
      level: config.logLevel,
      // Buffered, asynchronous writes to stdout (pino flushes them on exit) rather than a system call per line.
      stream: options.logStream ?? pino.destination({ dest: 1, sync: false, minLength: 4096 }),
      // Requests are logged by method, route and status only: no bodies, no query strings, no e-mail addresses.
      // (Nothing is redacted because nothing personal is ever passed to the logger.)
      serializers: { req: () => ({}), res: () => ({}) },
    },
  });
  const fastify = adapter.getInstance();
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(fastify.log),
    abortOnError: false,
  });
  fastify.decorate('observatoireConfig', config);

  registerSecurityHeaders(fastify);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 10 } });
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (req) => req.ip,
    allowList: (req) => config.rateLimitAllowList.includes(req.ip),
    // Retry-After when limited; no X-RateLimit-* on every public answer.
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    addHeaders: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
      'retry-after': true,
    },
  });
  // Before app.init(), where Nest adds its routes to Fastify.
  limitPublicReads(fastify, config.rateLimitPublicPerMinute);

  fastify.addHook('onSend', (req, reply, payload, done) => {
    reply.header('x-request-id', req.id);
    // Only public reads say how they may be kept (sendCached); every other answer (a session's, a token's, an
    // error, a login) is kept by no browser and no shared cache.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  fastify.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched';
    req.log.info({ method: req.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
    done();
  });

  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ProblemFilter());
  setupOpenApi(app);
  await app.init();
  return app;
}

async function bootstrap(): Promise<void> {
  // DATABASE_URL when set, otherwise the embedded PostgreSQL under the data folder (as `npm start` uses it).
  const db = await openLocalDatabase();
  const app = await createApp({ databaseUrl: db.url });
  const config = loadConfig();
  await app.listen(config.port, config.host);
  // Signals are handled here rather than by Nest's shutdown hooks, which re-raise the signal once the application has
  // closed and so would end the process before the embedded database is stopped (leaving PostgreSQL running).
  const shutdown = async () => {
    await app.close();
    await db.stop();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

const isMain = process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (isMain) await bootstrap();
