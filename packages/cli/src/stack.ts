import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { config } from '@observatoire/config';
import {
  freePort,
  isPortFree,
  openLocalDatabase,
  repoRoot,
  runMigrations,
  startEmbeddedPostgres,
  withDatabase,
  ensureDatabase,
} from '@observatoire/db';

export interface StackOptions {
  /** Local state (embedded database, uploads, pseudonym key). Default: `.data/` at the repo root. */
  dataDir?: string;
  /** Use this PostgreSQL instead of the embedded one. */
  databaseUrl?: string;
  apiPort?: number;
  dashboardPort?: number;
  host?: string;
  /** Runs once the database is migrated, before the API starts (loads data, publishes a release). */
  seed?: (databaseUrl: string) => Promise<unknown>;
  /** Extra environment for the API and dashboard processes. */
  env?: Record<string, string>;
  log?: (line: string) => void;
  /** Forward the servers' own output (npm start) or keep it for error messages only (tests). */
  inheritOutput?: boolean;
  /**
   * The embedded database is this stack's alone (`npm start`): refuse to run on a server another process started.
   * Commands run beside it (admin, import, migrate) use this stack's server.
   */
  exclusiveDatabase?: boolean;
  /** First delay before a crashed API or dashboard is started again (doubled at each crash in a row, up to 30 s). */
  restartDelayMs?: number;
}

export interface Stack {
  databaseUrl: string;
  apiUrl: string;
  dashboardUrl: string;
  stop(): Promise<void>;
}

interface Service {
  name: string;
  script: string;
  env: Record<string, string>;
  inherit: boolean;
  child: ChildProcess;
  output: string[];
  /** Set by `stopService`: an exit is then expected, not a crash. */
  stopping: boolean;
  restartTimer?: NodeJS.Timeout;
}

/**
 * Node sizes its heap from the machine's memory and then lets garbage pile up to a large fraction of it: a stated
 * cap keeps collections frequent and memory near what is live, at no cost in speed (measured in docs/benchmarks.md).
 * 1 GB leaves ample room; NODE_OPTIONS can set another.
 */
export function withHeapCap(nodeOptions: string | undefined): string {
  if (nodeOptions?.includes('--max-old-space-size')) return nodeOptions;
  return `${nodeOptions ?? ''} --max-old-space-size=1024`.trim();
}

function spawnChild(service: Service): void {
  const child = spawn(process.execPath, [service.script], {
    cwd: repoRoot(),
    // Own process group: a terminal's Ctrl-C reaches only the supervisor, which stops the services in order
    // (dashboard, API with its workers, then the database) instead of all at once.
    detached: true,
    env: { ...process.env, NODE_OPTIONS: withHeapCap(config().NODE_OPTIONS), ...service.env },
    stdio: service.inherit ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    service.output.push(chunk.toString());
    if (service.output.length > 200) service.output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  service.child = child;
}

function startService(name: string, script: string, env: Record<string, string>, inherit: boolean): Service {
  const service = { name, script, env, inherit, output: [], stopping: false } as unknown as Service;
  spawnChild(service);
  return service;
}

/** A service that ran this long before crashing starts its backoff again from the first delay. */
const STABLE_MS = 60_000;
const MAX_RESTART_DELAY_MS = 30_000;

/**
 * Watches a started service: when it exits without being asked to (a crash, an out-of-memory kill), it is started
 * again after a delay that doubles with each crash in a row (1 s, 2 s, 4 s… up to 30 s), and both are logged.
 */
function supervise(service: Service, healthUrl: string, firstDelayMs: number, log: (line: string) => void): void {
  let crashes = 0;
  let startedAt = Date.now();
  const watch = () => {
    service.child.once('exit', (code, signal) => {
      if (service.stopping) return;
      if (Date.now() - startedAt > STABLE_MS) crashes = 0;
      const delay = Math.min(MAX_RESTART_DELAY_MS, firstDelayMs * 2 ** crashes);
      crashes++;
      const how = signal ? `signal ${signal}` : `code ${code}`;
      const seconds = (delay / 1000).toLocaleString('fr-FR');
      log(
        `${service.name} s'est arrêté (${how}) : redémarrage dans ${seconds} s (arrêt n° ${crashes}). / ` +
          `${service.name} stopped (${how}): restarting in ${delay / 1000} s (crash ${crashes}).`,
      );
      service.restartTimer = setTimeout(() => {
        if (service.stopping) return;
        startedAt = Date.now();
        spawnChild(service);
        watch();
        waitForHttp(healthUrl, service).then(
          () => log(`${service.name} redémarré / restarted.`),
          (err: unknown) =>
            log(
              `${service.name} ne redémarre pas / does not restart: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
            ),
        );
      }, delay);
    });
  };
  watch();
}

async function waitForHttp(url: string, service: Service, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) {
      throw new Error(
        `${service.name} s'est arrêté au démarrage / exited on start (code ${service.child.exitCode}):\n${service.output.join('')}`,
      );
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.status < 500) return;
      lastError = `HTTP ${res.status}`;
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(
    `${service.name} ne répond pas / does not answer at ${url}: ${lastError}\n${service.output.join('')}`,
  );
}

async function stopService(service: Service): Promise<void> {
  service.stopping = true;
  if (service.restartTimer) clearTimeout(service.restartTimer);
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill('SIGTERM');
  const timer = setTimeout(() => service.child.kill('SIGKILL'), 10_000);
  await once(service.child, 'exit');
  clearTimeout(timer);
}

/**
 * The whole platform as `npm start` runs it and as the end-to-end tests use it: PostgreSQL (embedded unless a URL
 * is given), migrations, optional seeding, then the API and the dashboard from their production builds.
 */
export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const log = opts.log ?? (() => {});
  const host = opts.host ?? '127.0.0.1';
  const root = repoRoot();
  let databaseUrl: string;
  let stopDb: () => Promise<void> = async () => {};
  if (opts.databaseUrl) {
    databaseUrl = opts.databaseUrl;
    await ensureDatabase(databaseUrl);
  } else if (opts.dataDir) {
    // The seed callback runs in this process: the ETL keeps its local pseudonym key under the data folder.
    process.env.OBSERVATOIRE_DATA_DIR = path.resolve(opts.dataDir);
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(opts.dataDir, 'pg') });
    databaseUrl = withDatabase(embedded.url, 'observatoire');
    await ensureDatabase(databaseUrl);
    stopDb = () => embedded.stop();
  } else {
    const handle = await openLocalDatabase(undefined, { exclusive: opts.exclusiveDatabase });
    databaseUrl = handle.url;
    stopDb = () => handle.stop();
  }
  const services: Service[] = [];
  // Never leave servers behind if this process dies without stopping them.
  const killAll = () => services.forEach((s) => s.child.exitCode === null && s.child.kill('SIGKILL'));
  process.once('exit', killAll);
  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      for (const s of [...services].reverse()) await stopService(s);
      process.off('exit', killAll);
      // The database may already be down (a terminal's Ctrl-C reaches PostgreSQL too): nothing left to do then.
      await stopDb().catch(() => {});
    })());
  try {
    // Ports first: a busy port should fail at once, not after the demo data was loaded.
    const apiPort = opts.apiPort ?? (await freePort());
    const dashboardPort = opts.dashboardPort ?? (await freePort());
    for (const [port, what] of [
      [apiPort, 'API (--api-port / API_PORT)'],
      [dashboardPort, 'tableau de bord / dashboard (--port / PORT)'],
    ] as const) {
      if (!(await isPortFree(port, host))) {
        throw new Error(
          `Le port ${port} est déjà utilisé : arrêtez l'autre programme ou choisissez un autre port pour ${what}. / ` +
            `Port ${port} is already in use: stop the other program or choose another port.`,
        );
      }
    }
    const applied = await runMigrations(databaseUrl);
    if (applied.length) log(`Migrations appliquées / applied: ${applied.length}`);
    if (opts.seed) await opts.seed(databaseUrl);

    const apiUrl = `http://${host}:${apiPort}`;
    const dashboardUrl = `http://${host}:${dashboardPort}`;
    const common: Record<string, string> = {
      DATABASE_URL: databaseUrl,
      ...(opts.dataDir ? { OBSERVATOIRE_DATA_DIR: path.resolve(opts.dataDir) } : {}),
      ...opts.env,
    };
    const api = startService(
      'API',
      path.join(root, 'apps/api/dist/main.js'),
      {
        // Cookie-authenticated changes (the association space, through the dashboard's /api proxy) come from the
        // dashboard's origin, whatever its port.
        ALLOWED_ORIGINS: `${dashboardUrl},http://localhost:${dashboardPort}`,
        ...common,
        PORT: String(apiPort),
        HOST: host,
        DB_SKIP_MIGRATIONS: '1',
      },
      opts.inheritOutput ?? false,
    );
    services.push(api);
    const dashboard = startService(
      'Dashboard',
      path.join(root, 'apps/dashboard/build/index.js'),
      {
        // Uploads stream through the dashboard to the API, which enforces the real limit (413) itself.
        BODY_SIZE_LIMIT: 'Infinity',
        ...common,
        PORT: String(dashboardPort),
        HOST: host,
        ORIGIN: dashboardUrl,
        OBSERVATOIRE_API_URL: apiUrl,
      },
      opts.inheritOutput ?? false,
    );
    services.push(dashboard);
    // The API first: the dashboard's pages need it, and asking them earlier only fills the logs with retries.
    await waitForHttp(`${apiUrl}/api/health`, api);
    await waitForHttp(`${dashboardUrl}/`, dashboard);
    const firstDelay = opts.restartDelayMs ?? 1_000;
    supervise(api, `${apiUrl}/api/health`, firstDelay, log);
    supervise(dashboard, `${dashboardUrl}/`, firstDelay, log);
    return { databaseUrl, apiUrl, dashboardUrl, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
