import { cellKey, trueCells, type CellDimension } from '../cube/build.js';
import { ALL, CUBE_DIMENSIONS, filterKeys, inSurface, type CubeCase, type FilterKey } from '../cube/dimensions.js';
import { knowledge } from '../cube/knowledge.js';
import { passes, ReaderModel } from '../disclosure/audit.js';
import type { DisclosureRule, SuppressionReason } from '../disclosure/types.js';
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
  /** Years whose cells differ between two releases (frozen years must not). */
  yearsChangedBetweenReleases: number;
  examples: string[];
}

const internalReason = (r: string | null): SuppressionReason | null =>
  r === null
    ? null
    : r === 'below_threshold' || r === 'below_platform_threshold'
      ? 'threshold'
      : r === 'too_few_associations'
        ? 'associations'
        : r === 'secondary'
          ? 'secondary'
          : 'confidential';

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
    yearsChangedBetweenReleases: 0,
    examples: [],
  };
  const byRelease = new Map<string, CollectedCell[]>();
  for (const c of collection.cells) byRelease.set(c.release, [...(byRelease.get(c.release) ?? []), c]);
  report.releases = byRelease.size;
  const yearVersions = new Map<number, string>();
  for (const [, cells] of byRelease) {
    const present = (dimension: 'recruitmentPlatform' | 'exploitationPlatform') => [
      ...new Set(cells.filter((c) => c.dimension === dimension).map((c) => c.code)),
    ];
    const kept = {
      recruitmentPlatform: present('recruitmentPlatform'),
      exploitationPlatform: present('exploitationPlatform'),
    };
    const recoded = cases.map((c) => ({
      ...c,
      recruitmentPlatforms: [
        ...new Set(c.recruitmentPlatforms.map((p) => (kept.recruitmentPlatform.includes(p) ? p : 'other'))),
      ],
      exploitationPlatforms: [
        ...new Set(c.exploitationPlatforms.map((p) => (kept.exploitationPlatform.includes(p) ? p : 'other'))),
      ],
    }));
    for (const year of [...new Set(cells.map((c) => c.year))].sort()) {
      const yearCells = cells.filter((c) => c.year === year);
      const signature = JSON.stringify(yearCells.map((c) => [c.filter, c.dimension, c.code, c.value, c.reason]).sort());
      const before = yearVersions.get(year);
      if (before !== undefined) {
        if (before !== signature) report.yearsChangedBetweenReleases++;
        continue; // identical to a year already attacked
      }
      yearVersions.set(year, signature);
      report.years++;
      const truth = trueCells(
        recoded.filter((c) => c.year === year),
        rule,
        kept,
      );
      const published = new Map(yearCells.map((c) => [cellKey(c.filter, year, c.dimension, c.code), c]));
      const index = new Map(truth.map((t, i) => [cellKey(t.filter, year, t.dimension, t.code), i]));
      const reasons = truth.map((t) => {
        const p = published.get(cellKey(t.filter, year, t.dimension, t.code));
        return p ? internalReason(p.value === null ? p.reason : null) : 'confidential';
      });
      // The reader's numbers are the published ones (which equal the truth where published).
      const readerCells = truth.map((t, i) => ({
        ...t,
        value:
          reasons[i] === null
            ? (published.get(cellKey(t.filter, year, t.dimension, t.code))!.value as number)
            : t.value,
      }));
      const constraints = knowledge(
        (f, d, code) => index.get(cellKey(f, year, d, code)),
        (i) => truth[i].value,
      );
      const model = await new ReaderModel(readerCells, reasons, constraints).load(true);
      try {
        truth.forEach((t, i) => {
          if (reasons[i] === null) return;
          report.withheld++;
          const interval = model.interval([[i, 1]]);
          const label = `${year} ${t.filter} ${t.dimension}:${t.code}`;
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
      } finally {
        model.dispose();
      }
    }
  }
  return report;
}
