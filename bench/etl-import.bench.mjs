// End-to-end import benchmark of the ETL: N generated cases (default 1,000,000) in a realistic French CSV (`;`,
// Windows-1252, CRLF, title row, multi-valued cells, ages like `24 ans`/`NC`, a free-text column) through the
// whole pipeline (decode, parse, header detection, mapping, validation, privacy guard, HMAC pseudonyms, COPY into
// staging, merge into case_entry/case_profile, aggregate refresh, batch bookkeeping), then, in the same run, the floor: raw
// COPY of the same rows already normalised into the same (emptied) tables.
//
// Needs the built packages (`npx tsc -p tsconfig.build.json` in packages/db, packages/schema, packages/etl).
// Run: `node bench/etl-import.bench.mjs [rows]` (DATABASE_URL, or an embedded PostgreSQL under bench/out/).
// The pipeline runs in a child process so that its peak RSS is its own (PostgreSQL's memory is not counted).
// BENCH_ROUNDS (default 3) rounds alternate the pipeline and the floor; prints one JSON line per measure and a
// summary line with medians; then a re-upload of the same rows in another file over the first upload.
// BENCH_COMPARE=<another checkout, built> measures a change side by side instead: each round runs that checkout's
// pipeline (its own bench script's child, so its own dist) and this one's on the same file and database, then
// prints the medians of both and their ratio (no floor, no re-upload).
import { execFile } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  createReadStream,
  createWriteStream,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
} from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => join(root, 'packages', p, 'dist/index.js');

if (process.argv[2] === '--child') {
  // Child: one import, then its own figures on stdout.
  const [, , , file, databaseUrl] = process.argv;
  const { runImport } = await import(dist('etl'));
  const { openPool } = await import(join(root, 'packages/db/dist/pool.js'));
  const db = openPool(databaseUrl, 1);
  const phases = [];
  const started = process.hrtime.bigint();
  const result = await runImport({
    db,
    file,
    association: 'bench-pipeline',
    pseudonymKey: Buffer.alloc(32, 1),
    // The default upload limit is 50 MB; a million rows of this export weigh about 85 MB.
    limits: { maxFileBytes: 1024 * 1024 * 1024 },
    onPhase: (name, ms) => phases.push({ name, seconds: ms / 1000 }),
    // BENCH_MEMORY=1: the process's memory every 100,000 rows, on stderr.
    onProgress: process.env.BENCH_MEMORY
      ? ({ rowsRead }) => {
          if (rowsRead % 100_000 !== 0) return;
          const m = process.memoryUsage();
          const mb = (x) => Math.round(x / 1048576);
          process.stderr.write(
            `${rowsRead} rss ${mb(m.rss)} heapUsed ${mb(m.heapUsed)} heapTotal ${mb(m.heapTotal)} external ${mb(m.external)}\n`,
          );
        }
      : undefined,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await db.end();
  process.stdout.write(
    JSON.stringify({
      outcome: result.outcome,
      seconds,
      counts: result.report.counts,
      warnings: result.report.warnings.length,
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      cpuSeconds: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1e6,
      phases,
    }),
  );
  process.exit(0);
}

const ROWS = Number(process.argv[2] ?? 1_000_000);

/** utime+stime (+ reaped children's) of a process, in seconds, from /proc (Linux, local database only). */
function procCpu(pid, withChildren) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]) + (withChildren ? Number(fields[13]) + Number(fields[14]) : 0);
  return ticks / 100;
}
/** CPU seconds used so far by the whole PostgreSQL cluster: the postmaster, its live and its exited children. */
function clusterCpu(postmaster) {
  if (!postmaster) return NaN;
  let total = procCpu(postmaster, true);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      if (Number(stat[1]) === postmaster) total += procCpu(entry, false);
    } catch {
      // The process ended meanwhile: its time is in the postmaster's children total.
    }
  }
  return total;
}
const dir = join(root, 'bench/out/etl-import');
mkdirSync(dir, { recursive: true });

const GENDERS = ['Femme', 'femme', 'F', 'Homme', 'H', 'Masculin', 'Femme trans', 'NSP', 'F', 'Femme'];
const COUNTRIES = [
  'Nigéria',
  'Nigeria',
  'Roumanie',
  'Côte d’Ivoire',
  'Chine',
  'Brésil',
  'France',
  'Française',
  'Bulgarie',
  'Albanie',
  'Maroc',
  'Viêt Nam',
  'Guinée',
  'Cameroun',
];
const TYPES = [
  'Exploitation sexuelle',
  'Prostitution forcée',
  'Travail forcé',
  'Servitude domestique',
  'Contrainte à commettre des délits',
  'Mendicité forcée',
  'Exploitation sexuelle + Travail forcé',
  'Mariage forcé',
];
const CHANNELS = [
  'Réseaux sociaux',
  'Connaissance',
  'Amis / connaissances',
  'Membre de la famille',
  'Annonce en ligne',
  'Proposition de travail',
  'Messagerie',
  'Réseau social, Messagerie',
  'Site de rencontre',
  'Conjoint / petit ami',
  'Inconnu',
  '',
];
const PLATFORMS = [
  '',
  '',
  '',
  'Facebook',
  'FB / WhatsApp',
  'Snap + Insta',
  'Vivastreet',
  'Le Bon Coin',
  'Tinder',
  'Télégram',
];

function line(i) {
  const year = 2016 + (i % 9);
  return [
    `D-${year}-${String(i).padStart(7, '0')}`,
    year,
    GENDERS[i % GENDERS.length],
    i % 11 === 0 ? 'NC' : i % 3 === 0 ? `${14 + (i % 45)} ans` : String(14 + (i % 45)),
    COUNTRIES[(i * 7) % COUNTRIES.length],
    TYPES[(i * 3) % TYPES.length],
    CHANNELS[(i * 5) % CHANNELS.length],
    PLATFORMS[(i * 13) % PLATFORMS.length],
    i % 17 === 0 ? '"Orientée par le 115; suivi en cours"' : '',
  ].join(';');
}

async function writeCsv(path) {
  const out = createWriteStream(path);
  const header =
    'N° dossier;Année de prise en charge;Sexe;Âge au début de l’exploitation;Nationalité;Type(s) d’exploitation;Mode de recrutement;Plateforme(s) utilisée(s);Observations';
  let chunk = `Export des dossiers anonymisés - généré le 15/01/2025\r\n\r\n${header}\r\n`;
  for (let i = 0; i < ROWS; i++) {
    chunk += `${line(i)}\r\n`;
    if (chunk.length > 1 << 20 || i === ROWS - 1) {
      if (!out.write(iconv.encode(chunk, 'windows-1252'))) await once(out, 'drain');
      chunk = '';
    }
  }
  out.write(iconv.encode(`;TOTAL;${ROWS};;;;;;\r\n\r\n`, 'windows-1252'));
  out.end();
  await once(out, 'finish');
}

const csv = join(dir, `cases-${ROWS}.csv`);
await writeCsv(csv);
const fileMb = statSync(csv).size / 1024 / 1024;

let embedded = null;
let url = process.env.DATABASE_URL;
const { startEmbeddedPostgres, withDatabase, ensureDatabase, runMigrations } = await import(dist('db'));
const importBatches = await import(join(root, 'packages/db/dist/repositories/import-batch.repository.js'));
if (!url) {
  embedded = await startEmbeddedPostgres({ dataDir: join(dir, 'pg') });
  url = withDatabase(embedded.url, 'etl_bench');
}
await ensureDatabase(url);
await runMigrations(url);
const db = new pg.Client({ connectionString: url });
await db.connect();
async function reset() {
  // Start from empty tables each round (the bench database is its own).
  await db.query(`TRUNCATE case_entry, case_profile, case_aggregate, import_batch CASCADE`);
  await db.query(`DELETE FROM association WHERE slug LIKE 'bench-%'`);
  await db.query(
    `INSERT INTO association (slug, name) VALUES ('bench-pipeline', 'Bench'), ('bench-copy', 'Bench COPY')`,
  );
  await db.query('VACUUM case_entry');
  await db.query('VACUUM case_profile');
  await db.query('CHECKPOINT');
}
let postmaster = null;
try {
  const { rows } = await db.query('SELECT pg_backend_pid() AS pid');
  postmaster = Number(readFileSync(`/proc/${rows[0].pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
} catch {
  // Remote database: wall-clock figures only.
}

/** 1. The whole pipeline, in a child process (of this checkout, or of the one `script` belongs to). */
async function measurePipeline(file = csv, { keep = false, script = fileURLToPath(import.meta.url) } = {}) {
  if (!keep) await reset();
  const pgCpuBefore = clusterCpu(postmaster);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    // The heap cap the CLI and the API run with (packages/cli/src/main.ts, stack.ts, docker/api.Dockerfile).
    ['--max-old-space-size=1024', script, '--child', file, url],
    { maxBuffer: 1 << 24 },
  );
  const run = JSON.parse(stdout);
  const pgCpu = clusterCpu(postmaster) - pgCpuBefore;
  if (run.outcome !== 'committed') throw new Error(`the import did not commit: ${stdout}`);
  return {
    measure: keep ? 're-upload' : 'pipeline',
    rows: ROWS,
    fileMb: Math.round(fileMb * 10) / 10,
    seconds: Math.round(run.seconds * 100) / 100,
    rowsPerSecond: Math.round(ROWS / run.seconds),
    peakRssMb: run.maxRssMb,
    accepted: run.counts.rowsAccepted,
    unchanged: run.counts.recordsUnchanged,
    nodeCpuSeconds: Math.round(run.cpuSeconds * 100) / 100,
    postgresCpuSeconds: Math.round(pgCpu * 100) / 100,
    phases: run.phases.map((p) => ({ name: p.name, seconds: Math.round(p.seconds * 100) / 100 })),
  };
}

/**
 * 2. The floor: the same rows already normalised (as stored: each distinct profile once, one narrow entry per
 * case), dumped from the tables the pipeline just filled, then COPY'd raw into the same emptied tables, in one
 * transaction.
 */
const normalised = join(dir, `normalised-${ROWS}.tsv`);
const profiles = join(dir, `profiles-${ROWS}.tsv`);
const profileColumns = `id, gender, age_band, is_minor, citizenship, exploitation_types, recruitment_channels,
  recruitment_platforms, online_exploitation, exploitation_platforms, online_control, exploitation_country,
  recruiter_relation`;
const entryColumns = 'association_id, reference_year, case_key, profile_id, batch_id, source_row';
async function measureFloor() {
  const { rows: assoc } = await db.query(`SELECT id FROM association WHERE slug = 'bench-copy'`);
  const batch = await importBatches.create(db, { associationId: assoc[0].id, contentHash: 'floor' });
  await pipeline(
    db.query(copyStreams.to(`COPY (SELECT ${profileColumns} FROM case_profile) TO STDOUT`)),
    createWriteStream(profiles),
  );
  await pipeline(
    db.query(
      copyStreams.to(
        `COPY (SELECT '${assoc[0].id}'::uuid, reference_year, case_key, profile_id, '${batch}'::uuid, source_row
          FROM case_entry) TO STDOUT`,
      ),
    ),
    createWriteStream(normalised),
  );
  await db.query(`TRUNCATE case_entry, case_profile`);
  await db.query('VACUUM case_entry');
  await db.query('VACUUM case_profile');
  await db.query('CHECKPOINT');
  const pgCpuBefore = clusterCpu(postmaster);
  const t0 = process.hrtime.bigint();
  await db.query('BEGIN');
  await pipeline(
    createReadStream(profiles, { highWaterMark: 1 << 20 }),
    db.query(copyStreams.from(`COPY case_profile (${profileColumns}) FROM STDIN`)),
  );
  await pipeline(
    createReadStream(normalised, { highWaterMark: 1 << 20 }),
    db.query(copyStreams.from(`COPY case_entry (${entryColumns}) FROM STDIN`)),
  );
  await db.query('COMMIT');
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return {
    measure: 'raw COPY floor',
    rows: ROWS,
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(ROWS / seconds),
    postgresCpuSeconds: Math.round((clusterCpu(postmaster) - pgCpuBefore) * 100) / 100,
  };
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r2 = (x) => Math.round(x * 100) / 100;

if (process.env.BENCH_COMPARE) {
  // Side by side: the other checkout's pipeline, then this one's, each round, on the same machine state.
  const before = join(process.env.BENCH_COMPARE, 'bench/etl-import.bench.mjs');
  const pairs = [];
  for (let r = 0; r < ROUNDS; r++) {
    const b = await measurePipeline(csv, { script: before });
    console.log(JSON.stringify({ round: r + 1, checkout: process.env.BENCH_COMPARE, ...b }));
    const a = await measurePipeline();
    console.log(JSON.stringify({ round: r + 1, checkout: root, ...a }));
    pairs.push({ b, a });
  }
  const side = (pick) => ({
    secondsMedian: r2(median(pairs.map((x) => pick(x).seconds))),
    rowsPerSecondMedian: Math.round(ROWS / median(pairs.map((x) => pick(x).seconds))),
    peakRssMbMax: Math.max(...pairs.map((x) => pick(x).peakRssMb)),
    nodeCpuSecondsMedian: r2(median(pairs.map((x) => pick(x).nodeCpuSeconds))),
  });
  console.log(
    JSON.stringify({
      date: new Date().toISOString(),
      node: process.version,
      rows: ROWS,
      rounds: ROUNDS,
      before: { checkout: process.env.BENCH_COMPARE, ...side((x) => x.b) },
      after: { checkout: root, ...side((x) => x.a) },
      // Per round, this checkout's time over the other's: below 1 is faster.
      ratioMedian: r2(median(pairs.map((x) => x.a.seconds / x.b.seconds))),
      load: (await import('node:os')).loadavg().map((x) => Math.round(x * 10) / 10),
    }),
  );
  await db.end();
  if (embedded) await embedded.stop();
  process.exit(0);
}

// Rounds alternate pipeline and floor, so that both see the same machine; medians are reported.
const rounds = [];
for (let r = 0; r < ROUNDS; r++) {
  const p = await measurePipeline();
  console.log(JSON.stringify({ round: r + 1, ...p }));
  const f = await measureFloor();
  console.log(JSON.stringify({ round: r + 1, ...f }));
  rounds.push({
    p,
    f,
    ratio: p.seconds / f.seconds,
    cpuRatio: (p.nodeCpuSeconds + p.postgresCpuSeconds) / f.postgresCpuSeconds,
  });
}
// 3. A re-upload: the same rows in another file (one more blank line) over the committed first upload, i.e. the
// comparison with the stored records (all unchanged), the replacement of those years and the aggregates.
await measurePipeline();
const again = join(dir, `cases-${ROWS}-again.csv`);
copyFileSync(csv, again);
appendFileSync(again, '\r\n');
const reupload = await measurePipeline(again, { keep: true });
console.log(JSON.stringify(reupload));

const pipelineSeconds = median(rounds.map((x) => x.p.seconds));
const summary = {
  date: new Date().toISOString(),
  node: process.version,
  rows: ROWS,
  rounds: ROUNDS,
  pipelineSecondsMedian: pipelineSeconds,
  pipelineRowsPerSecondMedian: Math.round(ROWS / pipelineSeconds),
  targetRowsPerSecond: 200_000,
  peakRssMbMax: Math.max(...rounds.map((x) => x.p.peakRssMb)),
  targetPeakRssMb: 300,
  floorSecondsMedian: median(rounds.map((x) => x.f.seconds)),
  ratioToCopyMedian: r2(median(rounds.map((x) => x.ratio))),
  targetRatioToCopy: 4,
  // Node and PostgreSQL overlap (COPY streams while Node parses; case keys in a worker thread), so on 2 cores the
  // wall time is between max(node, postgres) and their sum.
  cpuSecondsPipelineMedian: r2(median(rounds.map((x) => x.p.nodeCpuSeconds + x.p.postgresCpuSeconds))),
  cpuSecondsFloorMedian: r2(median(rounds.map((x) => x.f.postgresCpuSeconds))),
  cpuRatioToCopyMedian: r2(median(rounds.map((x) => x.cpuRatio))),
  phasesMedian: rounds[0].p.phases.map((ph, i) => ({
    name: ph.name,
    seconds: r2(median(rounds.map((x) => x.p.phases[i].seconds))),
  })),
  reuploadSeconds: reupload.seconds,
  reuploadUnchanged: reupload.unchanged,
  load: (await import('node:os')).loadavg().map((x) => Math.round(x * 10) / 10),
};
console.log(JSON.stringify(summary));
await db.query(`TRUNCATE case_entry, case_profile, case_aggregate, import_batch CASCADE`);
await db.end();
if (embedded) await embedded.stop();
