#!/usr/bin/env node
/**
 * API benchmark (issue 5): the public recruitment-channel series (demo data, latest release), served by the real
 * API build (NestJS on Fastify, helmet, rate limiting, pino request logs all on), against a bare node:http server
 * answering the same JSON bytes, in the same run, on loopback, with autocannon (50 connections, bounded
 * duration); and the API answering revalidations (If-None-Match → 304), what a reverse proxy or CDN in front sends.
 * A measurement, not a target: readers reach the API through the dashboard's server and caches, and the API's
 * Cache-Control and ETags let a proxy or CDN carry a spike (issue 13 retired the "50 % of bare node:http" target).
 *
 * Usage (after `npm run build`): node bench/api.bench.mjs
 *   BENCH_DURATION seconds per measured run (default 6), BENCH_ROUNDS alternating rounds (default 5); medians.
 *   BENCH_DATABASE_URL reuses an already seeded and published database instead of a fresh embedded one.
 *   Results: printed as JSON and Markdown, and written to bench/out/api.json.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DURATION = Number(process.env.BENCH_DURATION ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = 50;
const ROUTE = '/api/v1/stats/series?dimension=recruitmentChannelGroup';

const db = await import(path.join(ROOT, 'packages/db/dist/index.js'));
const { seedDemoIfEmpty } = await import(path.join(ROOT, 'packages/cli/dist/seed.js'));

function child(name, args, env) {
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  proc.stderr.on('data', (d) => (err = (err + d).slice(-4000)));
  proc.on('exit', (code) => {
    if (code && code !== 0 && !proc.stopping) console.error(`${name} exited ${code}\n${err}`);
  });
  return {
    proc,
    async stop() {
      proc.stopping = true;
      if (proc.exitCode !== null) return;
      proc.kill('SIGTERM');
      await once(proc, 'exit');
    },
  };
}

async function waitFor(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no answer from ${url}`);
}

/** Clock ticks per second of /proc/<pid>/stat times: USER_HZ, 100 on Linux. */
const USER_HZ = 100;

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
}

/** One measured run; also the server's CPU time per answered request (steadier than rates on a shared machine). */
function run(url, pid, headers = {}) {
  const before = cpuSeconds(pid);
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION }, (err, result) => {
      if (err) return reject(err);
      result.cpuMicrosPerRequest = ((cpuSeconds(pid) - before) * 1e6) / Math.max(1, result.requests.total);
      resolve(result);
    });
  });
}

async function warm(url) {
  await new Promise((resolve, reject) =>
    autocannon({ url, connections: CONNECTIONS, duration: 2 }, (err, r) => (err ? reject(err) : resolve(r))),
  );
}

const tmp = await mkdtemp(path.join(os.tmpdir(), 'observatoire-api-bench-'));
let pg;
const stops = [];
try {
  let url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    pg = await db.startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg') });
    url = db.withDatabase(pg.url, 'observatoire');
    await db.ensureDatabase(url);
    await db.runMigrations(url);
    process.env.OBSERVATOIRE_DATA_DIR = tmp;
    // The demo data of `npm start`, published as its first release.
    await seedDemoIfEmpty(url);
  }

  const apiPort = await db.freePort();
  // As `npm start` and the API image run it (heap cap), optionally profiled (BENCH_API_PROF=dir).
  const profile = process.env.BENCH_API_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_API_PROF}`] : [];
  const api = child('API', [...profile, '--max-old-space-size=1024', 'apps/api/dist/main.js'], {
    DATABASE_URL: url,
    OBSERVATOIRE_DATA_DIR: tmp,
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    DB_SKIP_MIGRATIONS: '1',
    IMPORT_WORKER: '0',
    NODE_ENV: 'production',
    // Production never generates one; nothing is imported here.
    OBSERVATOIRE_PSEUDONYM_KEY: randomBytes(32).toString('hex'),
    // One client address sends everything here: the limit is raised (not removed) so its cost is measured.
    RATE_LIMIT_PUBLIC: '1000000000',
    // Loopback is exempt by default (the dashboard's server); not here, so the limiter runs on every request.
    RATE_LIMIT_ALLOW: '',
  });
  stops.push(api.stop);
  const apiBase = `http://127.0.0.1:${apiPort}`;
  await waitFor(`${apiBase}/api/health`);
  const first = await fetch(apiBase + ROUTE);
  if (first.status !== 200) throw new Error(`series: HTTP ${first.status} ${await first.text()}`);
  const body = Buffer.from(await first.arrayBuffer());
  const etag = first.headers.get('etag');

  const bodyFile = path.join(tmp, 'series.json');
  await writeFile(bodyFile, body);
  const barePort = await db.freePort();
  const bareSource = `
    const http = require('node:http');
    const body = require('node:fs').readFileSync(${JSON.stringify(bodyFile)});
    http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, etag: ${JSON.stringify(etag)} });
      res.end(body);
    }).listen(${barePort}, '127.0.0.1');`;
  const bare = child('bare', ['-e', bareSource], {});
  stops.push(bare.stop);
  const bareUrl = `http://127.0.0.1:${barePort}/`;
  await waitFor(bareUrl);

  const conditional = await fetch(apiBase + ROUTE, { headers: { 'if-none-match': etag } });
  const notModified = conditional.status === 304 && (await conditional.arrayBuffer()).byteLength === 0;

  await warm(bareUrl);
  await warm(apiBase + ROUTE);
  const runs = { bare: [], api: [], revalidate: [] };
  for (let i = 0; i < ROUNDS; i++) {
    runs.bare.push(await run(bareUrl, bare.proc.pid));
    runs.api.push(await run(apiBase + ROUTE, api.proc.pid));
    runs.revalidate.push(await run(apiBase + ROUTE, api.proc.pid, { 'if-none-match': etag }));
  }
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  const summarise = (list) => ({
    rps: Math.round(median(list.map((r) => r.requests.average))),
    p50ms: median(list.map((r) => r.latency.p50)),
    p99ms: median(list.map((r) => r.latency.p99)),
    p99msWorst: Math.max(...list.map((r) => r.latency.p99)),
    cpuMicrosPerRequest: Math.round(median(list.map((r) => r.cpuMicrosPerRequest))),
    // Errors, and answers other than the 200 (or 304 when revalidating) expected.
    errors: list.reduce((s, r) => s + r.errors + r.non2xx - (r['3xx'] ?? 0), 0),
  });
  const bareStats = summarise(runs.bare);
  const apiStats = summarise(runs.api);
  const revalidateStats = summarise(runs.revalidate);
  // Each round's API rate against the bare rate of the same round, then the median of those ratios.
  const ratio = median(runs.api.map((r, i) => r.requests.average / runs.bare[i].requests.average));
  const result = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    // The machine is shared: a high load average during the run means other work competed for the two cores.
    loadAverage1m: Math.round(os.loadavg()[0] * 10) / 10,
    route: ROUTE,
    bodyBytes: body.length,
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    rounds: ROUNDS,
    bare: bareStats,
    api: apiStats,
    revalidate304: revalidateStats,
    ratio: Math.round(ratio * 1000) / 1000,
    conditional304: notModified,
  };
  await mkdir(path.join(ROOT, 'bench/out'), { recursive: true });
  await writeFile(path.join(ROOT, 'bench/out/api.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));
  console.log(`
| server | req/s | p50 | p99 (worst round) | server CPU per request | errors |
| --- | ---: | ---: | ---: | ---: | ---: |
| bare node:http, same bytes | ${bareStats.rps} | ${bareStats.p50ms} ms | ${bareStats.p99ms} ms (${bareStats.p99msWorst}) | ${bareStats.cpuMicrosPerRequest} µs | ${bareStats.errors} |
| API (NestJS + Fastify) | ${apiStats.rps} | ${apiStats.p50ms} ms | ${apiStats.p99ms} ms (${apiStats.p99msWorst}) | ${apiStats.cpuMicrosPerRequest} µs | ${apiStats.errors} |
| API, If-None-Match → 304 | ${revalidateStats.rps} | ${revalidateStats.p50ms} ms | ${revalidateStats.p99ms} ms (${revalidateStats.p99msWorst}) | ${revalidateStats.cpuMicrosPerRequest} µs | ${revalidateStats.errors} |

Medians of ${ROUNDS} alternating rounds of ${DURATION} s, ${result.machine}, Node ${process.version}, load average ${result.loadAverage1m}. API / bare (per round, median): ${(ratio * 100).toFixed(1)} %; If-None-Match → 304: ${notModified ? 'yes' : 'NO'}`);
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => {});
  if (pg) await pg.stop().catch(() => {});
  await rm(tmp, { recursive: true, force: true });
}
