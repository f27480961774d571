import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@observatoire/db';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The command as npm links it (`node_modules/.bin/observatoire`): the launcher under bin/. */
const BIN = path.join(ROOT, 'packages/cli/bin/observatoire.js');

/** The environment of an operator's shell on a fresh machine: the embedded database, no DATABASE_URL. */
function operatorEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OBSERVATOIRE_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  return env;
}

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(args: string[], dataDir: string): Run {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: operatorEnv(dataDir) });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The child processes of a process, from /proc (the services `start` supervises). */
function childrenOf(pid: number): { pid: number; cmdline: string }[] {
  const out: { pid: number; cmdline: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      if (Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]) !== pid) continue;
      out.push({ pid: Number(entry), cmdline: readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ') });
    } catch {
      // The process ended meanwhile.
    }
  }
  return out;
}

describe('the operator’s commands on the embedded database (real processes)', () => {
  const dirs: string[] = [];
  const started: Run[] = [];
  const freshDataDir = async () => {
    const d = await mkdtemp(path.join(os.tmpdir(), 'observatoire-operator-'));
    dirs.push(d);
    return d;
  };
  afterAll(async () => {
    for (const r of started) if (r.child.exitCode === null) r.child.kill('SIGKILL');
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('three `migrate` at once on a fresh data folder: one initialises, the others wait, all succeed', async () => {
    const dataDir = await freshDataDir();
    const runs = [0, 1, 2].map(() => run(['migrate'], dataDir));
    const codes = await Promise.all(runs.map((r) => r.exited));
    const outputs = runs.map((r) => r.output());
    expect(codes, outputs.join('\n---\n')).toEqual([0, 0, 0]);
    expect(outputs.filter((o) => o.includes('Migrations appliquées / applied')).length).toBe(1);
    for (const o of outputs) {
      expect(o).not.toMatch(/initdb|undefined|already exists|FATAL/i);
    }
    // The folder holds one cluster, and no lock or user mark is left behind.
    expect((await readdir(dataDir)).sort()).toEqual(['pg', 'pg.port', 'pg.users']);
    expect(await readdir(path.join(dataDir, 'pg.users'))).toEqual([]);
  }, 300_000);

  it('admin commands run while `start` runs, on its database; `start` restarts a crashed API', async () => {
    const dataDir = await freshDataDir();
    const [port, apiPort] = [await freePort(), await freePort()];
    const start = run(['start', '--no-demo', '--port', String(port), '--api-port', String(apiPort)], dataDir);
    started.push(start);
    await until('start to be ready', async () => /est prêt \/ is ready/.test(start.output()), 240_000);
    const portFile = await readFile(path.join(dataDir, 'pg.port'), 'utf8');

    const create = run(['admin', 'association:create', '--slug', 'asso-op', '--name', 'Asso Op'], dataDir);
    expect(await create.exited, create.output()).toBe(0);
    const list = run(['admin', 'association:list'], dataDir);
    expect(await list.exited, list.output()).toBe(0);
    expect(list.output()).toContain('asso-op');
    // Found through the data folder: the port file is the one `start` wrote, untouched.
    expect(await readFile(path.join(dataDir, 'pg.port'), 'utf8')).toBe(portFile);

    // The API dies (killed, out of memory): `start` says so and starts it again.
    const api = childrenOf(start.child.pid!).find((c) => c.cmdline.includes('apps/api/dist/main.js'));
    expect(api, JSON.stringify(childrenOf(start.child.pid!))).toBeDefined();
    process.kill(api!.pid, 'SIGKILL');
    await until('the restart', async () => /API redémarré \/ restarted/.test(start.output()), 120_000);
    expect(start.output()).toMatch(/API s'est arrêté \(signal SIGKILL\) : redémarrage dans 1 s/);
    const health = await fetch(`http://127.0.0.1:${apiPort}/api/health`);
    expect(health.status).toBe(200);
    const again = childrenOf(start.child.pid!).find((c) => c.cmdline.includes('apps/api/dist/main.js'));
    expect(again?.pid).not.toBe(api!.pid);

    start.child.kill('SIGTERM');
    expect(await start.exited).toBe(0);
    expect(start.output()).toContain('Arrêté / stopped.');
  }, 400_000);

  it('a second `start` on the same data folder says clearly that one already runs', async () => {
    const dataDir = await freshDataDir();
    const first = run(['migrate'], dataDir);
    expect(await first.exited).toBe(0);
    const [port, apiPort] = [await freePort(), await freePort()];
    const a = run(['start', '--no-demo', '--port', String(port), '--api-port', String(apiPort)], dataDir);
    started.push(a);
    await until('start to be ready', async () => /est prêt \/ is ready/.test(a.output()), 240_000);
    const [port2, apiPort2] = [await freePort(), await freePort()];
    const b = run(['start', '--no-demo', '--port', String(port2), '--api-port', String(apiPort2)], dataDir);
    expect(await b.exited).toBe(1);
    expect(b.output()).toMatch(/Une base PostgreSQL tourne déjà sur .* \/ A PostgreSQL server already runs on/);
    expect(b.output()).not.toMatch(/undefined/);
    a.child.kill('SIGTERM');
    expect(await a.exited).toBe(0);
  }, 400_000);
});
