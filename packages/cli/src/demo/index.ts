/**
 * Demo data: fictional member associations' anonymised exports, written in the formats real associations use, so
 * that a fresh install shows meaningful charts and the ETL is exercised on every path (Windows-1252 CSV, XLSX with
 * title rows and Excel dates, English HTCDS-style CSV with BOM).
 *
 * Everything is fictional and labelled so: file names start with `fictif-`, association names say "fictive", and
 * every file carries the notice "Données fictives / fictional data" (a title row, or a legend sheet). No personal
 * data of any kind is produced: case numbers look like `HOR-2021-0042`, and there are no names, phone numbers,
 * addresses, birth dates or narratives.
 *
 * Usage (what `npm start` does on first start, with the ETL's `runImport`):
 *
 *   const exports = await generateDemoExports(path.join(dataDir(), 'demo'), { seed: DEMO_SEED });
 *   for (const e of exports) {
 *     // create or find the association (is_demo = true) from e.associationSlug / e.associationName,
 *     // then import e.file for it (e.format tells which reader applies; the ETL also detects it).
 *   }
 *
 * The output is deterministic: the same seed and case count give the same files, byte for byte (so the same
 * content hashes at import).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { drawCases, LAST_YEAR, largestRemainder, yearTotals, type CitizenshipProfile, type DemoCase } from './cases.js';
import { Prng } from './prng.js';
import { FICTIONAL_NOTICE, writeFrenchCsv, writeHtcdsCsv, writeXlsx, type CellStyle } from './writers.js';

export { FICTIONAL_NOTICE } from './writers.js';
export type { DemoCase, DemoGender } from './cases.js';
export { onlineShare, FIRST_YEAR as DEMO_FIRST_YEAR, LAST_YEAR as DEMO_LAST_YEAR } from './cases.js';

/** File formats, named as in /work/shared/samples/expected.json. */
export type DemoFormat = 'csv-cp1252' | 'xlsx' | 'csv-en';

export interface DemoExport {
  /** Slug for the association row (create it with is_demo = true). */
  associationSlug: string;
  /** Display name, which says the association is fictional. */
  associationName: string;
  /** Absolute path of the written export. */
  file: string;
  format: DemoFormat;
  /** Number of cases written in the file (data rows, title and total rows excluded). */
  cases: number;
  /** First and last reference year present in the file. */
  years: [number, number];
}

export interface DemoOptions {
  /** PRNG seed; the same seed gives the same data. Default DEMO_SEED. */
  seed?: number;
  /** Total number of cases over all associations and years. Default 5,000. */
  cases?: number;
}

export const DEMO_SEED = 20250730;
export const DEMO_CASES = 5000;

type Layout =
  | { kind: 'csv-fr'; style: CellStyle; totalsRow: boolean; notesColumn: boolean; onlineColumns: boolean }
  | { kind: 'xlsx'; style: CellStyle; dated: boolean }
  | { kind: 'csv-en'; notes: number; onlineColumns: boolean };

interface AssociationSpec {
  slug: string;
  name: string;
  idPrefix: string;
  firstYear: number;
  /** Relative caseload. */
  weight: number;
  /** Shifts this association's online share around the national trend. */
  onlineOffset: number;
  citizenship: CitizenshipProfile;
  layout: Layout;
}

const ASSOCIATIONS: readonly AssociationSpec[] = [
  {
    slug: 'horizon-lyon',
    name: 'Horizon Lyon (association fictive)',
    idPrefix: 'HOR',
    firstYear: 2016,
    weight: 0.24,
    onlineOffset: 0.02,
    citizenship: { boost: { NG: 1.3, RO: 1.2 } },
    layout: {
      kind: 'csv-fr',
      totalsRow: true,
      notesColumn: true,
      onlineColumns: true,
      style: {
        ageSuffix: 0.4,
        unknownAge: ['NC', 'inconnu', ''],
        exploitationJoin: ' + ',
        channelJoin: ', ',
        platformJoin: ' / ',
        notes: 0.08,
      },
    },
  },
  {
    slug: 'escale-marseille',
    name: 'Escale Marseille (association fictive)',
    idPrefix: 'ESC',
    firstYear: 2016,
    weight: 0.22,
    onlineOffset: -0.02,
    citizenship: { boost: { MA: 2.5, DZ: 3, CI: 1.3 } },
    layout: {
      kind: 'xlsx',
      dated: true,
      style: {
        ageSuffix: 0,
        unknownAge: ['', 'NC'],
        exploitationJoin: ' + ',
        channelJoin: ', ',
        platformJoin: ', ',
        notes: 0,
      },
    },
  },
  {
    slug: 'open-door-lille',
    name: 'Open Door Lille (fictional association)',
    idPrefix: 'ODL',
    firstYear: 2017,
    weight: 0.16,
    onlineOffset: 0.04,
    citizenship: { boost: { AL: 3, VN: 2, RO: 1.3 } },
    layout: { kind: 'csv-en', notes: 0.03, onlineColumns: true },
  },
  {
    slug: 'passerelle-strasbourg',
    name: 'Passerelle Strasbourg (association fictive)',
    idPrefix: 'PAS',
    firstYear: 2018,
    weight: 0.14,
    onlineOffset: 0,
    citizenship: { boost: { BG: 2.5, RO: 2, HU: 3, UA: 1.5 } },
    layout: {
      kind: 'xlsx',
      dated: false,
      style: {
        ageSuffix: 0,
        unknownAge: [''],
        exploitationJoin: ' + ',
        channelJoin: ', ',
        platformJoin: ' / ',
        notes: 0,
      },
    },
  },
  {
    slug: 'rivage-bordeaux',
    name: 'Rivage Bordeaux (association fictive)',
    idPrefix: 'RIV',
    firstYear: 2016,
    weight: 0.14,
    onlineOffset: -0.03,
    citizenship: { boost: { BR: 2.5, CO: 3, FR: 1.3 } },
    layout: {
      kind: 'csv-fr',
      totalsRow: false,
      notesColumn: false,
      onlineColumns: false,
      style: {
        ageSuffix: 0.8,
        unknownAge: ['NC'],
        exploitationJoin: ', ',
        channelJoin: ', ',
        platformJoin: ', ',
        notes: 0,
      },
    },
  },
  {
    slug: 'tremplin-rennes',
    name: 'Tremplin Rennes (fictional association)',
    idPrefix: 'TRE',
    firstYear: 2019,
    weight: 0.1,
    onlineOffset: 0.05,
    citizenship: { boost: { FR: 2.2, CN: 1.5 } },
    layout: { kind: 'csv-en', notes: 0, onlineColumns: false },
  },
];

/** How often a cell gets a deliberately unrecognised value (a few per file, to exercise import warnings). */
const UNRECOGNISED_RATE = 0.004;

/**
 * Writes the fictional associations' exports into `outDir` (created if needed) and returns what was written, one
 * entry per association, in a stable order. Deterministic for a given `seed` and `cases`.
 */
export async function generateDemoExports(outDir: string, options: DemoOptions = {}): Promise<DemoExport[]> {
  const seed = options.seed ?? DEMO_SEED;
  const total = options.cases ?? DEMO_CASES;
  if (!Number.isInteger(total) || total < 0) {
    throw new RangeError(
      `Le nombre de cas doit être un entier positif ou nul (reçu ${total}). / cases must be a non-negative integer (got ${total}).`,
    );
  }
  if (!Number.isInteger(seed)) {
    throw new RangeError(`La graine doit être un entier (reçu ${seed}). / seed must be an integer (got ${seed}).`);
  }
  const dir = path.resolve(outDir);
  await mkdir(dir, { recursive: true });

  const casesByAssociation = generateDemoCases({ seed, cases: total });
  const root = new Prng(seed);
  const results: DemoExport[] = [];
  for (const spec of ASSOCIATIONS) {
    const cases = casesByAssociation.get(spec.slug) ?? [];
    // Separate stream per association for cell variants, so the cases above never depend on label choices.
    const rng = root.fork(`cells:${spec.slug}`);
    const years = yearSpan(spec, cases);
    const layout = spec.layout;
    const base = `fictif-${spec.slug}-${years[0]}-${years[1]}`;
    let file: string;
    let format: DemoFormat;
    if (layout.kind === 'csv-fr') {
      file = path.join(dir, `${base}.csv`);
      format = 'csv-cp1252';
      await writeFrenchCsv(file, rng, cases, {
        title: `Export des dossiers anonymisés - ${spec.name} - ${FICTIONAL_NOTICE}`,
        style: layout.style,
        totalsRow: layout.totalsRow,
        notesColumn: layout.notesColumn,
        onlineColumns: layout.onlineColumns,
      });
    } else if (layout.kind === 'xlsx') {
      file = path.join(dir, `${base}.xlsx`);
      format = 'xlsx';
      await writeXlsx(file, rng, cases, {
        title: `Suivi des victimes — extraction anonymisée — ${FICTIONAL_NOTICE}`,
        subtitle: spec.name,
        sheetName: `Victimes ${years[0]}-${years[1]}`,
        style: layout.style,
        dated: layout.dated,
      });
    } else {
      file = path.join(dir, `${base}.csv`);
      format = 'csv-en';
      await writeHtcdsCsv(file, rng, cases, {
        title: `Fictional data / Données fictives - ${spec.name} - demo export`,
        notes: layout.notes,
        onlineColumns: layout.onlineColumns,
      });
    }
    results.push({
      associationSlug: spec.slug,
      associationName: spec.name,
      file,
      format,
      cases: cases.length,
      years,
    });
  }
  return results;
}

function yearSpan(spec: AssociationSpec, cases: DemoCase[]): [number, number] {
  if (cases.length === 0) return [spec.firstYear, LAST_YEAR];
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of cases) {
    lo = Math.min(lo, c.year);
    hi = Math.max(hi, c.year);
  }
  return [lo, hi];
}

/**
 * The fictional cases themselves, per association slug, before they are written: what the files encode. Useful
 * for tests and for checking trends; `generateDemoExports` writes exactly these.
 */
export function generateDemoCases(options: DemoOptions = {}): Map<string, DemoCase[]> {
  const seed = options.seed ?? DEMO_SEED;
  const total = options.cases ?? DEMO_CASES;
  const root = new Prng(seed);
  const byAssociation = new Map<string, DemoCase[]>(ASSOCIATIONS.map((a) => [a.slug, []]));
  for (const [year, yearTotal] of yearTotals(total)) {
    const active = ASSOCIATIONS.filter((a) => a.firstYear <= year);
    // Caseloads grow a little each year the association exists, so shares drift rather than stay flat.
    const split = largestRemainder(
      yearTotal,
      active.map((a) => [a.slug, a.weight * (1 + 0.03 * (year - a.firstYear))] as [string, number]),
    );
    for (const spec of active) {
      const rng = root.fork(`cases:${spec.slug}:${year}`);
      const cases = drawCases(rng, year, split.get(spec.slug) ?? 0, {
        idPrefix: spec.idPrefix,
        onlineOffset: spec.onlineOffset,
        citizenship: spec.citizenship,
        unrecognisedRate: UNRECOGNISED_RATE,
      });
      byAssociation.get(spec.slug)!.push(...cases);
    }
  }
  return byAssociation;
}

/** The fictional associations, in the order `generateDemoExports` returns them. */
export const DEMO_ASSOCIATIONS: ReadonlyArray<{ slug: string; name: string }> = ASSOCIATIONS.map((a) => ({
  slug: a.slug,
  name: a.name,
}));
