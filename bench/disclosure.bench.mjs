#!/usr/bin/env node
/**
 * Disclosure control benchmark (issue 11): for two data sets (the demo data, and another seed with other
 * associations), the whole platform on loopback (embedded PostgreSQL, API), then:
 *   1. the first release: the audit's time (a dry run, the same work as publishing), cells, withheld, published mass;
 *   2. the project's attack against it (`observatoire attack`: every public number over HTTP, integer programming);
 *   3. a new association sends 3 cases for 2023, a second release is published, both releases attacked together;
 *   4. an association withdraws, a third release, all three attacked together.
 * Bounded: one stack at a time, loopback only, each step once.
 *
 * Usage (after `npm run build`): node bench/disclosure.bench.mjs
 *   BENCH_SETS=1 runs the demo data only. Results: printed, and written to bench/out/disclosure.json.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { startStack } = await import(path.join(ROOT, 'packages/cli/dist/stack.js'));
const { seedFiles } = await import(path.join(ROOT, 'packages/cli/dist/seed.js'));
const { runImport } = await import(path.join(ROOT, 'packages/etl/dist/index.js'));
const { DEMO_SEED, generateDemoExports } = await import(path.join(ROOT, 'packages/cli/dist/demo/index.js'));
const stats = await import(path.join(ROOT, 'packages/stats/dist/index.js'));

const SETS = [
  { name: 'demo', seed: DEMO_SEED, cases: 5000, prefix: '' },
  { name: 'second', seed: 424242, cases: 3500, prefix: 'autre-' },
].slice(0, Number(process.env.BENCH_SETS ?? 2));

/** Each step's results as soon as they are known (a long run shows where it stands). */
const progress = (out) => console.error(`[${new Date().toISOString()}] ${JSON.stringify(out)}`);

const seconds = (t) => Math.round((performance.now() - t) / 100) / 10;

async function untilListed(apiUrl, slug) {
  for (let i = 0; i < 100; i++) {
    const list = await (await fetch(`${apiUrl}/api/v1/releases`)).json();
    if (list.some((r) => r.slug === slug)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`release ${slug} not listed`);
}

/** Every release attacked together; the true counts are those the releases were built from (all years frozen). */
async function attackAll(apiUrl, truth) {
  const t = performance.now();
  const collection = await stats.collect(apiUrl);
  const report = await stats.attack(collection, truth);
  return {
    seconds: seconds(t),
    urls: collection.urls,
    numbers: collection.numbers,
    servedOutsideSurface: collection.servedOutsideSurface.length,
    contradictions: collection.contradictions.length,
    ...report,
    examples: report.examples.slice(0, 5),
  };
}

/** A new association uploads 3 cases for 2023, through the real ETL (an English CSV export, as in shared/samples). */
async function addNewAssociation(pool, slug, dir) {
  await pool.query(`INSERT INTO association (slug, name, is_demo) VALUES ($1, $1, true)`, [slug]);
  const file = path.join(dir, `${slug}.csv`);
  await writeFile(
    file,
    'case_id,year,gender,age_at_recruitment,citizenship,exploitation_type,recruitment_method,recruitment_platforms\n' +
      ['NA1', 'NA2', 'NA3']
        .map((id) => `${id},2023,Feminine,16,NG,SexualExploitation,ThroughOnlineSocialNetworks,TikTok`)
        .join('\n') +
      '\n',
  );
  const result = await runImport({ db: pool, file, fileName: path.basename(file), association: slug });
  if (result.outcome !== 'committed') throw new Error(`the 3-case upload was not committed: ${result.outcome}`);
}

const results = [];
for (const set of SETS) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'observatoire-disclosure-bench-'));
  const stack = await startStack({
    dataDir,
    env: { LOG_LEVEL: 'warn' },
    seed: async (databaseUrl) => {
      const exports = await generateDemoExports(path.join(dataDir, 'demo'), { seed: set.seed, cases: set.cases });
      await seedFiles(
        databaseUrl,
        exports.map((e) => ({
          slug: set.prefix + e.associationSlug,
          name: set.prefix + e.associationName,
          file: e.file,
          isDemo: true,
        })),
        { slug: 'r1', notes: { fr: 'Données fictives.', en: 'Fictional data.' } },
      );
    },
  });
  const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
  try {
    const out = { set: set.name, seed: set.seed, cases: set.cases };
    let t = performance.now();
    const preview = await stats.previewRelease(pool);
    out.auditSeconds = seconds(t);
    out.years = preview.years.length;
    out.cells = preview.cells;
    out.withheld = preview.withheld;
    out.solves = preview.solves;
    out.failures = preview.failures.length;
    out.publishedMass = preview.publishedMass;
    progress(out);
    await untilListed(stack.apiUrl, 'r1');
    const truth = await stats.loadCases(pool);
    out.attackR1 = await attackAll(stack.apiUrl, truth);
    progress(out);

    await addNewAssociation(pool, `${set.prefix}nouvelle-asso`, dataDir);
    t = performance.now();
    await stats.publishRelease(pool, { slug: 'r2' });
    out.publishR2Seconds = seconds(t);
    progress(out);
    await untilListed(stack.apiUrl, 'r2');
    out.attackR1R2 = await attackAll(stack.apiUrl, truth);
    progress(out);

    const withdrawn = (await pool.query(`SELECT id, slug FROM association ORDER BY slug LIMIT 1`)).rows[0];
    await pool.query(`UPDATE association SET withdrawn_at = now() WHERE id = $1`, [withdrawn.id]);
    t = performance.now();
    const r3 = await stats.publishRelease(pool, { slug: 'r3' });
    out.publishR3Seconds = seconds(t);
    out.frozenYearsR3 = r3.frozenYears;
    progress(out);
    await untilListed(stack.apiUrl, 'r3');
    out.attackR1R2R3 = await attackAll(stack.apiUrl, truth);
    progress(out);
    results.push(out);
    console.log(JSON.stringify(out, null, 2));
  } finally {
    await pool.end();
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), load ${os.loadavg()[0].toFixed(1)}, Node ${process.version}`;
await mkdir(path.join(ROOT, 'bench/out'), { recursive: true });
await writeFile(
  path.join(ROOT, 'bench/out/disclosure.json'),
  JSON.stringify({ date: new Date().toISOString(), machine, results }, null, 2),
);
console.log(`\n${new Date().toISOString()} — ${machine}`);
console.log(
  '| data | audit (s) | cells | withheld | attack: URLs / numbers | pinned (small) | narrowed | truth outside | years differing |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  for (const [label, a] of [
    ['r1', r.attackR1],
    ['r1+r2', r.attackR1R2],
    ['r1+r2+r3', r.attackR1R2R3],
  ]) {
    console.log(
      `| ${r.set} ${label} | ${r.auditSeconds} | ${r.cells} | ${Object.values(r.withheld).reduce((x, y) => x + y, 0)} | ${a.urls} / ${a.numbers} | ${a.pinned} (${a.pinnedSmall}) | ${a.narrowed} | ${a.truthOutside} | ${a.yearsChangedBetweenReleases} |`,
    );
  }
}
