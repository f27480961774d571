import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController } from 'fastify';
import pino from 'pino';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { openLocalDatabase, runMigrations } from '@observatoire/db';
import { loadPseudonymKey } from '@observatoire/etl';
import { AppModule } from './app.module.js';
import { loadConfig, type ApiConfig } from './config/config.js';
import { PinoNestLogger, requestLogWriter } from './common/logger.js';
import { registerSecurityHeaders } from './common/security-headers.js';
import { ProblemFilter } from './common/problem.filter.js';
import { setupOpenApi } from './openapi/openapi.js';
import { perMinute, rateLimitStores } from './common/rate-limit.js';
import { publicLookups, registerPublicFastPath } from './releases/public-fast-path.js';
import { PublicFront } from './releases/public-front.js';
import { ReleasesService } from './releases/releases.service.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The client's X-Request-Id when it is a sensible one, else a new UUID. */
function requestId(req: { headers: Record<string, string | string[] | undefined> }): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Builds the application (migrations, plugins, routes, OpenAPI) without listening, so that tests can use
 * `app.inject()` or `app.listen()` on a free port.
 */
export async function createApp(overrides: Partial<ApiConfig> = {}): Promise<NestFastifyApplication> {
  const config = loadConfig(process.env, overrides);
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required');
  // Production never generates a pseudonym key: refuse to start without one rather than at the first upload.
  if (config.production) await loadPseudonymKey(process.env, true);
  if (!config.skipMigrations) await runMigrations(config.databaseUrl);

  // Answers cached public reads before Fastify (releases/public-front.ts); opened once the app is built.
  const front = new PublicFront();
  const adapter = new FastifyAdapter({
    serverFactory: front.serverFactory,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // We register @fastify/multipart ourselves (uploads stream to disk in the imports service).
    multipart: false,
    // One line per request from our onResponse hook instead of two from Fastify.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: requestId,
    logger: {
      level: config.logLevel,
      // Buffered, asynchronous writes to stdout: one write per few kilobytes of log lines instead of one system
      // call per request (a quarter of the throughput of the public routes under load). pino flushes on exit.
      stream: pino.destination({ dest: 1, sync: false, minLength: 4096 }),
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
  fastify.decorate('publicFront', front);

  const securityHeaders = registerSecurityHeaders(fastify);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 10 } });
  const rateStores = rateLimitStores();
  await app.register(rateLimit, {
    global: false,
    store: rateStores.Store,
    keyGenerator: (req) => req.ip,
    allowList: (req) => config.rateLimitAllowList.includes(req.ip),
    // Retry-After when limited; no X-RateLimit-* on every public answer (bytes and work on the hot path).
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    addHeaders: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
      'retry-after': true,
    },
  });

  // Callback hooks, not async ones: an async hook puts a promise and a microtask hop on every answer.
  fastify.addHook('onSend', (req, reply, payload, done) => {
    reply.header('x-request-id', req.id);
    done(null, payload);
  });
  const logRequest = requestLogWriter(fastify.log);
  fastify.addHook('onResponse', (req, reply, done) => {
    logRequest(
      String(req.id),
      req.method,
      req.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      Math.round(reply.elapsedTime),
    );
    done();
  });

  // Before app.init(), where Nest adds its routes to Fastify.
  const lookups = publicLookups(app.get(ReleasesService));
  registerPublicFastPath(fastify, lookups.routes);
  // From the start of shutdown everything goes through Fastify and Nest (which answer 503 while closing).
  fastify.addHook('preClose', (done) => {
    front.close();
    done();
  });

  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
  setupOpenApi(app);
  await app.init();
  front.open({
    lookup: lookups.front,
    securityHeaders,
    requestId,
    trustProxy: config.trustProxy,
    takePublic: (ip) =>
      config.rateLimitAllowList.includes(ip) || rateStores.takePublic(ip, perMinute(config.rateLimitPublicPerMinute)),
    log: logRequest,
  });
  return app;
}

async function bootstrap(): Promise<void> {
  let stopDb: () => Promise<void> = async () => {};
  if (!process.env.DATABASE_URL) {
    const db = await openLocalDatabase();
    process.env.DATABASE_URL = db.url;
    stopDb = db.stop;
  }
  const app = await createApp();
  const config = loadConfig();
  await app.listen(config.port, config.host);
  const shutdown = async () => {
    await app.close();
    await stopDb();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

const isMain = process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (isMain) await bootstrap();
