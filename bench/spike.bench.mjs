#!/usr/bin/env node
/**
 * The 30 July spike at the dashboard's origin (issue 13): how many public answers per second the dashboard
 * serves, and their p99, for what readers and a shared cache in front (reverse proxy, CDN) send it:
 *   - a page of the latest release, anonymous: served from the 10-second page cache;
 *   - the same page rendered for every request (Cache-Control: no-cache on the request): the worst case;
 *   - revalidations (If-None-Match with the page's ETag → 304, no body): what a CDN sends once the page's
 *     s-maxage (300 s) has passed, while stale-while-revalidate lets it keep answering readers;
 *   - a page naming a release (immutable), an embed, and the Open Graph image a social network fetches on
 *     every share (chart PNGs are rendered per request at the origin: a shared cache is what carries them).
 * Loopback only (127.0.0.1), 50 connections, a few seconds per run, alternating rounds, medians.
 * A measurement, not a test: docs/benchmarks.md keeps the figures with date and machine.
 *
 * Usage (after `npm run build`): npm exec -- node bench/spike.bench.mjs (the project's Node)
 *   BENCH_DURATION seconds per run (default 4), BENCH_ROUNDS (default 3), BENCH_DASHBOARD_URL to reuse a
 *   running platform. Results printed as JSON and Markdown, and written to bench/out/spike.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startPlatform } from './platform.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DURATION = Number(process.env.BENCH_DURATION ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 50;
/** Seconds a shared cache keeps a latest-release answer before revalidating it (lib/server/http-cache.ts). */
const S_MAXAGE = 300;
const SETTLE_MS = 3000;

function cannon(url, headers = {}, duration = DURATION) {
  return new Promise((resolve, reject) =>
    autocannon({ url, headers, connections: CONNECTIONS, duration }, (err, r) => (err ? reject(err) : resolve(r))),
  );
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const p = await startPlatform();
try {
  const base = p.url.replace('localhost', '127.0.0.1');
  if (!new URL(base).hostname.startsWith('127.')) throw new Error(`loopback only: ${base}`);
  const page = `${base}/recruitment-channels`;
  const head = await fetch(page);
  await head.arrayBuffer();
  const etag = head.headers.get('etag');
  const release = /publication ([\w.-]+)/i.exec(await (await fetch(`${base}/methodology`)).text())?.[1] ?? 'bench-demo';
  const scenarios = [
    { name: 'latest page, page cache', url: page, headers: {}, expect: 200 },
    { name: 'latest page, rendered every time', url: page, headers: { 'cache-control': 'no-cache' }, expect: 200 },
    { name: 'revalidation (If-None-Match → 304)', url: page, headers: { 'if-none-match': etag }, expect: 304 },
    { name: 'page naming a release', url: `${page}?release=${release}`, headers: {}, expect: 200 },
    { name: 'embed, latest', url: `${base}/embed/online-offline`, headers: {}, expect: 200 },
    { name: 'Open Graph image (PNG)', url: `${base}/charts/online-offline/preview.png`, headers: {}, expect: 200 },
  ];
  for (const s of scenarios) {
    await cannon(s.url, s.headers, 1); // warm-up: JIT, API answers cached
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  }
  const runs = Object.fromEntries(scenarios.map((s) => [s.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const s of scenarios) {
      const r = await cannon(s.url, s.headers);
      // autocannon stops sending, the server still drains what it had queued (slow PNGs): let it settle.
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const answered = r.requests.total;
      const wrong = s.expect === 304 ? answered - (r['3xx'] ?? 0) : r.non2xx;
      runs[s.name].push({ rps: r.requests.average, p99: r.latency.p99, p50: r.latency.p50, wrong, errors: r.errors });
    }
  }
  const results = scenarios.map((s) => ({
    scenario: s.name,
    path: new URL(s.url).pathname + new URL(s.url).search,
    answersPerSecond: Math.round(median(runs[s.name].map((x) => x.rps))),
    p50Ms: median(runs[s.name].map((x) => x.p50)),
    p99Ms: median(runs[s.name].map((x) => x.p99)),
    unexpectedStatus: runs[s.name].reduce((n, x) => n + x.wrong + x.errors, 0),
  }));
  // The unfiltered public URLs of one release, in both languages: 6 pages, and for each of the 7 charts its embed
  // and its 6 files (SVG, PNG, preview, 2 CSV, ZIP). Filters multiply them; each still costs one revalidation.
  const publicUrls = 2 * (6 + 7 * (1 + 6));
  const result = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    loadAverage1m: +os.loadavg()[0].toFixed(1),
    connections: CONNECTIONS,
    durationS: DURATION,
    rounds: ROUNDS,
    results,
    // With s-maxage, a shared cache asks the origin for each URL at most once per S_MAXAGE seconds (one
    // revalidation, usually a 304), however many readers it serves.
    sharedCache: {
      sMaxageS: S_MAXAGE,
      illustrativePublicUrls: publicUrls,
      originRequestsPerSecondPerCacheNode: +(publicUrls / S_MAXAGE).toFixed(2),
    },
  };
  await mkdir(path.join(ROOT, 'bench', 'out'), { recursive: true });
  await writeFile(path.join(ROOT, 'bench', 'out', 'spike.json'), JSON.stringify(result, null, 2));
  console.log(JSON.stringify(result, null, 2));
  console.log(`
| at the origin (${CONNECTIONS} connections, loopback) | answers/s | p50 | p99 | unexpected |
| --- | --- | --- | --- | --- |
${results.map((r) => `| ${r.scenario} | ${r.answersPerSecond} | ${r.p50Ms} ms | ${r.p99Ms} ms | ${r.unexpectedStatus} |`).join('\n')}

Medians of ${ROUNDS} alternating rounds of ${DURATION} s, ${result.machine}, load average ${result.loadAverage1m}.
Behind a shared cache (s-maxage ${S_MAXAGE} s): about ${publicUrls} public URLs cost the origin at most ${result.sharedCache.originRequestsPerSecondPerCacheNode} requests/s per cache node, whatever the number of readers.`);
} finally {
  await p.stop();
}
