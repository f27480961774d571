import { createHash } from 'node:crypto';
import { MINOR_AGE_BANDS, type SuppressionReason as WireReason } from '@observatoire/schema';
import { type Interval } from '../disclosure/lp.js';
import type { Target } from '../disclosure/audit.js';
import { suppress, type SuppressCell, type SuppressProgress } from '../disclosure/suppress.js';
import type { DisclosureRule, SuppressionReason } from '../disclosure/types.js';
import {
  ALL,
  CUBE_DIMENSIONS,
  DIMENSION_CODES,
  MINORS_TOGETHER,
  PLATFORM_DIMENSIONS,
  SINGLE_VALUED,
  channelGroupOf,
  codesOf,
  exploitationGroupOf,
  filterKeys,
  inSurface,
  matchesFilter,
  type CubeCase,
  type CubeDimension,
  type FilterKey,
} from './dimensions.js';
import { knowledge, twins, type CellDimension, type CellIndex } from './knowledge.js';

export type { CellDimension } from './knowledge.js';

/** One cell of a release: published (value) or withheld (reason), never both. */
export interface ReleaseCell {
  filter: FilterKey;
  year: number;
  dimension: CellDimension;
  code: string;
  value: number | null;
  reason: WireReason | null;
}

export function cellKey(filter: FilterKey, year: number, dimension: CellDimension, code: string): string {
  return `${filter}|${year}|${dimension}|${code}`;
}

/** What publishing needs from the releases already published: their cells, carried forward for their years. */
export interface PreviousRelease {
  cells: readonly ReleaseCell[];
  years: readonly number[];
  fingerprints: Readonly<Record<string, string>>;
}

export interface CubeProgress extends SuppressProgress {
  year: number;
}

export interface CubeFailure {
  year: number;
  label: string;
  interval: Interval;
}

export interface CubeResult {
  cells: ReleaseCell[];
  years: number[];
  /** Years published before: their cells are carried forward unchanged. */
  frozenYears: number[];
  /** Frozen years whose data changed since (revisions, withdrawals, late uploads): not published. */
  revisedFrozenYears: number[];
  fingerprints: Record<string, string>;
  /** Protection intervals that could not be kept (then nothing may be published). */
  failures: CubeFailure[];
  /**
   * Codes published under their own name after global recoding: rare platforms are counted in `other` ("autres
   * plateformes"); the two minor age bands are published together as `0-17` when one of them is rare.
   */
  codesKept: Record<'recruitmentPlatform' | 'exploitationPlatform' | 'ageBand', string[]>;
}

/** One count of the surface, before disclosure control. */
export interface TrueCell {
  filter: FilterKey;
  dimension: CellDimension;
  code: string;
  value: number;
  contributors: Map<string, number>;
  threshold: number;
}

/** The year's number of persons: the base of every share and chart, never withheld as a complement. */
const GRAND_TOTAL_PENALTY = Infinity;
const HEADLINE_PENALTY = 1e5;
const UNFILTERED_PENALTY = 1e3;

/**
 * Builds every cell of the publication surface for every reference year and applies audited disclosure control
 * year by year (years share no case, so no constraint links two years). Years an earlier release published are
 * carried forward as they were published, whatever changed since: a published number never changes, and the
 * difference between two releases is never a new number (docs/disclosure.md, "Releases").
 */
export async function computeCube(
  cases: readonly CubeCase[],
  rule: DisclosureRule,
  previous?: PreviousRelease,
  onProgress?: (p: CubeProgress) => void,
): Promise<CubeResult> {
  const codesKept = keptCodes(cases, rule);
  const recoded = cases.map((c) => recode(c, codesKept));
  const dataYears = [...new Set(recoded.map((c) => c.year))];
  // Cells of an earlier release outside today's surface (a release built by an earlier method) are not carried.
  const carried = (previous?.cells ?? []).filter(
    (c) => filterKeys().includes(c.filter) && inSurface(c.filter, c.dimension),
  );
  const frozenYears = (previous?.years ?? []).filter((y) => carried.some((c) => c.year === y));
  const years = [...new Set([...dataYears, ...frozenYears])].sort((a, b) => a - b);
  const cells: ReleaseCell[] = [];
  const fingerprints: Record<string, string> = {};
  const failures: CubeFailure[] = [];
  const revisedFrozenYears: number[] = [];
  for (const year of years) {
    const yearCases = recoded.filter((c) => c.year === year);
    const truth = trueCells(yearCases, rule, codesKept);
    fingerprints[String(year)] = fingerprint(truth);
    if (frozenYears.includes(year)) {
      cells.push(...carried.filter((c) => c.year === year).map((c) => ({ ...c })));
      if (previous!.fingerprints[String(year)] !== fingerprints[String(year)]) revisedFrozenYears.push(year);
      fingerprints[String(year)] = previous!.fingerprints[String(year)] ?? fingerprints[String(year)];
      continue;
    }
    const out = await protectYear(year, truth, rule, (p) => onProgress?.({ ...p, year }));
    cells.push(...out.cells);
    failures.push(...out.failures);
  }
  return { cells, years, frozenYears, revisedFrozenYears, fingerprints, failures, codesKept };
}

/** The surface's cells of one year, with their true counts. */
export function trueCells(
  yearCases: readonly CubeCase[],
  rule: DisclosureRule,
  kept: CubeResult['codesKept'],
): TrueCell[] {
  const out: TrueCell[] = [];
  for (const filter of filterKeys()) {
    const inView = yearCases.filter((c) => matchesFilter(c, filter));
    out.push(count(filter, 'cases', 'all', inView, rule.threshold));
    for (const dimension of CUBE_DIMENSIONS) {
      if (!inSurface(filter, dimension)) continue;
      const threshold = PLATFORM_DIMENSIONS.has(dimension) ? rule.platformThreshold : rule.threshold;
      const codes =
        dimension === 'recruitmentPlatform' || dimension === 'exploitationPlatform' || dimension === 'ageBand'
          ? kept[dimension]
          : DIMENSION_CODES[dimension];
      for (const code of codes) {
        out.push(
          count(
            filter,
            dimension,
            code,
            inView.filter((c) => codesOf(c, dimension).includes(code)),
            threshold,
          ),
        );
      }
    }
  }
  return out;
}

function count(
  filter: FilterKey,
  dimension: CellDimension,
  code: string,
  members: readonly CubeCase[],
  threshold: number,
): TrueCell {
  const contributors = new Map<string, number>();
  for (const c of members) contributors.set(c.associationId, (contributors.get(c.associationId) ?? 0) + 1);
  return { filter, dimension, code, value: members.length, contributors, threshold };
}

/** One year's cells as suppression sees them, and the index a reader's knowledge is written with. */
export function yearCells(
  year: number,
  truth: readonly TrueCell[],
  penalty: (t: TrueCell) => number,
): { cells: SuppressCell[]; index: Map<string, number>; at: CellIndex } {
  const index = new Map(truth.map((t, i) => [cellKey(t.filter, year, t.dimension, t.code), i]));
  const cells = truth.map((t) => ({
    value: t.value,
    threshold: t.threshold,
    contributors: t.contributors,
    label: cellKey(t.filter, year, t.dimension, t.code),
    table: `${t.filter}|${t.dimension}`,
    additive: t.dimension !== 'cases' && SINGLE_VALUED.has(t.dimension),
    penalty: penalty(t),
  }));
  return { cells, index, at: (f, d, code) => index.get(cellKey(f, year, d, code)) };
}

async function protectYear(
  year: number,
  truth: readonly TrueCell[],
  rule: DisclosureRule,
  onProgress: (p: SuppressProgress) => void,
): Promise<{ cells: ReleaseCell[]; failures: CubeFailure[] }> {
  const { cells, at } = yearCells(year, truth, penaltyOf);
  const constraints = knowledge(at, (i) => truth[i].value);
  const result = await suppress(cells, constraints, twins(at), rule, {
    onRound: onProgress,
    hidden: hiddenDifferences(truth, at),
  });
  return {
    cells: truth.map((t, i) => {
      const reason = result.reasons[i];
      return {
        filter: t.filter,
        year,
        dimension: t.dimension,
        code: t.code,
        value: reason ? null : t.value,
        reason: reason ? wireReason(reason, PLATFORM_DIMENSIONS.has(t.dimension as CubeDimension)) : null,
      };
    }),
    failures: result.failures.map((f) => ({ year, label: f.target.label, interval: f.interval })),
  };
}

/**
 * Differences a reader can take between a group and one of its members (online cases not recruited through
 * social networks, …): when such a difference is a small group (1 to threshold - 1), it must stay as uncertain as
 * a withheld small count.
 */
export function hiddenDifferences(
  truth: readonly TrueCell[],
  at: (f: FilterKey, d: CellDimension, c: string) => number | undefined,
): Target[] {
  const out: Target[] = [];
  const pairs: [CubeDimension, CubeDimension, (code: string) => string][] = [
    ['recruitmentChannelGroup', 'recruitmentChannel', channelGroupOf],
    ['exploitationGroup', 'exploitationType', exploitationGroupOf],
  ];
  for (const [groupDim, memberDim, groupOf] of pairs) {
    for (const member of DIMENSION_CODES[memberDim]) {
      const g = at(ALL, groupDim, groupOf(member));
      const m = at(ALL, memberDim, member);
      if (g === undefined || m === undefined) continue;
      const diff = truth[g].value - truth[m].value;
      if (diff <= 0 || diff >= truth[m].threshold) continue;
      out.push({
        terms: [
          [g, 1],
          [m, -1],
        ],
        requirement: 'threshold',
        threshold: truth[m].threshold,
        label: `${ALL}|${groupDim}:${groupOf(member)} - ${memberDim}:${member} (a small group by difference)`,
      });
    }
  }
  return out;
}

function penaltyOf(t: TrueCell): number {
  if (t.dimension === 'cases') return t.filter === ALL ? GRAND_TOTAL_PENALTY : HEADLINE_PENALTY;
  if (t.filter !== ALL) return 0;
  const headline =
    (t.dimension === 'recruitmentChannelGroup' && t.code === 'online') || (t.dimension === 'minor' && t.code === 'yes');
  return UNFILTERED_PENALTY + (headline ? HEADLINE_PENALTY : 0);
}

/**
 * Global recoding of rare categories, the same in every year so that a chart shows one bar for them instead of
 * hatching: a platform keeps its own cell when it reaches the platform threshold in at least half of the years,
 * the others are counted together under `other` ("autres plateformes"); the two minor age bands keep their own
 * cells when both reach the threshold in at least half of the years, else they are published together as `0-17`.
 */
export function keptCodes(cases: readonly CubeCase[], rule: DisclosureRule): CubeResult['codesKept'] {
  const years = [...new Set(cases.map((c) => c.year))];
  const strong = (dimension: CubeDimension, code: string, threshold: number) => {
    const n = years.filter(
      (y) => cases.filter((c) => c.year === y && codesOf(c, dimension).includes(code)).length >= threshold,
    ).length;
    return n * 2 >= years.length && n > 0;
  };
  const kept = (dimension: 'recruitmentPlatform' | 'exploitationPlatform') =>
    DIMENSION_CODES[dimension].filter((p) => p === 'other' || strong(dimension, p, rule.platformThreshold));
  const bands = DIMENSION_CODES.ageBand;
  const minorsApart = MINOR_AGE_BANDS.every((b) => strong('ageBand', b, rule.threshold));
  return {
    recruitmentPlatform: kept('recruitmentPlatform'),
    exploitationPlatform: kept('exploitationPlatform'),
    ageBand: bands.filter((b) =>
      minorsApart ? b !== MINORS_TOGETHER : !(MINOR_AGE_BANDS as readonly string[]).includes(b),
    ),
  };
}

/** A case as the release counts it, after global recoding. */
export function recode(c: CubeCase, kept: CubeResult['codesKept']): CubeCase {
  const map = (xs: string[], list: string[]) => [...new Set(xs.map((p) => (list.includes(p) ? p : 'other')))];
  return {
    ...c,
    ageBand: kept.ageBand.includes(c.ageBand) || !c.ageBand ? c.ageBand : MINORS_TOGETHER,
    recruitmentPlatforms: map(c.recruitmentPlatforms, kept.recruitmentPlatform),
    exploitationPlatforms: map(c.exploitationPlatforms, kept.exploitationPlatform),
  };
}

function fingerprint(truth: readonly TrueCell[]): string {
  const h = createHash('sha256');
  for (const t of truth)
    h.update(`${t.filter}|${t.dimension}|${t.code}|${JSON.stringify([...t.contributors].sort())};`);
  return h.digest('hex');
}

export function wireReason(reason: SuppressionReason, platform: boolean): WireReason {
  switch (reason) {
    case 'threshold':
      return platform ? 'below_platform_threshold' : 'below_threshold';
    case 'associations':
      return 'too_few_associations';
    case 'secondary':
      return 'secondary';
    case 'confidential':
      return 'confidential';
  }
}

/** Share of the persons (and of the cells) of each chart's default view that sit in published cells. */
export interface PublishedMass {
  persons: number;
  cells: number;
}

/** The charts' default views (apps/dashboard/src/lib/charts/specs.ts): dimension, codes and years they draw. */
const CHART_DEFAULTS: {
  id: string;
  dimension: CubeDimension;
  codes?: (code: string) => boolean;
  latestOnly: boolean;
}[] = [
  { id: 'online-offline', dimension: 'recruitmentChannelGroup', latestOnly: false },
  { id: 'channels', dimension: 'recruitmentChannel', latestOnly: false, codes: (c) => channelGroupOf(c) === 'online' },
  { id: 'platforms', dimension: 'recruitmentPlatform', latestOnly: true },
  { id: 'exploitation', dimension: 'exploitationType', latestOnly: true },
  { id: 'gender', dimension: 'gender', latestOnly: true },
  { id: 'age-band', dimension: 'ageBand', latestOnly: true },
  { id: 'region', dimension: 'citizenshipRegion', latestOnly: true },
];

/**
 * Published mass per chart: the project computes it (it knows the true counts), the public cannot. Years carried
 * forward are measured against today's data.
 */
export function publishedMass(
  cases: readonly CubeCase[],
  cells: readonly ReleaseCell[],
  rule: DisclosureRule,
  kept: CubeResult['codesKept'],
): Record<string, PublishedMass> {
  const published = new Map(cells.map((c) => [cellKey(c.filter, c.year, c.dimension, c.code), c.value !== null]));
  const years = [...new Set(cells.map((c) => c.year))].sort((a, b) => a - b);
  const recoded = cases.map((c) => recode(c, kept));
  const truthByYear = new Map(
    years.map((y) => [
      y,
      trueCells(
        recoded.filter((c) => c.year === y),
        rule,
        kept,
      ),
    ]),
  );
  const out: Record<string, PublishedMass> = {};
  for (const chart of CHART_DEFAULTS) {
    let persons = 0;
    let publishedPersons = 0;
    let n = 0;
    let publishedCells = 0;
    for (const year of chart.latestOnly ? years.slice(-1) : years) {
      for (const t of truthByYear.get(year) ?? []) {
        if (t.filter !== ALL || t.dimension !== chart.dimension || (chart.codes && !chart.codes(t.code))) continue;
        const isPublished = published.get(cellKey(ALL, year, t.dimension, t.code)) ?? false;
        persons += t.value;
        n++;
        if (isPublished) {
          publishedPersons += t.value;
          publishedCells++;
        }
      }
    }
    out[chart.id] = { persons: persons ? publishedPersons / persons : 1, cells: n ? publishedCells / n : 1 };
  }
  return out;
}
