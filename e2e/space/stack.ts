/**
 * The platform as the space's end-to-end tests need it: the lead's startStack() (embedded PostgreSQL, migrations,
 * API and dashboard from their production builds on free ports), seeded with two associations, one member
 * account each and an admin account, created with the same account helpers as the command line.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAssociation, createDataSource, createUser, freePort } from '@observatoire/db';
import { startStack, type Stack } from '@observatoire/cli/dist/stack.js';
import { seedSamples } from '@observatoire/cli/dist/seed.js';

export const PASSWORD = 'correct-horse-battery-staple';

export const accounts = {
  a: { email: 'membre@aurore.example', slug: 'aurore-paris', name: 'Aurore Paris' },
  b: { email: 'membre@harbour.example', slug: 'safe-harbour-nice', name: 'Safe Harbour Nice' },
  admin: { email: 'admin@collectif.example' },
};

export interface SpaceStack extends Stack {
  dataDir: string;
  /** The private copy of the dashboard's build the stack runs (for starting another dashboard). */
  build: string;
}

async function seed(databaseUrl: string): Promise<void> {
  const ds = await createDataSource(databaseUrl).initialize();
  try {
    const actor = { type: 'cli' as const };
    for (const who of [accounts.a, accounts.b]) {
      await createAssociation(ds, { slug: who.slug, name: who.name }, actor);
      await createUser(ds, { email: who.email, password: PASSWORD, role: 'member', association: who.slug }, actor);
    }
    await createUser(ds, { email: accounts.admin.email, password: PASSWORD, role: 'admin' }, actor);
  } finally {
    await ds.destroy();
  }
}

const dashboardDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'apps', 'dashboard');

function buildRunning(): boolean {
  try {
    return execFileSync('pgrep', ['-f', 'vite build'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

/**
 * A private copy of the dashboard's production build, taken when no build is running: several people rebuild
 * apps/dashboard/build while these tests run, and a server whose lazily imported chunks vanish fails midway.
 * The copy lives under test-results/ (git-ignored) so that its imports still resolve to the repo's node_modules.
 */
async function listing(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = await Promise.all(
    entries
      .filter((e) => e.isFile())
      .map(async (e) => {
        const file = path.join(e.parentPath, e.name);
        const st = await stat(file);
        return `${file}:${st.size}:${st.mtimeMs}`;
      }),
  );
  return files.sort().join('\n');
}

async function snapshotDashboardBuild(): Promise<string> {
  const source = path.join(dashboardDir, 'build');
  const target = path.join(dashboardDir, 'test-results', `build-${process.pid}`);
  // A copy is only kept when no build ran and no file changed while it was taken.
  for (let attempt = 0; attempt < 10; attempt++) {
    for (let i = 0; i < 120 && buildRunning(); i++) await new Promise((r) => setTimeout(r, 1000));
    const before = await listing(source);
    await rm(target, { recursive: true, force: true });
    await cp(source, target, { recursive: true });
    if (!buildRunning() && (await listing(source)) === before) return target;
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error('apps/dashboard/build kept changing: run the space e2e when no dashboard build is running');
}

async function waitForHttp(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`dashboard exited on start:\n${output.join('')}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`dashboard does not answer at ${url}:\n${output.join('')}`);
}

export interface Dashboard {
  url: string;
  /** The private copy of the build it runs, for starting another one. */
  build: string;
  stop(): Promise<void>;
}

/** A dashboard process from a build snapshot, in front of the stack's API, configured as startStack does. */
export async function startDashboard(
  build: string,
  apiUrl: string,
  opts: { port?: number; env?: Record<string, string> } = {},
): Promise<Dashboard> {
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const verbose = process.env.E2E_VERBOSE === '1';
  const child = spawn(process.execPath, [path.join(build, 'index.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ORIGIN: url,
      OBSERVATOIRE_API_URL: apiUrl,
      BODY_SIZE_LIMIT: 'Infinity',
      ...opts.env,
    },
    stdio: verbose ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => output.push(c.toString()));
  child.stderr?.on('data', (c: Buffer) => output.push(c.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await once(child, 'exit');
  };
  try {
    await waitForHttp(`${url}/espace/connexion`, child, output);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, build, stop };
}

export interface SpaceStackOptions {
  /** This PostgreSQL (a test that stops and restarts it) instead of one embedded by the stack. */
  databaseUrl?: string;
  /** Also load the three sample exports and publish them, so that the public pages have a release. */
  samples?: boolean;
}

export async function startSpaceStack(opts: SpaceStackOptions = {}): Promise<SpaceStack> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'observatoire-space-e2e-'));
  const build = await snapshotDashboardBuild();
  const dashboardPort = await freePort();
  const dashboardUrl = `http://127.0.0.1:${dashboardPort}`;
  const privatePort = await freePort();
  const privateUrl = `http://127.0.0.1:${privatePort}`;
  const cleanup = async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(build, { recursive: true, force: true });
  };
  // The seed runs in this process: the ETL keeps its local pseudonym key under the data folder.
  process.env.OBSERVATOIRE_DATA_DIR = dataDir;
  try {
    const stack = await startStack({
      dataDir,
      ...(opts.databaseUrl && { databaseUrl: opts.databaseUrl }),
      dashboardPort,
      seed: async (url) => {
        await seed(url);
        if (opts.samples) await seedSamples(url);
      },
      // E2E_VERBOSE=1 shows the API's and the dashboard's own output while the tests run.
      inheritOutput: process.env.E2E_VERBOSE === '1',
      env: {
        // The API accepts cookie-authenticated writes only from origins it knows: the dashboard's.
        ALLOWED_ORIGINS: `${dashboardUrl},${privateUrl}`,
        // The dashboard streams uploads to the API, which applies the real 50 MB limit and answers 413 itself.
        BODY_SIZE_LIMIT: 'Infinity',
        // Every request of the test comes from 127.0.0.1: keep login throttling out of the journey's way.
        RATE_LIMIT_LOGIN: '1000',
        LOG_LEVEL: 'warn',
      },
    });
    // The dashboard under test: the snapshot, in front of the stack's API.
    let dashboard: Dashboard;
    try {
      dashboard = await startDashboard(build, stack.apiUrl, { port: privatePort });
    } catch (err) {
      await stack.stop();
      throw err;
    }
    return {
      ...stack,
      dashboardUrl: privateUrl,
      dataDir,
      build,
      stop: async () => {
        await dashboard.stop();
        await stack.stop();
        await cleanup();
      },
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
