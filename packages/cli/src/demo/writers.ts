import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import iconv from 'iconv-lite';
import { stringify } from 'csv-stringify/sync';
import { csvOptions, escapeSpreadsheetText, escapeSpreadsheetValue } from '@observatoire/formats';
import type { DemoCase } from './cases.js';
import { FRENCH, HTCDS, type Dialect } from './labels.js';
import type { Prng } from './prng.js';

/** The fictional-data notice written into every export where the format has room for it. */
export const FICTIONAL_NOTICE = 'Données fictives / fictional data';

/** How one association writes its cells: real exports are inconsistent, and each association in its own way. */
export interface CellStyle {
  /** Probability of writing an age as `24 ans` rather than `24`. */
  ageSuffix: number;
  /** What an unknown age looks like, picked at random. */
  unknownAge: readonly string[];
  exploitationJoin: string;
  channelJoin: string;
  platformJoin: string;
  /** Probability of writing a free-text observation (stock phrases without any personal detail). */
  notes: number;
}

/** Observations without any personal detail, like those a caseworker types in a spreadsheet. */
const FRENCH_NOTES = [
  'Orientée par le 115; suivi en cours',
  'Suivi en cours',
  'Orientation vers un hébergement',
  'Dossier clos',
  'Accompagnement juridique',
];
const ENGLISH_NOTES = ['referred by police,\nfollow-up "ongoing"', 'follow-up ongoing', 'case closed', 'legal support'];

/** Every demo cell goes through the project's one spreadsheet escaping, as every CSV the project writes does. */
const safeRows = (rows: string[][]) => rows.map((r) => r.map(escapeSpreadsheetText));

function variant(rng: Prng, table: Record<string, readonly string[]>, code: string): string {
  const options = table[code];
  if (!options || options.length === 0) throw new Error(`no label for code ${code}`);
  return rng.pick(options);
}

function joinVariants(rng: Prng, table: Record<string, readonly string[]>, codes: string[], join: string): string {
  return codes
    .map((code) => variant(rng, table, code))
    .filter((label) => label !== '')
    .join(join);
}

/** The columns of the French exports (CSV and workbook): case number, year, then the coded fields. */
const FRENCH_HEADERS = [
  'N° dossier',
  'Année de prise en charge',
  'Sexe',
  "Âge au début de l'exploitation",
  'Nationalité',
  "Type(s) d'exploitation",
  'Mode de recrutement',
  'Plateforme(s) utilisée(s)',
];

/** Optional columns some associations keep: online exploitation, its platforms, the recruiter's relation. */
const FRENCH_ONLINE_HEADERS = ['Exploitation en ligne', "Plateforme d'exploitation", 'Lien avec le recruteur'];
const HTCDS_ONLINE_HEADERS = ['advertised_online', 'exploitation_websites_and_apps', 'recruiter_relation'];

function onlineCells(rng: Prng, c: DemoCase, dialect: Dialect, join: string): string[] {
  return [
    variant(rng, dialect.yesNo, c.onlineExploitation),
    joinVariants(rng, dialect.platform, c.exploitationPlatforms, join),
    variant(rng, dialect.recruiterRelation, c.recruiterRelation),
  ];
}

function frenchAge(rng: Prng, c: DemoCase, style: CellStyle): string {
  if (c.unrecognised === 'age') return rng.pick(FRENCH.unrecognised.age);
  if (c.age === null) return rng.pick(style.unknownAge);
  return rng.chance(style.ageSuffix) ? `${c.age} ans` : String(c.age);
}

interface FrenchCells {
  gender: string;
  age: string;
  citizenship: string;
  exploitation: string;
  recruitment: string;
  platforms: string;
  notes: string;
}

function frenchCells(rng: Prng, c: DemoCase, style: CellStyle, dialect: Dialect = FRENCH): FrenchCells {
  return {
    gender: variant(rng, dialect.gender, c.gender),
    age: frenchAge(rng, c, style),
    citizenship:
      c.unrecognised === 'citizenship'
        ? rng.pick(dialect.unrecognised.citizenship)
        : joinVariants(rng, dialect.country, c.citizenship, ', '),
    exploitation: joinVariants(rng, dialect.exploitation, c.exploitation, style.exploitationJoin),
    recruitment:
      c.unrecognised === 'recruitment'
        ? rng.pick(dialect.unrecognised.recruitment)
        : joinVariants(rng, dialect.channel, c.channels, style.channelJoin),
    platforms: joinVariants(rng, dialect.platform, c.platforms, style.platformJoin),
    notes: rng.chance(style.notes) ? rng.pick(FRENCH_NOTES) : '',
  };
}

/**
 * French CSV the way a spreadsheet saves it on Windows: Windows-1252, `;`, CRLF, a title line and a blank line
 * above the header, optionally a TOTAL row and a trailing blank line (as in aurore-paris-2019-2024.csv).
 */
export async function writeFrenchCsv(
  file: string,
  rng: Prng,
  cases: DemoCase[],
  options: { title: string; style: CellStyle; totalsRow: boolean; notesColumn: boolean; onlineColumns: boolean },
): Promise<void> {
  const header = [...FRENCH_HEADERS];
  if (options.onlineColumns) header.push(...FRENCH_ONLINE_HEADERS);
  if (options.notesColumn) header.push('Observations');
  const rows: string[][] = [header];
  for (const c of cases) {
    const cells = frenchCells(rng, c, options.style);
    const row = [
      c.caseId,
      String(c.year),
      cells.gender,
      cells.age,
      cells.citizenship,
      cells.exploitation,
      cells.recruitment,
      cells.platforms,
    ];
    if (options.onlineColumns) row.push(...onlineCells(rng, c, FRENCH, ' / '));
    if (options.notesColumn) row.push(cells.notes);
    rows.push(row);
  }
  if (options.totalsRow) {
    const total = new Array<string>(header.length).fill('');
    total[1] = 'TOTAL';
    total[2] = String(cases.length);
    rows.push(total);
  }
  const body = stringify(safeRows(rows), csvOptions(';'));
  const text = `${options.title}\r\n\r\n${body}${options.totalsRow ? '\r\n' : ''}`;
  await writeFile(file, iconv.encode(text, 'win1252'));
}

/**
 * English HTCDS-style CSV: UTF-8 with BOM, `,`, LF, ISO alpha-2 citizenship, multi-valued cells joined by `;`
 * inside the field and quoted notes with line breaks (as in safe-harbour-nice-export.csv), with one title line
 * above the header carrying the fictional-data notice.
 */
export async function writeHtcdsCsv(
  file: string,
  rng: Prng,
  cases: DemoCase[],
  options: { title: string; notes: number; onlineColumns: boolean },
): Promise<void> {
  const rows: string[][] = [
    [
      'case_id',
      'year',
      'gender',
      'age_at_recruitment',
      'citizenship',
      'exploitation_type',
      'recruitment_method',
      'recruitment_platforms',
      ...(options.onlineColumns ? HTCDS_ONLINE_HEADERS : []),
      'notes',
    ],
  ];
  for (const c of cases) {
    const age = c.unrecognised === 'age' ? rng.pick(HTCDS.unrecognised.age) : c.age === null ? '' : String(c.age);
    rows.push([
      c.caseId,
      String(c.year),
      variant(rng, HTCDS.gender, c.gender),
      age,
      c.unrecognised === 'citizenship' ? rng.pick(HTCDS.unrecognised.citizenship) : c.citizenship.join(';'),
      joinVariants(rng, HTCDS.exploitation, c.exploitation, ';'),
      c.unrecognised === 'recruitment'
        ? rng.pick(HTCDS.unrecognised.recruitment)
        : joinVariants(rng, HTCDS.channel, c.channels, ';'),
      joinVariants(rng, HTCDS.platform, c.platforms, ';'),
      ...(options.onlineColumns ? onlineCells(rng, c, HTCDS, ';') : []),
      rng.chance(options.notes) ? rng.pick(ENGLISH_NOTES) : '',
    ]);
  }
  // LF between records, as a Unix export: the line breaks inside the notes are quoted like any other.
  const body = stringify(safeRows(rows), { ...csvOptions(','), record_delimiter: 'unix' });
  await writeFile(file, `\uFEFF${options.title}\n${body}`, 'utf8');
}

/** A fixed creation date so that two runs with the same seed write the same workbook properties. */
const WORKBOOK_DATE = new Date(Date.UTC(2026, 0, 15));

/**
 * XLSX as an association's tracking workbook: two title rows and a blank row above the header, then the cases;
 * `dated` exports carry the date of first contact as an Excel date (the year comes from it, as in
 * amarre-nantes-suivi.xlsx), others a year column. A legend sheet follows, with the fictional-data notice.
 */
export async function writeXlsx(
  file: string,
  rng: Prng,
  cases: DemoCase[],
  options: { title: string; subtitle: string; sheetName: string; style: CellStyle; dated: boolean },
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Observatoire (démo)';
  workbook.created = WORKBOOK_DATE;
  workbook.modified = WORKBOOK_DATE;
  const sheet = workbook.addWorksheet(options.sheetName);
  sheet.addRow([options.title]).font = { bold: true, size: 14 };
  sheet.addRow([options.subtitle]);
  sheet.addRow([]);
  const header = options.dated
    ? [
        'Identifiant',
        'Date premier contact',
        'Genre',
        'Âge',
        'Nationalité',
        "Forme d'exploitation",
        'Canal de recrutement',
        'Plateforme',
      ]
    : FRENCH_HEADERS;
  sheet.addRow(header).font = { bold: true };
  for (const c of cases) {
    const cells = frenchCells(rng, c, options.style);
    // Spreadsheet users type ages as numbers; unknown ages are left blank or typed as text ("NC").
    const age: string | number | null =
      c.unrecognised === 'age' ? cells.age : c.age === null ? rng.pick(options.style.unknownAge) : c.age;
    // Empty cells stay empty (null) rather than holding an empty string, as when a user leaves a cell blank.
    sheet.addRow(
      [
        c.caseId,
        options.dated ? c.firstContact : c.year,
        cells.gender || null,
        age === '' ? null : age,
        cells.citizenship || null,
        cells.exploitation || null,
        cells.recruitment || null,
        cells.platforms || null,
      ].map(escapeSpreadsheetValue),
    );
  }
  if (options.dated) sheet.getColumn(2).numFmt = 'dd/mm/yyyy';
  const widths = [14, 20, 16, 10, 16, 34, 34, 22];
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));

  const legend = workbook.addWorksheet('Légende');
  legend.addRow([FICTIONAL_NOTICE]).font = { bold: true };
  legend.addRow(['Classeur de démonstration généré par Observatoire : aucune personne réelle.']);
  legend.addRow(['Demonstration workbook generated by Observatoire: no real person.']);
  legend.addRow([]);
  legend.addRow(['NSP = ne sait pas']);
  legend.addRow(['NC = non communiqué']);
  await writeFile(file, await stableZip(Buffer.from(await workbook.xlsx.writeBuffer())));
}

/**
 * exceljs stamps every zip entry with the current time, so two runs would give different bytes (and different
 * content hashes at import). Re-zipping the same entries, in the same order, with a fixed date makes the file a
 * pure function of the seed.
 */
async function stableZip(xlsx: Buffer): Promise<Buffer> {
  const source = await JSZip.loadAsync(xlsx);
  const target = new JSZip();
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    target.file(entry.name, await entry.async('uint8array'), { date: WORKBOOK_DATE, createFolders: false });
  }
  return target.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
