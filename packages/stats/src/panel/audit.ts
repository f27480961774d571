import {
  cellKey,
  hiddenDifferences,
  recode,
  trueCells,
  wireReason,
  yearCells,
  type TrueCell,
  type CubeFailure,
  type CubeResult,
  type ReleaseCell,
} from '../cube/build.js';
import {
  ALL,
  DIMENSION_CODES,
  PLATFORM_DIMENSIONS,
  codesOf,
  type CubeCase,
  type CubeDimension,
} from '../cube/dimensions.js';
import {
  atLeast,
  knowledge,
  memberFacts,
  twins,
  viewTableFacts,
  type CellDimension,
  type CellIndex,
} from '../cube/knowledge.js';
import { fits, primaryReason, type Target } from '../disclosure/audit.js';
import type { LinearConstraint } from '../disclosure/lp.js';
import { suppress, type SuppressCell } from '../disclosure/suppress.js';
import type { DisclosureRule, SuppressionReason } from '../disclosure/types.js';
import type { PanelCell } from './build.js';
import { PANEL_DIMENSIONS, parsePanelView } from './view.js';

/** A constant panel as the audit sees it: its view and the associations it counts. */
export interface AuditedPanel {
  view: string;
  associations: ReadonlySet<string>;
}

/**
 * One reference year as a reader of the whole release sees it: the cube's cells, then the cells of every constant
 * panel covering the year, with their true counts, and what the reader knows (the cube's knowledge; each panel's
 * own tables and groups; a panel counts a subset of the year's cases, so each of its cells is at most the release's
 * cell and at most the same cell of a panel of more associations).
 */
export interface JointYear {
  cells: SuppressCell[];
  keys: string[];
  constraints: LinearConstraint[];
  twins: number[][];
  /** Differences a reader can take that must stay as uncertain as a withheld count. */
  hidden: Target[];
  /** Index of the first panel cell in `cells`. */
  panelStart: number;
}

const PANEL_CELLS: readonly [CellDimension, string][] = [
  ['cases', 'all'],
  ...PANEL_DIMENSIONS.flatMap((d) => DIMENSION_CODES[d].map((code) => [d, code] as [CellDimension, string])),
];

export function jointYear(
  year: number,
  yearCases: readonly CubeCase[],
  rule: DisclosureRule,
  kept: CubeResult['codesKept'],
  panels: readonly AuditedPanel[],
  cubePenalty: (cell: TrueCell) => number,
): JointYear {
  const recoded = yearCases.map((c) => recode(c, kept));
  const truth = trueCells(recoded, rule, kept);
  const { cells, index, at: cubeAt } = yearCells(year, truth, cubePenalty);
  const panelStart = cells.length;
  for (const p of panels) {
    const members = recoded.filter((c) => p.associations.has(c.associationId));
    for (const [d, code] of PANEL_CELLS) {
      const counted = d === 'cases' ? members : members.filter((c) => codesOf(c, d as CubeDimension).includes(code));
      const contributors = new Map<string, number>();
      for (const c of counted) contributors.set(c.associationId, (contributors.get(c.associationId) ?? 0) + 1);
      const key = cellKey(p.view, year, d, code);
      index.set(key, cells.length);
      cells.push({
        value: counted.length,
        threshold: rule.threshold,
        contributors,
        label: key,
        table: `${p.view}|${d}`,
        additive: d === 'minor',
        penalty: 0,
      });
    }
  }
  const at: CellIndex = (f, d, code) => index.get(cellKey(f, year, d, code));
  const constraints = knowledge(cubeAt, (i) => cells[i].value);
  const reporting = new Set(yearCases.map((c) => c.associationId));
  for (const p of panels) {
    viewTableFacts(at, p.view, PANEL_DIMENSIONS, constraints);
    memberFacts(at, p.view, constraints);
    // The published counts of associations say when a panel is every association of the year: then its counts
    // are the release's, not only at most them.
    const whole = [...reporting].every((a) => p.associations.has(a));
    for (const outer of [ALL, ...panels.filter((q) => contains(q, p)).map((q) => q.view)])
      for (const [d, code] of PANEL_CELLS) {
        const [inner, big] = [at(p.view, d, code), at(outer, d, code)];
        if (inner === undefined || big === undefined) continue;
        const difference: [number, number][] = [
          [big, 1],
          [inner, -1],
        ];
        constraints.push(whole && outer === ALL ? { terms: difference, lo: 0, hi: 0 } : atLeast(difference));
      }
  }
  return {
    cells,
    keys: cells.map((c) => c.label),
    constraints,
    twins: twins(cubeAt),
    hidden: [...hiddenDifferences(truth, cubeAt), ...panelDifferences(cells, panels, at, rule)],
    panelStart,
  };
}

/** Whether panel `outer` counts every association of `inner` and more. */
function contains(outer: AuditedPanel, inner: AuditedPanel): boolean {
  return (
    outer.associations.size > inner.associations.size && [...inner.associations].every((a) => outer.associations.has(a))
  );
}

/**
 * The release's count minus a panel's is the caseload of the associations outside the panel: a small group when
 * it is 1 to threshold - 1, one association's caseload when one association dominates it. Either must stay as
 * uncertain as a withheld count.
 */
function panelDifferences(
  cells: readonly SuppressCell[],
  panels: readonly AuditedPanel[],
  at: CellIndex,
  rule: DisclosureRule,
): Target[] {
  const out: Target[] = [];
  for (const p of panels)
    for (const [d, code] of PANEL_CELLS) {
      const [inner, all] = [at(p.view, d, code), at(ALL, d, code)];
      if (inner === undefined || all === undefined) continue;
      const outside = new Map<string, number>();
      for (const [a, n] of cells[all].contributors) if (!p.associations.has(a)) outside.set(a, n);
      const diff = cells[all].value - cells[inner].value;
      const terms: Target['terms'] = [
        [all, 1],
        [inner, -1],
      ];
      const label = `${ALL} - ${cells[inner].label} (the associations outside the panel)`;
      if (diff > 0 && diff < rule.threshold)
        out.push({ terms, requirement: 'threshold', threshold: rule.threshold, label });
      else if (diff > 0 && primaryReason({ value: diff, threshold: rule.threshold, contributors: outside }, rule))
        out.push({ terms, requirement: 'span', threshold: rule.threshold, label });
    }
  return out;
}

/** The reason a published release cell gives, as the audit reads it. */
export function internalReason(reason: string | null): SuppressionReason | null {
  if (reason === null) return null;
  if (reason === 'below_threshold' || reason === 'below_platform_threshold') return 'threshold';
  if (reason === 'too_few_associations') return 'associations';
  return reason === 'secondary' ? 'secondary' : 'confidential';
}

/**
 * The constant-panel tables audited together with the release, year by year: every withheld count (of the release
 * or of a panel) and every difference between a panel and the release must keep its protection interval against a
 * reader of both. Panel cells of this release are the only complements (the release's own cells are settled);
 * panel cells carried from an earlier release are fixed like the years they belong to. A year whose data changed
 * since it was published (carried forward unchanged) has no new panel counts at all: today's counts beside the
 * carried ones would show the change. Changes `panel` (and, for "confidential" reasons, `cube.cells`) in place.
 */
export async function auditPanels(
  cases: readonly CubeCase[],
  rule: DisclosureRule,
  cube: CubeResult,
  panel: (PanelCell | ReleaseCell)[],
  carriedViews: ReadonlySet<string>,
): Promise<CubeFailure[]> {
  const failures: CubeFailure[] = [];
  const counted = panel.filter((c) => c.dimension !== 'associations');
  const views = [...new Set(counted.map((c) => c.filter))];
  const panels = new Map(views.map((v) => [v, { view: v, associations: panelAssociations(cases, v) }]));
  for (const year of [...new Set(counted.map((c) => c.year))].sort((a, b) => a - b)) {
    const ofYear = counted.filter((c) => c.year === year);
    const fresh = ofYear.filter((c) => !carriedViews.has(c.filter));
    if (!fresh.length) continue;
    if (cube.revisedFrozenYears.includes(year)) {
      for (const c of fresh) Object.assign(c, { value: null, reason: 'confidential' });
      continue;
    }
    const yearPanels = [...new Set(ofYear.map((c) => c.filter))].map((v) => panels.get(v)!);
    const joint = jointYear(
      year,
      cases.filter((c) => c.year === year),
      rule,
      cube.codesKept,
      yearPanels,
      () => Infinity,
    );
    const published = new Map<string, PanelCell | ReleaseCell>();
    for (const c of [...cube.cells.filter((x) => x.year === year), ...ofYear])
      published.set(cellKey(c.filter, year, c.dimension as CellDimension, c.code), c);
    // The release's own cells are settled, and so are panels carried from an earlier release (their reasons as
    // published): only this release's panel cells may be withheld or say less.
    const isFresh = (i: number) => i >= joint.panelStart && !carriedViews.has(joint.cells[i].table.split('|')[0]);
    const initial = joint.cells.map((cell, i) => {
      const c = published.get(joint.keys[i]);
      if (!c) return 'confidential';
      if (c.value !== null) return null;
      if (!isFresh(i)) return internalReason(c.reason);
      const said = primaryReason(cell, rule) ?? internalReason(c.reason);
      // A reason the count does not fit (a whole panel year withheld for its outside associations) tells nothing.
      return fits(cell, said) ? said : 'confidential';
    });
    joint.cells.forEach((cell, i) => {
      if (isFresh(i)) cell.penalty = 0;
      else cell.fixed = true;
    });
    const result = await suppress(joint.cells, joint.constraints, joint.twins, rule, {
      initial,
      hidden: joint.hidden,
    });
    joint.cells.forEach((cell, i) => {
      const c = published.get(joint.keys[i]);
      const reason = result.reasons[i];
      if (!c || !isFresh(i)) return;
      // The reason published is the one the audit assumed a reader reads.
      const said = reason ? wireReason(reason, PLATFORM_DIMENSIONS.has(c.dimension as CubeDimension)) : null;
      if (said !== c.reason) Object.assign(c, { value: reason ? null : cell.value, reason: said });
    });
    failures.push(...result.failures.map((f) => ({ year, label: f.target.label, interval: f.interval })));
  }
  return failures;
}

/** The associations a panel view counts: those reporting in every year of its span. */
export function panelAssociations(cases: readonly CubeCase[], view: string): Set<string> {
  const span = parsePanelView(view)!;
  const byYear = new Map<number, Set<string>>();
  for (const c of cases)
    if (c.year >= span.from && c.year <= span.to) {
      if (!byYear.has(c.year)) byYear.set(c.year, new Set());
      byYear.get(c.year)!.add(c.associationId);
    }
  const [first, ...rest] = [...byYear.values()];
  return new Set([...(first ?? [])].filter((a) => rest.every((s) => s.has(a))));
}
