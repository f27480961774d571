/**
 * The multi-year file of a release: every cell it stores, every published year, every view, read from the
 * release's cells (release/read.ts), never recomputed from the cases. A withheld cell stays withheld, with its
 * reason. Written as one CSV per language (@observatoire/formats dialects), a machine-readable CSV with codes, a workbook
 * and a zip with all of them, a README and datapackage.json (docs/open-data.md).
 */
import JSZip from 'jszip';
import {
  ETALAB_LICENCE,
  suppressionReasonMessages,
  type Locale,
  type LocalisedText,
  type Release,
  type SuppressionReason,
} from '@observatoire/schema';
import type { ReleaseCell } from '../cube/build.js';
import { ALL, CUBE_DIMENSIONS, DIMENSION_LABELS, codeLabelOf, type CubeDimension } from '../cube/dimensions.js';
import type { LoadedRelease } from '../release/read.js';
import { dataPackageJson, writeCsv, type CsvValue, type TableField, type TableResource } from '@observatoire/formats';
import { T } from './table.js';

/** One stored cell, with the words of both languages. */
export interface AllYearsRow {
  year: number;
  view: string;
  dimension: string;
  code: string;
  value: number | null;
  reason: SuppressionReason | null;
}

/** The counts of associations a constant-panel view carries beside its cases (panel/build.ts). */
const ASSOCIATION_CODES: Record<string, LocalisedText> = {
  reporting: { fr: 'Associations ayant déclaré cette année', en: 'Associations reporting that year' },
  panel: { fr: 'Présentes chaque année de la comparaison', en: 'Present in every year of the comparison' },
  outside: { fr: 'Hors de la comparaison (arrivées ou parties)', en: 'Outside the comparison (joined or left)' },
  joined: { fr: 'Arrivées depuis le début de la comparaison', en: 'Joined since the start of the comparison' },
  left: { fr: 'Parties avant la fin de la comparaison', en: 'Left before the end of the comparison' },
};

const DIMENSION_ORDER = new Map<string, number>([
  ['cases', -1],
  ...CUBE_DIMENSIONS.map((d, i): [string, number] => [d, i]),
]);

/** The release's cells as rows: view (everyone first), table, year, code; a cell without a reason is "secondary". */
export function allYearsRows(data: LoadedRelease): AllYearsRow[] {
  const cells: ReleaseCell[] = [...data.cells.values()];
  const rows = cells.map((c) => ({
    year: c.year,
    view: c.filter,
    dimension: c.dimension,
    code: c.code,
    value: c.value,
    reason: c.value === null ? ((c.reason as SuppressionReason | null) ?? 'secondary') : null,
  }));
  const order = (d: string) => DIMENSION_ORDER.get(d) ?? 99;
  return rows.sort(
    (a, b) =>
      Number(b.view === ALL) - Number(a.view === ALL) ||
      a.view.localeCompare(b.view) ||
      order(a.dimension) - order(b.dimension) ||
      a.dimension.localeCompare(b.dimension) ||
      a.year - b.year ||
      a.code.localeCompare(b.code),
  );
}

const isDimension = (d: string): d is CubeDimension | 'cases' => d === 'cases' || d in DIMENSION_LABELS;

export function dimensionLabel(dimension: string, lang: Locale): string {
  if (dimension === 'associations') return T.associationCount[lang];
  return isDimension(dimension) ? DIMENSION_LABELS[dimension][lang] : dimension;
}

export function codeLabel(dimension: string, code: string, lang: Locale): string {
  if (dimension === 'cases') return DIMENSION_LABELS.cases[lang];
  if (dimension === 'associations') return ASSOCIATION_CODES[code]?.[lang] ?? code;
  return isDimension(dimension) ? codeLabelOf(dimension, code)[lang] : code;
}

/** "Everyone", or "Form of exploitation: Labour exploitation" for a filtered view. */
export function viewLabel(view: string, lang: Locale): string {
  if (view === ALL) return T.everyone[lang];
  const panel = /^panel:(\d{4})-(\d{4})$/.exec(view);
  if (panel) return `${T.sameAssociations[lang]} ${panel[1]}–${panel[2]}`;
  const [dimension, code] = view.split(':') as [string, string];
  return `${dimensionLabel(dimension, lang)}${lang === 'fr' ? ' : ' : ': '}${codeLabel(dimension, code, lang)}`;
}

export const reasonText = (reason: SuppressionReason | null, lang: Locale) =>
  reason ? (suppressionReasonMessages[reason]?.[lang] ?? reason) : '';

export const ALL_YEARS_HEADER = (lang: Locale) =>
  [T.year, T.view, T.table, T.code, T.label, T.value, T.status, T.note].map((w) => w[lang]);

/** The cells of one row in a language. */
export function localisedRow(r: AllYearsRow, lang: Locale): CsvValue[] {
  return [
    r.year,
    viewLabel(r.view, lang),
    dimensionLabel(r.dimension, lang),
    r.code,
    codeLabel(r.dimension, r.code, lang),
    r.value,
    r.value === null ? T.withheld[lang] : T.published[lang],
    reasonText(r.reason, lang),
  ];
}

export const ALL_YEARS_CODES_HEADER = ['release', 'year', 'view', 'dimension', 'code', 'value', 'status', 'reason'];

/** The multi-year CSV in a language (French or English dialect). */
export function allYearsCsv(rows: AllYearsRow[], lang: Locale): string {
  return writeCsv(
    ALL_YEARS_HEADER(lang),
    rows.map((r) => localisedRow(r, lang)),
    lang,
  );
}

/** The multi-year CSV for programs: codes only, RFC 4180. */
export function allYearsCodesCsv(rows: AllYearsRow[], release: Pick<Release, 'slug'>): string {
  return writeCsv(
    ALL_YEARS_CODES_HEADER,
    rows.map((r) => [
      release.slug,
      r.year,
      r.view,
      r.dimension,
      r.code,
      r.value,
      r.value === null ? 'withheld' : 'published',
      r.reason,
    ]),
    'data',
  );
}

function localisedFields(lang: Locale): TableField[] {
  const [year, view, table, code, label, cases, status, note] = ALL_YEARS_HEADER(lang);
  return [
    { name: year!, type: 'integer', required: true },
    { name: view!, type: 'string', required: true },
    { name: table!, type: 'string', required: true },
    { name: code!, type: 'string', required: true },
    { name: label!, type: 'string' },
    {
      name: cases!,
      type: 'integer',
      description:
        lang === 'fr' ? 'Vide quand la case est masquée (ce n’est pas un zéro).' : 'Empty when withheld (not a zero).',
    },
    { name: status!, type: 'string', required: true, values: [T.published[lang], T.withheld[lang]] },
    { name: note!, type: 'string' },
  ];
}

const CODE_FIELDS: TableField[] = [
  { name: 'release', type: 'string', required: true, description: 'Release slug' },
  { name: 'year', type: 'integer', required: true, description: 'Reference year' },
  {
    name: 'view',
    type: 'string',
    required: true,
    description: '"all", a filter "<dimension>:<code>", or "panel:<from>-<to>" (associations present in every year)',
  },
  {
    name: 'dimension',
    type: 'string',
    required: true,
    description: 'Table: "cases" for the total, "associations" for the counts of associations of a panel',
  },
  { name: 'code', type: 'string', required: true, description: 'Code of the category (data dictionary)' },
  {
    name: 'value',
    type: 'integer',
    description: 'Number of cases (of associations for "associations"); empty when withheld (never 0)',
  },
  { name: 'status', type: 'string', required: true, values: ['published', 'withheld'] },
  {
    name: 'reason',
    type: 'string',
    description: 'Why the value is withheld',
    values: Object.keys(suppressionReasonMessages),
  },
];

/** File names of a release's multi-year files. */
export const allYearsNames = (slug: string) => ({
  csv: (lang: Locale) => `observatoire-${slug}-all-years-${lang}.csv`,
  codes: `observatoire-${slug}-all-years-codes.csv`,
  xlsx: (lang: Locale) => `observatoire-${slug}-all-years-${lang}.xlsx`,
  zip: (lang: Locale) => `observatoire-${slug}-all-years-${lang}.zip`,
});

/** datapackage.json of the release's zip: the French, English and codes files. */
export function allYearsDataPackage(release: Release, lang: Locale, homepage?: string): string {
  const names = allYearsNames(release.slug);
  const resources: TableResource[] = [
    ...(['fr', 'en'] as const).map((l): TableResource => ({
      name: `all-years-${l}`,
      path: names.csv(l),
      title: `${T.allYears[l]} (${l === 'fr' ? 'français' : 'English'})`,
      dialect: l,
      fields: localisedFields(l),
    })),
    { name: 'all-years-codes', path: names.codes, title: 'All years (codes)', dialect: 'data', fields: CODE_FIELDS },
  ];
  const years = release.referenceYears;
  return dataPackageJson(
    {
      name: `observatoire-${release.slug}`,
      title: `${release.title[lang]} (${years[0]}–${years.at(-1)})`,
      description:
        lang === 'fr'
          ? `Toutes les cases publiées de la publication ${release.slug}, pour toutes ses années de référence : nombre de personnes victimes de traite suivies par les associations membres, par catégorie. Une case masquée par la règle de diffusion est vide, avec sa raison.`
          : `Every published cell of release ${release.slug}, for all its reference years: number of trafficking victims supported by the member associations, by category. A cell withheld by the disclosure rule is empty, with its reason.`,
      version: release.slug,
      ...(release.publishedAt && { created: release.publishedAt }),
      ...(homepage && { homepage }),
      keywords: ['traite des êtres humains', 'human trafficking', 'open data'],
    },
    resources,
  );
}

export function allYearsReadme(release: Release, lang: Locale): string {
  const names = allYearsNames(release.slug);
  const fr = [
    `${release.title.fr} — ${T.allYears.fr}`,
    '',
    `Publication ${release.slug}, années ${release.referenceYears.join(', ')}.`,
    '',
    `- ${names.csv('fr')} : en français, séparateur « ; », virgule décimale, UTF-8 avec BOM (s’ouvre dans Excel en français).`,
    `- ${names.csv('en')} : en anglais, séparateur « , », point décimal, UTF-8 avec BOM.`,
    `- ${names.codes} : pour les programmes, codes seulement, RFC 4180, UTF-8 sans BOM.`,
    `- ${names.xlsx(lang)} : classeur, un onglet par tableau (années en colonnes).`,
    '- datapackage.json : description de chaque colonne (Frictionless Data Package).',
    '',
    'Une case vide est masquée (règle de diffusion), ce n’est pas un zéro ; sa raison est dans la colonne Note.',
    `Licence : ${ETALAB_LICENCE.name}, ${ETALAB_LICENCE.url}`,
  ];
  const en = [
    `${release.title.en} — ${T.allYears.en}`,
    '',
    `Release ${release.slug}, years ${release.referenceYears.join(', ')}.`,
    '',
    `- ${names.csv('fr')}: in French, ";" delimiter, decimal comma, UTF-8 with BOM (opens in French Excel).`,
    `- ${names.csv('en')}: in English, "," delimiter, decimal point, UTF-8 with BOM.`,
    `- ${names.codes}: for programs, codes only, RFC 4180, UTF-8 without BOM.`,
    `- ${names.xlsx(lang)}: workbook, one sheet per table (years as columns).`,
    '- datapackage.json: every column described (Frictionless Data Package).',
    '',
    'An empty cell is withheld (disclosure rule), not a zero; its reason is in the Note column.',
    `Licence: ${ETALAB_LICENCE.name}, ${ETALAB_LICENCE.url}`,
  ];
  return `${(lang === 'fr' ? fr : en).join('\r\n')}\r\n`;
}

/** The release's zip in a language: both CSVs, the codes file, the workbook, README and datapackage.json. */
export async function allYearsZip(data: LoadedRelease, lang: Locale, xlsx: Buffer, homepage?: string): Promise<Buffer> {
  const rows = allYearsRows(data);
  const names = allYearsNames(data.release.slug);
  const zip = new JSZip();
  zip.file(names.csv('fr'), allYearsCsv(rows, 'fr'));
  zip.file(names.csv('en'), allYearsCsv(rows, 'en'));
  zip.file(names.codes, allYearsCodesCsv(rows, data.release));
  zip.file(names.xlsx(lang), xlsx);
  zip.file(lang === 'fr' ? 'LISEZMOI.txt' : 'README.txt', allYearsReadme(data.release, lang));
  zip.file('datapackage.json', allYearsDataPackage(data.release, lang, homepage));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
