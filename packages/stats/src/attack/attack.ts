import { cellKey, type CellDimension, type CubeResult } from '../cube/build.js';
import { ALL, CUBE_DIMENSIONS, filterKeys, inSurface, type CubeCase, type FilterKey } from '../cube/dimensions.js';
import { fits, passes, ReaderModel } from '../disclosure/audit.js';
import { targets } from '../disclosure/suppress.js';
import type { DisclosureRule } from '../disclosure/types.js';
import { internalReason, jointYear, panelAssociations } from '../panel/audit.js';
import { isPanelView, PANEL_DIMENSIONS } from '../panel/view.js';
import { DEFAULT_RULE } from '../disclosure/types.js';

/** One number (or withheld cell) as a reader collected it from the public API. */
export interface CollectedCell {
  release: string;
  filter: FilterKey;
  year: number;
  dimension: CellDimension;
  code: string;
  value: number | null;
  reason: string | null;
}

export interface Collection {
  urls: number;
  numbers: number;
  cells: CollectedCell[];
  /** Answers that should have been refused (a filter or dimension outside the surface) and were not. */
  servedOutsideSurface: string[];
  /** The same cell read with two different values (two endpoints, or two releases). */
  contradictions: string[];
}

type Fetch = (url: string) => Promise<{ status: number; json: () => Promise<unknown> }>;

interface WireCell {
  value?: number;
  suppressed?: boolean;
  reason?: string;
}
interface WireBreakdown {
  total: WireCell;
  items: { code: string; cell: WireCell }[];
}
interface WireSeries {
  series: { dimension: string | null; code: string | null; points: { year: number; cell: WireCell }[] }[];
}

/**
 * What an outside reader does first: collects every number the public API serves for the releases it lists
 * (every breakdown of every year in every view, every series, every yearly summary), checks that the same cell
 * always reads the same, and that nothing outside the publication surface is served.
 */
export async function collect(
  base: string,
  fetchImpl: Fetch = fetch as unknown as Fetch,
  only?: string[],
): Promise<Collection> {
  const out: Collection = { urls: 0, numbers: 0, cells: [], servedOutsideSurface: [], contradictions: [] };
  const seen = new Map<string, number | null>();
  const get = async (path: string): Promise<{ status: number; body: unknown }> => {
    out.urls++;
    const res = await fetchImpl(`${base.replace(/\/$/, '')}${path}`);
    return { status: res.status, body: res.status === 200 ? await res.json() : null };
  };
  const record = (c: CollectedCell) => {
    // A series point with no stored cell behind it (a platform counted in "autres plateformes" that year) says
    // nothing about any count.
    if (c.reason === 'derived_from_suppressed') return;
    out.numbers++;
    const key = `${c.release}|${cellKey(c.filter, c.year, c.dimension, c.code)}`;
    if (seen.has(key)) {
      if (seen.get(key) !== c.value) out.contradictions.push(`${key}: ${seen.get(key)} / ${c.value}`);
      return;
    }
    seen.set(key, c.value);
    out.cells.push(c);
  };
  const cellOf = (w: WireCell) => ({ value: typeof w.value === 'number' ? w.value : null, reason: w.reason ?? null });
  const releases = (
    (await get('/api/v1/releases')).body as { id: string; slug: string; referenceYears: number[] }[]
  ).filter((r) => !only || only.includes(r.slug) || only.includes(r.id));
  for (const r of releases) {
    for (const filter of filterKeys()) {
      const q = filter === ALL ? '' : `&recruitmentChannelGroup=${filter.split(':')[1]}`;
      for (const dimension of CUBE_DIMENSIONS) {
        if (!inSurface(filter, dimension)) {
          const refused = await get(
            `/api/v1/stats/breakdown?release=${r.id}&dimension=${dimension}&year=${r.referenceYears[0]}${q}`,
          );
          if (refused.status === 200) out.servedOutsideSurface.push(`${filter} ${dimension}`);
          continue;
        }
        for (const year of r.referenceYears) {
          const { body } = await get(`/api/v1/stats/breakdown?release=${r.id}&dimension=${dimension}&year=${year}${q}`);
          const b = body as WireBreakdown;
          record({ release: r.id, filter, year, dimension: 'cases', code: 'all', ...cellOf(b.total) });
          for (const item of b.items)
            record({ release: r.id, filter, year, dimension, code: item.code, ...cellOf(item.cell) });
        }
        const { body } = await get(`/api/v1/stats/series?release=${r.id}&dimension=${dimension}${q}`);
        for (const s of (body as WireSeries).series) {
          for (const p of s.points) {
            record({
              release: r.id,
              filter,
              year: p.year,
              dimension: (s.dimension ?? 'cases') as CellDimension,
              code: s.code ?? 'all',
              ...cellOf(p.cell),
            });
          }
        }
      }
    }
    for (const filter of [
      'exploitationType=sexual',
      'recruitmentChannelGroup=offline',
      'recruitmentChannelGroup=unknown',
    ]) {
      const refused = await get(
        `/api/v1/stats/breakdown?release=${r.id}&dimension=gender&year=${r.referenceYears[0]}&${filter}`,
      );
      if (refused.status === 200) out.servedOutsideSurface.push(filter);
    }
    // The constant-panel comparisons and their series.
    const composition = (await get(`/api/v1/stats/composition?release=${r.id}`)).body as {
      comparisons: { from: number; to: number; panelView: string }[];
    } | null;
    for (const cmp of composition?.comparisons ?? []) {
      for (const dimension of ['cases', ...PANEL_DIMENSIONS]) {
        const d = dimension === 'cases' ? '' : `&dimension=${dimension}`;
        const { body } = await get(`/api/v1/stats/series?release=${r.id}&panel=${cmp.from}-${cmp.to}${d}`);
        for (const series of (body as WireSeries).series)
          for (const point of series.points)
            record({
              release: r.id,
              filter: cmp.panelView,
              year: point.year,
              dimension: (series.dimension ?? 'cases') as CellDimension,
              code: series.code ?? 'all',
              ...cellOf(point.cell),
            });
      }
    }
    for (const year of r.referenceYears) {
      const { body } = await get(`/api/v1/releases/${r.id}/summary/${year}.json`);
      const s = body as { cases: WireCell; minors: WireCell; online?: WireCell };
      record({ release: r.id, filter: ALL, year, dimension: 'cases', code: 'all', ...cellOf(s.cases) });
      record({ release: r.id, filter: ALL, year, dimension: 'minor', code: 'yes', ...cellOf(s.minors) });
    }
  }
  return out;
}

export interface AttackReport {
  releases: number;
  years: number;
  withheld: number;
  /** Withheld cells whose exact value the reader can compute. */
  pinned: number;
  /** Of those, true counts from 1 to threshold - 1. */
  pinnedSmall: number;
  /** Withheld cells whose interval is narrower than the protection interval. */
  narrowed: number;
  /** Intervals that exclude the true count (a fault of the model, never expected). */
  truthOutside: number;
  /** Withheld cells whose stated reason the true count does not fit (a reader would be misled, not informed). */
  misleadingReasons: number;
  /** Years whose cells differ between two releases (frozen years must not). */
  yearsChangedBetweenReleases: number;
  examples: string[];
}

/**
 * The reader's solver: for every year of every release collected, the reader's model (everything published in
 * that year, what the reasons say, the knowledge of docs/disclosure.md) gives each withheld cell's interval by
 * integer programming; the true counts (the project's own data: `cases`, the data the releases were built from)
 * tell whether an interval pins or narrows a count. Two releases that publish the same year differently are
 * reported: frozen years must be identical.
 */
export async function attack(
  collection: Collection,
  cases: readonly CubeCase[],
  rule: DisclosureRule = DEFAULT_RULE,
): Promise<AttackReport> {
  const report: AttackReport = {
    releases: 0,
    years: 0,
    withheld: 0,
    pinned: 0,
    pinnedSmall: 0,
    narrowed: 0,
    truthOutside: 0,
    misleadingReasons: 0,
    yearsChangedBetweenReleases: 0,
    examples: [],
  };
  report.releases = new Set(collection.cells.map((c) => c.release)).size;
  for (const year of [...new Set(collection.cells.map((c) => c.year))].sort((a, b) => a - b)) {
    // Every release's numbers of the year together: the same cell must read the same in all of them.
    const yearCells = collection.cells.filter((c) => c.year === year);
    const published = new Map<string, CollectedCell>();
    let changed = false;
    for (const c of yearCells) {
      const key = cellKey(c.filter, year, c.dimension, c.code);
      const seen = published.get(key);
      if (!seen) published.set(key, c);
      else if (seen.value !== c.value || seen.reason !== c.reason) changed = true;
    }
    if (changed) report.yearsChangedBetweenReleases++;
    report.years++;
    const present = (dimension: keyof CubeResult['codesKept']) => [
      ...new Set(yearCells.filter((c) => c.dimension === dimension).map((c) => c.code)),
    ];
    // The recoding the release applied, read from the codes it publishes.
    const kept = {
      recruitmentPlatform: present('recruitmentPlatform'),
      exploitationPlatform: present('exploitationPlatform'),
      ageBand: present('ageBand'),
    };
    const panels = [...new Set(yearCells.map((c) => c.filter))]
      .filter(isPanelView)
      .map((view) => ({ view, associations: panelAssociations(cases, view) }));
    const joint = jointYear(
      year,
      cases.filter((c) => c.year === year),
      rule,
      kept,
      panels,
      () => 0,
    );
    const truth = joint.cells;
    const reasons = joint.keys.map((key, i) => {
      const p = published.get(key);
      const said = p ? internalReason(p.value === null ? p.reason : null) : 'confidential';
      if (fits(truth[i], said)) return said;
      // A reason the count does not fit: a reader who believed it would find no solution, so reads it as none.
      report.misleadingReasons++;
      if (report.examples.length < 20) report.examples.push(`${key}: reason ${p?.reason} for ${truth[i].value}`);
      return 'confidential';
    });
    // The reader's numbers are the published ones (which equal the truth where published).
    const readerCells = truth.map((t, i) => ({
      ...t,
      value: reasons[i] === null ? (published.get(joint.keys[i])!.value as number) : t.value,
    }));
    const constraints = joint.constraints;
    {
      const model = await new ReaderModel(readerCells, reasons, constraints).load(true);
      try {
        truth.forEach((t, i) => {
          if (reasons[i] === null) return;
          report.withheld++;
          const interval = model.interval([[i, 1]]);
          const label = joint.keys[i];
          if (t.value < interval.min - 1e-6 || t.value > interval.max + 1e-6) {
            report.truthOutside++;
            report.examples.push(`${label}: true ${t.value} outside [${interval.min}, ${interval.max}]`);
          }
          if (Math.round(interval.max) === Math.round(interval.min)) {
            report.pinned++;
            if (t.value > 0 && t.value < t.threshold) report.pinnedSmall++;
          }
          const requirement = t.value < t.threshold ? ('threshold' as const) : ('span' as const);
          if (!passes({ terms: [[i, 1]], requirement, threshold: t.threshold, label }, interval)) {
            report.narrowed++;
            if (report.examples.length < 20) report.examples.push(`${label}: [${interval.min}, ${interval.max}]`);
          }
        });
        // Sums that are one association's caseload, and differences that are small groups (a panel and the release,
        // a group and its member): as protected as a withheld count.
        for (const target of [
          ...targets(joint.cells, reasons, rule).filter((t) => t.terms.length > 1),
          ...joint.hidden,
        ]) {
          const interval = model.interval(target.terms);
          if (passes(target, interval)) continue;
          report.narrowed++;
          if (report.examples.length < 20) report.examples.push(`${target.label}: [${interval.min}, ${interval.max}]`);
        }
      } finally {
        model.dispose();
      }
    }
  }
  return report;
}
