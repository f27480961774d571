#!/usr/bin/env node
/**
 * Disclosure control benchmark (issue 11): for two data sets (the demo data, and another seed with other
 * associations), the whole platform on loopback (embedded PostgreSQL, API), then:
 *   1. the first release: the audit's time (a dry run, the same work as publishing), cells, withheld, published
 *      mass; then its publication, timed;
 *   2. the project's attack against it (`observatoire attack`: every public number over HTTP, the constant panels
 *      included, integer programming);
 *   3. a new association sends 3 cases for 2023 (a published year) and three associations send a new year (2026:
 *      new panels beside the frozen 2025), a second release is published, both releases attacked together;
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

/** Three demo associations send a new reference year (30 cases each, through the real ETL). */
async function addYear(pool, year, dir) {
  const { rows } = await pool.query(
    `SELECT slug FROM association WHERE withdrawn_at IS NULL AND slug NOT LIKE '%nouvelle-asso' ORDER BY slug LIMIT 3`,
  );
  const pick = (xs, k) => xs[k % xs.length];
  const genders = ['Feminine', 'Feminine', 'Feminine', 'Masculine', 'TransgenderFeminine'];
  const types = [
    'SexualExploitation',
    'SexualExploitation',
    'SexualExploitation',
    'ForcedLabour',
    'Forced criminality',
  ];
  const methods = [
    ['ThroughOnlineSocialNetworks', 'Facebook'],
    ['ThroughOnlineSocialNetworks', 'TikTok'],
    ['Dating app', 'Tinder'],
    ['Online job offer', ''],
    ['ThroughFamilyOrFamilyEvents', ''],
    ['ThroughFriendsOrSocialEvents', ''],
    ['Intimate partner', ''],
    ['Unknown', ''],
  ];
  const countries = ['NG', 'FR', 'RO', 'CN', 'CI', 'VN', 'BR', 'UA'];
  for (const [n, { slug }] of rows.entries()) {
    const file = path.join(dir, `${slug}-${year}.csv`);
    const lines = Array.from({ length: 30 }, (_, k) => {
      const i = k * 7 + n * 3;
      const [method, platform] = pick(methods, i);
      return `Y${n}-${k},${year},${pick(genders, i)},${15 + (i % 27)},${pick(countries, i + n)},${pick(types, i)},${method},${platform}`;
    });
    await writeFile(
      file,
      'case_id,year,gender,age_at_recruitment,citizenship,exploitation_type,recruitment_method,recruitment_platforms\n' +
        lines.join('\n') +
        '\n',
    );
    const result = await runImport({ db: pool, file, fileName: path.basename(file), association: slug });
    if (result.outcome !== 'committed') throw new Error(`${file}: ${result.outcome}`);
  }
}

const results = [];
for (const set of SETS) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'observatoire-disclosure-bench-'));
  const stack = await startStack({
    dataDir,
    env: { LOG_LEVEL: 'warn' },
    // The exports through the real ETL, not yet published: the first release is timed below.
    seed: async (databaseUrl) => {
      const exports = await generateDemoExports(path.join(dataDir, 'demo'), { seed: set.seed, cases: set.cases });
      const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
      try {
        for (const e of exports) {
          const slug = set.prefix + e.associationSlug;
          await db.query(`INSERT INTO association (slug, name, is_demo) VALUES ($1, $2, true)`, [
            slug,
            set.prefix + e.associationName,
          ]);
          const r = await runImport({ db, file: e.file, fileName: path.basename(e.file), association: slug });
          if (r.outcome !== 'committed') throw new Error(`${e.file}: ${r.outcome}`);
        }
      } finally {
        await db.end();
      }
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
    t = performance.now();
    await stats.publishRelease(pool, { slug: 'r1', notes: { fr: 'Données fictives.', en: 'Fictional data.' } });
    out.publishR1Seconds = seconds(t);
    await untilListed(stack.apiUrl, 'r1');
    // The true counts each release was built from: published years never change, so r1's data for them.
    const truth = await stats.loadCases(pool);
    out.attackR1 = await attackAll(stack.apiUrl, truth);
    progress(out);

    // A new association sends 3 cases for 2023 (a published year: frozen), and three associations send a new year.
    await addNewAssociation(pool, `${set.prefix}nouvelle-asso`, dataDir);
    await addYear(pool, 2026, dataDir);
    t = performance.now();
    const r2 = await stats.publishRelease(pool, { slug: 'r2' });
    out.publishR2Seconds = seconds(t);
    out.yearsR2 = r2.referenceYears;
    out.frozenYearsR2 = r2.frozenYears;
    await untilListed(stack.apiUrl, 'r2');
    const truth2 = [...truth, ...(await stats.loadCases(pool)).filter((c) => c.year === 2026)];
    out.attackR1R2 = await attackAll(stack.apiUrl, truth2);
    progress(out);

    // An association withdraws: every year is published already, so r3 carries them all forward.
    const withdrawn = (await pool.query(`SELECT id, slug FROM association ORDER BY slug LIMIT 1`)).rows[0];
    await pool.query(`UPDATE association SET withdrawn_at = now() WHERE id = $1`, [withdrawn.id]);
    t = performance.now();
    const r3 = await stats.publishRelease(pool, { slug: 'r3' });
    out.publishR3Seconds = seconds(t);
    out.frozenYearsR3 = r3.frozenYears;
    await untilListed(stack.apiUrl, 'r3');
    out.attackR1R2R3 = await attackAll(stack.apiUrl, truth2);
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
  '| data | audit (s) | cells | withheld | attack: URLs / numbers | withheld read | pinned (small) | narrowed | truth outside | misleading reasons | years differing |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  for (const [label, a] of [
    ['r1', r.attackR1],
    ['r1+r2', r.attackR1R2],
    ['r1+r2+r3', r.attackR1R2R3],
  ]) {
    console.log(
      `| ${r.set} ${label} | ${r.auditSeconds} | ${r.cells} | ${Object.values(r.withheld).reduce((x, y) => x + y, 0)} | ${a.urls} / ${a.numbers} | ${a.withheld} | ${a.pinned} (${a.pinnedSmall}) | ${a.narrowed} | ${a.truthOutside} | ${a.misleadingReasons} | ${a.yearsChangedBetweenReleases} |`,
    );
  }
}
