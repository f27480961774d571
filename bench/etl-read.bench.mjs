// Raw read throughput of the ETL readers (decode + parse + limits, no mapping, no database), on generated
// files: 1,000,000 rows of a realistic French CSV (Windows-1252, `;`, CRLF) and its UTF-8 twin, plus an
// XLSX of 100,000 rows through the capped worker. Needs the built package: `cd packages/etl && npx tsc -p
// tsconfig.build.json`. Run: `node bench/etl-read.bench.mjs [rows]`. Prints one JSON line per case.
import { createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const root = fileURLToPath(new URL('..', import.meta.url));
const { openTable } = await import(join(root, 'packages/etl/dist/index.js'));

const ROWS = process.argv[2] === '--measure' ? 0 : Number(process.argv[2] ?? 1_000_000);
const XLSX_ROWS = Math.min(ROWS, 100_000);
const dir = join(root, 'bench/out/etl-read');

const GENDERS = ['Femme', 'femme', 'Homme', 'F', 'Masculin', 'Femme trans', 'NC'];
const COUNTRIES = ['Nigéria', 'Roumanie', 'Côte d’Ivoire', 'Chine', 'Brésil', 'France', 'Bulgarie', 'Albanie'];
const TYPES = ['Exploitation sexuelle', 'Travail forcé', 'Servitude domestique', 'Contrainte à commettre des délits'];
const CHANNELS = ['Réseaux sociaux', 'Connaissance', 'Membre de la famille', 'Annonce en ligne', 'Offre d’emploi'];
const PLATFORMS = ['', '', 'Facebook', 'WhatsApp / Facebook', 'Snapchat + Instagram', 'Vivastreet'];

function line(i) {
  const year = 2019 + (i % 6);
  return [
    `D-${year}-${String(i).padStart(7, '0')}`,
    year,
    GENDERS[i % GENDERS.length],
    i % 11 === 0 ? 'NC' : `${16 + (i % 40)} ans`,
    COUNTRIES[i % COUNTRIES.length],
    TYPES[i % TYPES.length],
    CHANNELS[i % CHANNELS.length],
    PLATFORMS[i % PLATFORMS.length],
    i % 13 === 0 ? '"suivi en cours; orientée vers un foyer"' : '',
  ].join(';');
}

async function writeCsv(path, encoding) {
  const out = createWriteStream(path);
  const header =
    'N° dossier;Année de prise en charge;Sexe;Âge;Nationalité;Type(s) d’exploitation;Mode de recrutement;Plateforme(s);Observations';
  let chunk = `Export des dossiers anonymisés\r\n\r\n${header}\r\n`;
  for (let i = 0; i < ROWS; i++) {
    chunk += `${line(i)}\r\n`;
    if (chunk.length > 1 << 20 || i === ROWS - 1) {
      if (!out.write(encoding === 'utf-8' ? Buffer.from(chunk, 'utf8') : iconv.encode(chunk, 'windows-1252')))
        await once(out, 'drain');
      chunk = '';
    }
  }
  out.end();
  await once(out, 'finish');
}

async function writeXlsx(path) {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = workbook.addWorksheet('Victimes');
  sheet
    .addRow(['Identifiant', 'Date premier contact', 'Genre', 'Âge', 'Nationalité', 'Exploitation', 'Canal'])
    .commit();
  for (let i = 0; i < XLSX_ROWS; i++) {
    const row = sheet.addRow([
      `AMA-${i}`,
      new Date(Date.UTC(2019 + (i % 6), i % 12, 1 + (i % 28))),
      GENDERS[i % GENDERS.length],
      16 + (i % 40),
      COUNTRIES[i % COUNTRIES.length],
      TYPES[i % TYPES.length],
      CHANNELS[i % CHANNELS.length],
    ]);
    row.getCell(2).numFmt = 'dd/mm/yyyy';
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** Runs in a fresh child process per case so that generation garbage and other cases do not count. */
async function measure(name, path) {
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const source = await openTable({ path }, { limits: { maxFileBytes: 2 ** 30 } });
  let rows = 0;
  let cells = 0;
  for await (const batch of source.batches) {
    rows += batch.length;
    for (const r of batch) cells += r.cells.length;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  // On a shared machine wall time includes waiting for a core: report the process CPU time too (for XLSX the
  // parsing happens in a worker thread of this process, so it is counted).
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const bytes = statSync(path).size;
  return {
    case: name,
    rows,
    cells,
    fileMB: +(bytes / 2 ** 20).toFixed(1),
    seconds: +seconds.toFixed(2),
    rowsPerSecond: Math.round(rows / seconds),
    cpuSeconds: +cpuSeconds.toFixed(2),
    rowsPerCpuSecond: Math.round(rows / cpuSeconds),
    MBPerSecond: +(bytes / 2 ** 20 / seconds).toFixed(1),
    // Whole process, modules of the etl package included (about 80 MB of it before reading anything).
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    encoding: source.encoding,
    delimiter: source.delimiter,
  };
}

if (process.argv[2] === '--measure') {
  console.log(JSON.stringify(await measure(process.argv[3], process.argv[4])));
  process.exit(0);
}

function measureInChild(name, path) {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--measure', name, path], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  process.stdout.write(out);
}

mkdirSync(dir, { recursive: true });
const cp1252 = join(dir, 'cases-cp1252.csv');
const utf8 = join(dir, 'cases-utf8.csv');
const xlsx = join(dir, 'cases.xlsx');
await writeCsv(cp1252, 'windows-1252');
await writeCsv(utf8, 'utf-8');
await writeXlsx(xlsx);
console.log(JSON.stringify({ date: new Date().toISOString(), node: process.version, rows: ROWS }));
measureInChild('csv windows-1252 ;', cp1252);
measureInChild('csv utf-8 ;', utf8);
measureInChild('xlsx (worker)', xlsx);
rmSync(dir, { recursive: true, force: true });
