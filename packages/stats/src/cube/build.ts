import { createHash } from 'node:crypto';
import { protect } from '../disclosure/protect.js';
import type { DisclosureRule, Equation, ProtectCell, SuppressionReason } from '../disclosure/types.js';
import type { SuppressionReason as WireReason } from '@observatoire/schema';
import {
  ALL,
  CUBE_DIMENSIONS,
  DIMENSION_CODES,
  FILTER_DIMENSIONS,
  PLATFORM_DIMENSIONS,
  SINGLE_VALUED,
  channelGroupOf,
  codesOf,
  exploitationGroupOf,
  filterKeys,
  matchesFilter,
  type CubeCase,
  type CubeDimension,
  type FilterKey,
} from './dimensions.js';

export type CellDimension = CubeDimension | 'cases';

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

/** What publishing needs from the previous release: its pattern and per-year fingerprints. */
export interface PreviousRelease {
  /** Keys of cells withheld in the previous release. */
  withheld: ReadonlySet<string>;
  /** Per reference year: fingerprint of the data and rule the previous release was computed from. */
  fingerprints: Readonly<Record<string, string>>;
  /** The previous release's cells, reused verbatim for years whose fingerprint did not change. */
  cells: readonly ReleaseCell[];
}

export interface CubeResult {
  cells: ReleaseCell[];
  fingerprints: Record<string, string>;
  years: number[];
  /** Years whose cells were copied from the previous release because nothing changed. */
  reusedYears: number[];
  /** Should stay empty: withheld cells the algorithm could not protect (then withheld with everything around). */
  unprotected: string[];
}

interface RawCell {
  key: string;
  filter: FilterKey;
  dimension: CellDimension;
  code: string;
  members: number[];
  threshold: number;
  platform: boolean;
  penalty: number;
}

const KEY_FIGURE_PENALTY = 1e4;
const UNFILTERED_PENALTY = 1e3;
const GRAND_TOTAL_PENALTY = 1e7;

/**
 * Builds every cell of every view for every reference year, runs disclosure control once over each year's whole
 * set of views (years share no case, so no equation links two years), and returns the published pattern.
 */
export function computeCube(cases: readonly CubeCase[], rule: DisclosureRule, previous?: PreviousRelease): CubeResult {
  const years = [...new Set(cases.map((c) => c.year))].sort((a, b) => a - b);
  const cells: ReleaseCell[] = [];
  const fingerprints: Record<string, string> = {};
  const reusedYears: number[] = [];
  const unprotected: string[] = [];
  for (const year of years) {
    const yearCases = cases.filter((c) => c.year === year);
    const raw = rawCells(yearCases, rule);
    const fp = fingerprint(raw, yearCases, rule);
    fingerprints[String(year)] = fp;
    if (previous && previous.fingerprints[String(year)] === fp) {
      const kept = previous.cells.filter((c) => c.year === year);
      if (kept.length === raw.length) {
        cells.push(...kept.map((c) => ({ ...c })));
        reusedYears.push(year);
        continue;
      }
    }
    const out = protectYear(year, yearCases, raw, rule, previous?.withheld);
    cells.push(...out.cells);
    unprotected.push(...out.unprotected);
  }
  return { cells, fingerprints, years, reusedYears, unprotected };
}

function rawCells(yearCases: readonly CubeCase[], rule: DisclosureRule): RawCell[] {
  const out: RawCell[] = [];
  for (const filter of filterKeys()) {
    const inView: number[] = [];
    yearCases.forEach((c, i) => {
      if (matchesFilter(c, filter)) inView.push(i);
    });
    const basePenalty = filter === ALL ? UNFILTERED_PENALTY : 0;
    out.push({
      key: '',
      filter,
      dimension: 'cases',
      code: 'all',
      members: inView,
      threshold: rule.threshold,
      platform: false,
      penalty: filter === ALL ? GRAND_TOTAL_PENALTY : basePenalty,
    });
    for (const dimension of CUBE_DIMENSIONS) {
      const byCode = new Map<string, number[]>(DIMENSION_CODES[dimension].map((code) => [code, []]));
      for (const i of inView) {
        for (const code of codesOf(yearCases[i], dimension)) {
          let list = byCode.get(code);
          // A code outside the list (should not happen after the ETL) still gets a cell rather than vanishing.
          if (!list) byCode.set(code, (list = []));
          list.push(i);
        }
      }
      const platform = PLATFORM_DIMENSIONS.has(dimension);
      for (const [code, members] of byCode) {
        const keyFigure =
          filter === ALL &&
          ((dimension === 'recruitmentChannelGroup' && code === 'online') || (dimension === 'minor' && code === 'yes'));
        out.push({
          key: '',
          filter,
          dimension,
          code,
          members,
          threshold: platform ? rule.platformThreshold : rule.threshold,
          platform,
          penalty: basePenalty + (keyFigure ? KEY_FIGURE_PENALTY : 0),
        });
      }
    }
  }
  return out;
}

function fingerprint(raw: RawCell[], yearCases: readonly CubeCase[], rule: DisclosureRule): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(rule));
  for (const r of raw) {
    const counts = new Map<string, number>();
    for (const i of r.members)
      counts.set(yearCases[i].associationId, (counts.get(yearCases[i].associationId) ?? 0) + 1);
    h.update(`${r.filter}|${r.dimension}|${r.code}|${r.members.length}|`);
    h.update(JSON.stringify([...counts].sort()));
  }
  return h.digest('hex');
}

function protectYear(
  year: number,
  yearCases: readonly CubeCase[],
  raw: RawCell[],
  rule: DisclosureRule,
  previousWithheld: ReadonlySet<string> | undefined,
): { cells: ReleaseCell[]; unprotected: string[] } {
  raw.forEach((r) => (r.key = cellKey(r.filter, year, r.dimension, r.code)));
  const index = new Map(raw.map((r, i) => [r.key, i]));
  const rawOf = (filter: FilterKey, dimension: CellDimension, code: string) =>
    index.get(cellKey(filter, year, dimension, code));

  // Cells that count the same cases by construction are one number in every view (a filtered view's total and the
  // matching cell of the unfiltered view, …): one variable, published or withheld together. Only identities a
  // reader can know are merged; a coincidence between unrelated cells is not (it would tie unrelated tables).
  const parent = raw.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  raw.forEach((r, i) => {
    const c = canonical(r.filter, r.dimension, r.code);
    const j = rawOf(c.filter, c.dimension, c.code);
    if (j !== undefined && j !== i) union(i, j);
  });

  // Nested cells of different views (a filtered cell inside the unfiltered one, a channel inside its group): their
  // difference is itself a group of cases. Equal → one variable; a small difference → a hidden variable that must
  // not become computable.
  const nestedPairs: [number, number][] = [];
  const pair = (outer: number | undefined, inner: number | undefined) => {
    if (outer !== undefined && inner !== undefined) nestedPairs.push([outer, inner]);
  };
  for (const filter of filterKeys()) {
    for (const code of DIMENSION_CODES.recruitmentChannel) {
      pair(rawOf(filter, 'recruitmentChannelGroup', channelGroupOf(code)), rawOf(filter, 'recruitmentChannel', code));
    }
    for (const code of DIMENSION_CODES.exploitationType) {
      pair(rawOf(filter, 'exploitationGroup', exploitationGroupOf(code)), rawOf(filter, 'exploitationType', code));
    }
    if (filter === ALL) continue;
    for (const r of raw) if (r.filter === filter) pair(rawOf(ALL, r.dimension, r.code), index.get(r.key));
  }
  const sameViewTotals = (a: FilterKey, b: FilterKey) =>
    a === b || raw[rawOf(a, 'cases', 'all')!].members.length === raw[rawOf(b, 'cases', 'all')!].members.length;
  const hiddenPairs: [number, number][] = [];
  const sameSetPairs: [number, number][] = [];
  for (const [outer, inner] of nestedPairs) {
    if (find(outer) === find(inner)) continue;
    const diff = raw[outer].members.length - raw[inner].members.length;
    if (diff === 0) {
      // Equal by coincidence ("all the women were recruited online", or empty in both): a reader cannot know the two
      // are equal unless the views themselves are (the filter keeps every case), so they are tied only then. A zero
      // difference reveals no small group (it is a statement about a group of at least the threshold, or nothing).
      if (!sameViewTotals(raw[outer].filter, raw[inner].filter)) continue;
      if (raw[outer].threshold === raw[inner].threshold) union(outer, inner);
      else sameSetPairs.push([outer, inner]);
    } else if (diff < raw[inner].threshold) hiddenPairs.push([outer, inner]);
  }

  const vars: ProtectCell[] = [];
  const varOfRoot = new Map<number, number>();
  const varOf = raw.map((r, i) => {
    const root = find(i);
    let k = varOfRoot.get(root);
    if (k === undefined) {
      const rr = raw[root];
      const contributors = new Map<string, number>();
      for (const m of rr.members) {
        const a = yearCases[m].associationId;
        contributors.set(a, (contributors.get(a) ?? 0) + 1);
      }
      vars.push({
        value: rr.members.length,
        threshold: rr.threshold,
        contributors,
        penalty: 0,
        previouslyWithheld: false,
      });
      k = vars.length - 1;
      varOfRoot.set(root, k);
    }
    const cell = vars[k];
    cell.penalty = Math.max(cell.penalty ?? 0, r.penalty);
    cell.threshold = Math.max(cell.threshold, r.threshold);
    if (previousWithheld?.has(r.key)) cell.previouslyWithheld = true;
    return k;
  });
  const v = (i: number) => varOf[i];

  const equations: Equation[] = [];
  for (const [a, b] of sameSetPairs) equations.push({ total: v(a), parts: [v(b)] });
  for (const [outer, inner] of hiddenPairs) {
    const diff = raw[outer].members.length - raw[inner].members.length;
    vars.push({ value: diff, threshold: raw[inner].threshold, contributors: new Map(), hidden: true });
    equations.push({ total: v(outer), parts: [v(inner), vars.length - 1] });
  }
  for (const filter of filterKeys()) {
    const total = rawOf(filter, 'cases', 'all')!;
    // Single-valued dimensions add up to the view's total.
    for (const dimension of CUBE_DIMENSIONS) {
      if (!SINGLE_VALUED.has(dimension)) continue;
      const parts = DIMENSION_CODES[dimension].map((code) => v(rawOf(filter, dimension, code)!));
      equations.push({ total: v(total), parts });
    }
    // Minor flag and age bands: when the data make one the sum of the other, a reader may assume so too.
    linkIfUnion(
      raw,
      rawOf(filter, 'minor', 'yes'),
      ['0-8', '9-17'].map((b) => rawOf(filter, 'ageBand', b)),
      v,
      equations,
    );
    linkIfUnion(
      raw,
      rawOf(filter, 'minor', 'no'),
      ['18-20', '21-23', '24-26', '27-29', '30-38', '39-47', '48+'].map((b) => rawOf(filter, 'ageBand', b)),
      v,
      equations,
    );
  }

  const names = (x: number) =>
    raw
      .filter((_, i) => v(i) === x)
      .map((r) => r.key)
      .slice(0, 2)
      .join(' = ') || `hidden#${x}`;
  const result = protect(
    vars,
    equations,
    rule,
    10_000,
    process.env.STATS_TRACE
      ? (l, w) => {
          console.log('leak', names(l), vars[l].value, '->', names(w), vars[w].value);
          if (vars[w].value > 100)
            for (const eq of equations)
              if (eq.total === l || eq.parts.includes(l))
                console.log('   eq', [eq.total, ...eq.parts].map((x) => `${names(x)}=${vars[x].value}`).join(' | '));
        }
      : undefined,
  );
  if (process.env.STATS_DEBUG && result.unprotected.length) {
    for (const u of result.unprotected) {
      console.log('UNPROTECTED', names(u), vars[u].value);
      for (const eq of equations) {
        if (eq.total !== u && !eq.parts.includes(u)) continue;
        const show = (x: number) =>
          `${names(x)}=${vars[x].value}:${result.reasons[x] ?? (vars[x].hidden ? 'H' : 'pub')}`;
        console.log('  eq', [eq.total, ...eq.parts].map(show).join(' | '));
      }
    }
  }
  const cells: ReleaseCell[] = raw.map((r, i) => {
    const reason = result.reasons[v(i)];
    return {
      filter: r.filter,
      year,
      dimension: r.dimension,
      code: r.code,
      value: reason ? null : r.members.length,
      reason: reason ? wireReason(reason, r.platform) : null,
    };
  });
  const unprotectedVars = new Set(result.unprotected);
  const unprotected = raw.filter((_, i) => unprotectedVars.has(v(i))).map((r) => r.key);
  return { cells, unprotected };
}

/** The one cell that, by definition, counts the same cases as (filter, dimension, code). */
export function canonical(
  filter: FilterKey,
  dimension: CellDimension,
  code: string,
): { filter: FilterKey; dimension: CellDimension; code: string } {
  if (filter === ALL) return { filter, dimension, code };
  const [fd, fc] = filter.split(':') as [CubeDimension, string];
  const viewTotal = { filter: ALL, dimension: fd as CellDimension, code: fc };
  if (dimension === 'cases') return viewTotal;
  if (dimension === fd && code === fc) return viewTotal;
  if (fd === 'exploitationType' && dimension === 'exploitationGroup' && code === exploitationGroupOf(fc))
    return viewTotal;
  if (fd === 'recruitmentChannelGroup' && dimension === 'recruitmentChannel' && channelGroupOf(code) === fc) {
    return { filter: ALL, dimension, code };
  }
  if ((FILTER_DIMENSIONS as readonly string[]).includes(dimension)) {
    // Cases with both a and b: the same whether read in view a or in view b.
    const swapped = `${dimension}:${code}`;
    if (swapped < filter) return { filter: swapped, dimension: fd, code: fc };
  }
  return { filter, dimension, code };
}

function linkIfUnion(
  raw: RawCell[],
  whole: number | undefined,
  parts: (number | undefined)[],
  v: (i: number) => number,
  equations: Equation[],
): void {
  if (whole === undefined || parts.some((p) => p === undefined)) return;
  const union = parts.flatMap((p) => raw[p!].members).sort((a, b) => a - b);
  const w = raw[whole].members;
  if (union.length === w.length && union.every((x, k) => x === w[k])) {
    equations.push({ total: v(whole), parts: parts.map((p) => v(p!)) });
  }
}

export function wireReason(reason: SuppressionReason, platform: boolean): WireReason {
  switch (reason) {
    case 'threshold':
      return platform ? 'below_platform_threshold' : 'below_threshold';
    case 'associations':
      return 'too_few_associations';
    // Both mean "withheld although above the threshold, so that another figure cannot be recomputed" (within this
    // release, or across releases).
    case 'secondary':
    case 'stability':
      return 'secondary';
  }
}
