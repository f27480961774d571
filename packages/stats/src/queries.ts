import {
  SCHEMA_VERSION,
  publishedCell,
  suppressedCell,
  type AggregateCell,
  type Breakdown,
  type LocalisedText,
  type SeriesSet,
  type StatisticsFilter,
  type YearlySummary,
} from '@observatoire/schema';
import { cellKey, type CellDimension, type ReleaseCell } from './cube/build.js';
import {
  ALL,
  CUBE_DIMENSIONS,
  DIMENSION_CODES,
  DIMENSION_LABELS,
  SINGLE_VALUED,
  CHANNEL_VIEWS,
  VIEW_DIMENSIONS,
  codeLabelOf,
  inSurface,
  groupOf,
  type CubeDimension,
  type FilterKey,
} from './cube/dimensions.js';
import type { Db } from './db.js';
import { StatsError } from './errors.js';
import { loadReleaseData, type LoadedRelease } from './release/read.js';
import { METHODOLOGY, CAVEATS } from './texts.js';
import { checkedPanel, comparisonOf } from './panel/read.js';
import { PANEL_DIMENSIONS } from './panel/view.js';

const isPanelDimension = (d: string) => (PANEL_DIMENSIONS as readonly string[]).includes(d);

/**
 * The view a filter selects. The publication surface (docs/disclosure.md) has three views: every case, the cases
 * recruited through at least one online channel (`recruitmentChannelGroup=online`) and the others
 * (`recruitmentChannelGroup=not_online`); any other filter is not published.
 */
export function viewOf(filter: StatisticsFilter = {}): FilterKey {
  const other = (['exploitationType', 'exploitationGroup', 'recruitmentChannel', 'gender', 'minor'] as const).filter(
    (k) => filter[k] !== undefined,
  );
  const group = filter.recruitmentChannelGroup;
  if (other.length || (group !== undefined && !(CHANNEL_VIEWS as readonly string[]).includes(group))) {
    throw new StatsError('unsupported_filter', 400, {
      fr: 'Filtre non publié : seules les années et le recrutement (recruitmentChannelGroup=online pour « en ligne », not_online pour « pas en ligne ») sont disponibles, pour protéger les petits effectifs.',
      en: 'Filter not published: only years and recruitment (recruitmentChannelGroup=online for "online", not_online for "not online") are available, to protect small counts.',
    });
  }
  return group === undefined ? ALL : `recruitmentChannelGroup:${group}`;
}

/** Refuses a dimension the view does not publish (the surface is finite: everything else is not served). */
function checkSurface(view: FilterKey, dimension: CubeDimension | 'cases'): void {
  if (inSurface(view, dimension)) return;
  throw new StatsError('unsupported_filter', 400, {
    fr: `« ${DIMENSION_LABELS[dimension].fr} » n’est publié que pour l’ensemble des cas : retirez le filtre recruitmentChannelGroup. Avec ce filtre : ${VIEW_DIMENSIONS.join(', ')}.`,
    en: `"${DIMENSION_LABELS[dimension].en}" is only published for all cases: remove the recruitmentChannelGroup filter. With it: ${VIEW_DIMENSIONS.join(', ')}.`,
  });
}

function unknownCode(dimension: CubeDimension, code: string): StatsError {
  return new StatsError('unknown_code', 400, {
    fr: `Code inconnu « ${code} » pour ${DIMENSION_LABELS[dimension].fr.toLowerCase()} : valeurs possibles ${DIMENSION_CODES[dimension].join(', ')}.`,
    en: `Unknown code "${code}" for ${DIMENSION_LABELS[dimension].en.toLowerCase()}: possible values ${DIMENSION_CODES[dimension].join(', ')}.`,
  });
}

function checkDimension(dimension: string): CubeDimension {
  if (!(CUBE_DIMENSIONS as readonly string[]).includes(dimension)) {
    throw new StatsError('unknown_dimension', 400, {
      fr: `Dimension inconnue « ${dimension} » : valeurs possibles ${CUBE_DIMENSIONS.join(', ')}.`,
      en: `Unknown dimension "${dimension}": possible values ${CUBE_DIMENSIONS.join(', ')}.`,
    });
  }
  return dimension as CubeDimension;
}

/** The wire form of a stored cell. A cell missing from the release (a year it does not cover) is null. */
export function toCell(cell: ReleaseCell | undefined): AggregateCell | null {
  if (!cell) return null;
  return cell.value === null ? suppressedCell(cell.reason ?? 'secondary') : publishedCell(cell.value);
}

function cellOf(data: LoadedRelease, view: FilterKey, year: number, dimension: CellDimension, code: string) {
  return toCell(data.cells.get(cellKey(view, year, dimension, code)));
}

/** Derived numbers are computed from published cells only, and withheld when an input is. */
export function derived(inputs: (AggregateCell | null)[], f: (...values: number[]) => number | null): AggregateCell {
  const values: number[] = [];
  for (const c of inputs) {
    if (!c || !('value' in c)) return suppressedCell('derived_from_suppressed');
    values.push(c.value);
  }
  const out = f(...values);
  return out === null || !Number.isFinite(out) ? suppressedCell('derived_from_suppressed') : publishedCell(out);
}

const round1 = (x: number) => Math.round(x * 10) / 10;
export const sharePercent = (part: number, total: number) => (total > 0 ? round1((part / total) * 100) : null);

function yearsOf(data: LoadedRelease, filter: StatisticsFilter): number[] {
  return data.release.referenceYears.filter(
    (y) =>
      (filter.yearFrom === undefined || y >= filter.yearFrom) && (filter.yearTo === undefined || y <= filter.yearTo),
  );
}

export interface SeriesQuery {
  /** Omit for the total cases series only. */
  dimension?: CubeDimension | 'cases';
  /** Restrict to these codes of the dimension (default: all). */
  codes?: string[];
  filter?: StatisticsFilter;
  /**
   * `<from>-<to>`: the same series over the constant panel of those years (the associations that reported in every
   * one of them), from the release's `panel:<from>-<to>` cells; only its years, and only the panel's dimensions.
   */
  panel?: string;
}

/**
 * Time series by reference year: the view's total (`cases`) first, then one series per code of the dimension.
 * `releaseRef` is a release uuid, slug or `latest`.
 */
export async function getSeries(db: Db, releaseRef: string, query: SeriesQuery = {}): Promise<SeriesSet> {
  const data = await loadReleaseData(db, releaseRef);
  const filter = query.filter ?? {};
  let view = viewOf(filter);
  let years = yearsOf(data, filter);
  if (query.panel !== undefined) {
    const panel = checkedPanel(data, query.panel);
    if (view !== ALL || (query.dimension && query.dimension !== 'cases' && !isPanelDimension(query.dimension))) {
      throw new StatsError('unsupported_filter', 400, {
        fr: `À associations constantes, seules ces séries sont publiées, sans filtre : ${PANEL_DIMENSIONS.join(', ')}.`,
        en: `With the same associations, only these series are published, unfiltered: ${PANEL_DIMENSIONS.join(', ')}.`,
      });
    }
    view = panel.view;
    years = years.filter((y) => y >= panel.from && y <= panel.to);
  }
  const series: SeriesSet['series'] = [
    {
      key: 'cases',
      label: DIMENSION_LABELS.cases,
      dimension: null,
      code: null,
      group: null,
      measure: 'cases',
      points: years.map((year) => ({ year, cell: cellOf(data, view, year, 'cases', 'all')! })),
    },
  ];
  if (query.dimension && query.dimension !== 'cases') {
    const dimension = checkDimension(query.dimension);
    // A panel's own dimensions were checked above; the three views publish what the surface lists.
    if (query.panel === undefined) checkSurface(view, dimension);
    const codes = query.codes ?? [...publishedCodes(data, dimension)];
    for (const code of codes) {
      if (!DIMENSION_CODES[dimension].includes(code)) throw unknownCode(dimension, code);
      series.push({
        key: `${dimension}:${code}`,
        label: codeLabelOf(dimension, code),
        dimension,
        code,
        group: groupOf(dimension, code),
        measure: 'cases',
        points: years.map((year) => ({
          year,
          cell: cellOf(data, view, year, dimension, code) ?? suppressedCell('derived_from_suppressed'),
        })),
      });
    }
  }
  return { releaseId: data.release.id, filter, series };
}

export interface BreakdownQuery {
  dimension: CubeDimension;
  /** One reference year, or null/omitted for the sum over the filter's years (derived: withheld if any input is). */
  year?: number | null;
  filter?: StatisticsFilter;
}

/** Counts by the codes of one dimension, with the view's total and each code's share of it. */
export async function getBreakdown(db: Db, releaseRef: string, query: BreakdownQuery): Promise<Breakdown> {
  const data = await loadReleaseData(db, releaseRef);
  return breakdownFrom(data, checkDimension(query.dimension), query.year ?? null, query.filter ?? {});
}

function breakdownFrom(
  data: LoadedRelease,
  dimension: CubeDimension,
  year: number | null,
  filter: StatisticsFilter,
): Breakdown {
  const view = viewOf(filter);
  checkSurface(view, dimension);
  let years: number[];
  if (year !== null) {
    if (!data.release.referenceYears.includes(year)) throw yearNotInRelease(data, year);
    years = [year];
  } else years = yearsOf(data, filter);
  const over = (dim: CellDimension, code: string): AggregateCell =>
    years.length === 1
      ? (cellOf(data, view, years[0], dim, code) ?? suppressedCell('derived_from_suppressed'))
      : derived(
          years.map((y) => cellOf(data, view, y, dim, code)),
          (...vs) => vs.reduce((a, b) => a + b, 0),
        );
  const total = over('cases', 'all');
  return {
    releaseId: data.release.id,
    dimension,
    label: DIMENSION_LABELS[dimension],
    referenceYear: year,
    filter,
    multiValued: !SINGLE_VALUED.has(dimension),
    total,
    items: publishedCodes(data, dimension).map((code) => {
      const cell = over(dimension, code);
      return {
        code,
        label: codeLabelOf(dimension, code),
        group: groupOf(dimension, code),
        cell,
        share: derived([cell, total], sharePercent),
      };
    }),
  };
}

/** The codes of a dimension the release has cells for (rare platforms are published together as `other`). */
function publishedCodes(data: LoadedRelease, dimension: CubeDimension): readonly string[] {
  const year = data.release.referenceYears.at(-1);
  if (year === undefined) return DIMENSION_CODES[dimension];
  const present = DIMENSION_CODES[dimension].filter((code) =>
    data.release.referenceYears.some((y) => data.cells.has(cellKey(ALL, y, dimension, code))),
  );
  return present.length ? present : DIMENSION_CODES[dimension];
}

function yearNotInRelease(data: LoadedRelease, year: number): StatsError {
  const years = data.release.referenceYears.join(', ');
  return new StatsError('year_not_in_release', 404, {
    fr: `L’année ${year} ne figure pas dans la publication « ${data.release.slug} » (années : ${years}).`,
    en: `Year ${year} is not in release "${data.release.slug}" (years: ${years}).`,
  });
}

/** Breakdowns printed in the yearly summary, in this order. */
export const SUMMARY_DIMENSIONS: readonly CubeDimension[] = [
  'recruitmentChannelGroup',
  'recruitmentChannel',
  'recruitmentPlatform',
  'exploitationGroup',
  'exploitationType',
  'gender',
  'ageBand',
  'minor',
  'citizenshipRegion',
  'recruiterRelation',
  'onlineExploitation',
  'onlineControl',
  'exploitationPlatform',
];

/** The yearly summary for policymakers: key figures, breakdowns, methodology (also the source of CSV/XLSX/PDF). */
export async function getYearlySummary(db: Db, releaseRef: string, year: number): Promise<YearlySummary> {
  const data = await loadReleaseData(db, releaseRef);
  if (!data.release.referenceYears.includes(year)) throw yearNotInRelease(data, year);
  const cases = cellOf(data, ALL, year, 'cases', 'all')!;
  const onlineCases = cellOf(data, ALL, year, 'recruitmentChannelGroup', 'online')!;
  const minors = cellOf(data, ALL, year, 'minor', 'yes')!;
  const prevYear = year - 1;
  const previousCases = data.release.referenceYears.includes(prevYear)
    ? cellOf(data, ALL, prevYear, 'cases', 'all')
    : null;
  const rule = data.release.disclosureRule;
  return {
    schemaVersion: SCHEMA_VERSION,
    releaseId: data.release.id,
    referenceYear: year,
    generatedAt: data.release.publishedAt ?? data.release.createdAt,
    contributingAssociations: data.row.contributing_by_year[String(year)] ?? 0,
    cases,
    onlineCases,
    onlineShare: derived([onlineCases, cases], sharePercent),
    minors,
    previousYear: previousCases
      ? { referenceYear: prevYear, cases: previousCases, change: derived([cases, previousCases], (a, b) => a - b) }
      : null,
    comparison: previousCases ? comparisonOf(data, prevYear, year) : null,
    breakdowns: SUMMARY_DIMENSIONS.map((d) => breakdownFrom(data, d, year, {})),
    disclosureRule: rule,
    methodology: METHODOLOGY(rule),
    caveats: CAVEATS as LocalisedText[],
  };
}
