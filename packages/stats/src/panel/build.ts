import type { SuppressionReason as WireReason } from '@observatoire/schema';
import { cellKey, type ReleaseCell } from '../cube/build.js';
import { ALL, DIMENSION_CODES, PLATFORM_DIMENSIONS, codesOf, type CubeCase } from '../cube/dimensions.js';
import { primaryReason, type AuditCell } from '../disclosure/audit.js';
import type { DisclosureRule } from '../disclosure/types.js';
import { PANEL_DIMENSIONS, PANEL_SINGLE_VALUED, panelView, type PanelDimension } from './view.js';

/**
 * One cell of a constant-panel table. Same shape as a release cell, stored in `release_cell` under the view
 * `panel:<from>-<to>`; besides the counts of cases (`cases` and PANEL_DIMENSIONS) each year carries the counts of
 * associations (`associations`: `reporting`, `panel`, `outside`; `left` on the first year and `joined` on the last,
 * between the two ends), which are always published.
 */
export interface PanelCell extends Omit<ReleaseCell, 'dimension'> {
  dimension: PanelDimension | 'cases' | 'associations';
}

/** A panel: the reference years it covers and the associations that reported in every one of them. */
export interface PanelDefinition {
  from: number;
  to: number;
  years: number[];
  associations: ReadonlySet<string>;
}

const FIVE_YEARS = 5;

/**
 * The panels a release publishes, from the release's reference years (sorted): each pair of consecutive years
 * (year-on-year comparisons), the last year and five years before (the home page's comparison) and, when there
 * are more than two years, the whole span (multi-year comparisons and the charts' "same associations" view). A panel's associations are those that reported in every year of it.
 */
export function panelDefinitions(cases: readonly CubeCase[]): PanelDefinition[] {
  const years = [...new Set(cases.map((c) => c.year))].sort((a, b) => a - b);
  const byYear = new Map<number, Set<string>>(years.map((y) => [y, new Set()]));
  for (const c of cases) byYear.get(c.year)!.add(c.associationId);
  const spans: number[][] = years.slice(1).map((y, i) => [years[i], y]);
  // The home page's five-year comparison, when the release goes back that far.
  const last = years[years.length - 1];
  const five = years.filter((y) => y >= last - FIVE_YEARS);
  if (five[0] === last - FIVE_YEARS && five.length > 2 && five.length < years.length) spans.push(five);
  if (years.length > 2) spans.push(years);
  return spans.map((span) => {
    const [first, ...rest] = span.map((y) => byYear.get(y)!);
    const associations = new Set([...first].filter((a) => rest.every((s) => s.has(a))));
    return { from: span[0], to: span[span.length - 1], years: span, associations };
  });
}

/** A published group of cases a panel cell is compared with: the same cell over a larger set of associations. */
interface Outer {
  associations: ReadonlySet<string>;
  cell: (dimension: string, code: string) => { value: number | null; members: Map<string, number> } | undefined;
}

/**
 * Builds the constant-panel tables of a release.
 *
 * Inputs: `cases`, every case record the release is built from (the same list `computeCube` gets, associations
 * that withdrew already excluded); `rule`, the release's disclosure rule; `published`, the release's cube cells as
 * `computeCube` returned them (the panel tables are protected against them: a panel cell whose all-associations
 * cell is withheld is withheld too).
 *
 * Protection, per panel and year (the difference between the all-associations figure and the panel figure is the
 * caseload of the associations outside the panel, those that joined or left):
 * - when the associations outside the panel are fewer than `minAssociations`, or their caseload is below
 *   `threshold`, every count of cases of that year is withheld (only the counts of associations are published);
 * - each panel cell follows the usual rules (threshold, platform threshold, contributing associations, dominance);
 * - each difference with a larger published group (all associations, or a panel of more associations that year)
 *   must be zero or itself pass those rules, else the panel cell is withheld;
 * - a panel cell whose larger group's cell is withheld is withheld;
 * - within a year, a single-valued breakdown never has exactly one withheld cell among itself and its total.
 * A year whose panel is every reporting association repeats the release's cells as they are.
 */
export function buildPanelTables(
  cases: readonly CubeCase[],
  rule: DisclosureRule,
  published: readonly ReleaseCell[],
): PanelCell[] {
  const releaseCells = new Map(published.map((c) => [cellKey(c.filter, c.year, c.dimension, c.code), c]));
  const definitions = panelDefinitions(cases);
  // Larger panels first, so that a smaller one nested in them is checked against them.
  const order = [...definitions].sort((a, b) => a.years.length - b.years.length);
  const built: { definition: PanelDefinition; members: Map<string, Map<string, number>> }[] = [];
  const out: PanelCell[] = [];
  const reportingIn = (year: number) => new Set(cases.filter((c) => c.year === year).map((c) => c.associationId));
  for (const definition of order) {
    const first = reportingIn(definition.from);
    const last = reportingIn(definition.to);
    const view = panelView(definition.from, definition.to);
    const membersByYear = new Map<string, Map<string, number>>();
    for (const year of definition.years) {
      const yearCases = cases.filter((c) => c.year === year);
      const reporting = new Set(yearCases.map((c) => c.associationId));
      const allCounts = countCells(yearCases);
      const counts = countCells(yearCases.filter((c) => definition.associations.has(c.associationId)));
      for (const [key, m] of counts) membersByYear.set(`${year}|${key}`, m);
      const outers: Outer[] = [
        {
          associations: reporting,
          cell: (dimension, code) => {
            const c = releaseCells.get(cellKey(ALL, year, dimension as ReleaseCell['dimension'], code));
            return c ? { value: c.value, members: allCounts.get(`${dimension}|${code}`) ?? new Map() } : undefined;
          },
        },
        ...built
          .filter((b) => b.definition.years.includes(year) && isSuperset(b.definition.associations, definition))
          .map((b) => ({
            associations: b.definition.associations,
            cell: (dimension: string, code: string) => {
              const own = out.find(
                (c) =>
                  c.filter === panelView(b.definition.from, b.definition.to) &&
                  c.year === year &&
                  c.dimension === dimension &&
                  c.code === code,
              );
              const members = b.members.get(`${year}|${dimension}|${code}`) ?? new Map();
              return own ? { value: own.value, members } : undefined;
            },
          })),
      ];
      out.push(...associationCells(view, year, reporting, definition.associations));
      // Who joined or left between the two ends (for consecutive years, the associations outside the panel).
      if (year === definition.from)
        out.push(...countCell(view, year, 'left', [...first].filter((a) => !last.has(a)).length));
      if (year === definition.to)
        out.push(...countCell(view, year, 'joined', [...last].filter((a) => !first.has(a)).length));
      out.push(...protectYear(view, year, counts, outers, definition, reporting, rule));
    }
    built.push({ definition, members: membersByYear });
  }
  return out;
}

function isSuperset(outer: ReadonlySet<string>, inner: PanelDefinition): boolean {
  return outer.size > inner.associations.size && [...inner.associations].every((a) => outer.has(a));
}

/** Per cell (`dimension|code`): cases by association. */
function countCells(cases: readonly CubeCase[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  const add = (key: string, association: string) => {
    let m = out.get(key);
    if (!m) out.set(key, (m = new Map()));
    m.set(association, (m.get(association) ?? 0) + 1);
  };
  for (const dimension of PANEL_DIMENSIONS)
    for (const code of DIMENSION_CODES[dimension]) out.set(`${dimension}|${code}`, new Map());
  out.set('cases|all', new Map());
  for (const c of cases) {
    add('cases|all', c.associationId);
    for (const dimension of PANEL_DIMENSIONS)
      for (const code of codesOf(c, dimension)) add(`${dimension}|${code}`, c.associationId);
  }
  return out;
}

function associationCells(
  view: string,
  year: number,
  reporting: ReadonlySet<string>,
  panel: ReadonlySet<string>,
): PanelCell[] {
  const counts = { reporting: reporting.size, panel: panel.size, outside: reporting.size - panel.size };
  return Object.entries(counts).flatMap(([code, value]) => countCell(view, year, code, value));
}

/**
 * A count of associations: always published (the release already says how many associations each year has); a
 * zero is not stored (no release cell is ever 0: a missing count of associations reads as none).
 */
function countCell(view: string, year: number, code: string, value: number): PanelCell[] {
  return value ? [{ filter: view, year, dimension: 'associations', code, value, reason: null }] : [];
}

const sum = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

function protectCell(members: ReadonlyMap<string, number>, threshold: number): AuditCell {
  return { value: sum(members), threshold, contributors: members };
}

function protectYear(
  view: string,
  year: number,
  counts: Map<string, Map<string, number>>,
  outers: Outer[],
  definition: PanelDefinition,
  reporting: ReadonlySet<string>,
  rule: DisclosureRule,
): PanelCell[] {
  const cells: PanelCell[] = [];
  const outside = [...reporting].filter((a) => !definition.associations.has(a));
  const total = outers[0].cell('cases', 'all');
  const outsideCases = total ? outsideCaseload(total.members, definition) : 0;
  // The whole year withheld: the associations that joined or left are too few, or their caseload too small.
  const yearReason: WireReason | null =
    outside.length === 0
      ? null
      : outside.length < rule.minAssociations
        ? 'too_few_associations'
        : outsideCases < rule.threshold
          ? 'below_threshold'
          : null;
  for (const [key, members] of counts) {
    const [dimension, code] = key.split('|') as [PanelCell['dimension'], string];
    const platform = PLATFORM_DIMENSIONS.has(dimension as never);
    const threshold = platform ? rule.platformThreshold : rule.threshold;
    const value = sum(members);
    let reason: WireReason | null = yearReason;
    if (!reason && outside.length === 0) {
      // The panel is every reporting association: the same number as the release's, published or withheld alike.
      const same = outers[0].cell(dimension, code);
      reason = !same || same.value === null ? 'secondary' : null;
    } else if (!reason) reason = cellReason(members, threshold, rule, platform, outers, dimension, code);
    cells.push({ filter: view, year, dimension, code, value: reason ? null : value, reason });
  }
  completeSingleValued(cells);
  return cells;
}

function outsideCaseload(all: ReadonlyMap<string, number>, definition: PanelDefinition): number {
  let n = 0;
  for (const [a, k] of all) if (!definition.associations.has(a)) n += k;
  return n;
}

function cellReason(
  members: ReadonlyMap<string, number>,
  threshold: number,
  rule: DisclosureRule,
  platform: boolean,
  outers: Outer[],
  dimension: string,
  code: string,
): WireReason | null {
  const own = primaryReason(protectCell(members, threshold), rule);
  if (own === 'threshold') return platform ? 'below_platform_threshold' : 'below_threshold';
  if (own) return 'too_few_associations';
  for (const outer of outers) {
    const cell = outer.cell(dimension, code);
    if (!cell || cell.value === null) return 'secondary';
    // The difference is the cases of the associations in the larger group and not in this panel.
    const diff = new Map<string, number>();
    for (const [a, k] of cell.members) if (k > (members.get(a) ?? 0)) diff.set(a, k - (members.get(a) ?? 0));
    if (sum(diff) > 0 && primaryReason(protectCell(diff, threshold), rule)) return 'secondary';
  }
  return null;
}

/** A single-valued breakdown and its total: never exactly one withheld among them (it would be their difference). */
function completeSingleValued(cells: PanelCell[]): void {
  const total = cells.find((c) => c.dimension === 'cases');
  for (const dimension of PANEL_SINGLE_VALUED) {
    const group = [total!, ...cells.filter((c) => c.dimension === dimension)];
    while (group.filter((c) => c.value === null).length === 1) {
      const parts = group.slice(1).filter((c) => c.value !== null);
      const next = parts.length ? parts.reduce((a, b) => (b.value! < a.value! ? b : a)) : group[0];
      next.value = null;
      next.reason = 'secondary';
    }
  }
}
