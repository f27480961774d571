import {
  dominated,
  passes,
  rangeOf,
  primaryReason,
  YearModel,
  type AuditCell,
  type AuditFailure,
  type Target,
} from './audit.js';
import { cheapest, type Interval, type LinearConstraint, type VariableRange } from './lp.js';
import type { DisclosureRule, SuppressionReason } from './types.js';

/** A cell of one year's surface, with what suppression needs to choose complements. */
export interface SuppressCell extends AuditCell {
  /** For reports, e.g. `all|2024|gender|unknown`. */
  label: string;
  /** The table the cell belongs to (view and dimension): withheld cells of a single-valued table add up. */
  table: string;
  /** Whether the table's cells add up to its total (single-valued dimension). */
  additive: boolean;
  /** Extra cost of withholding the cell as a complement (headline cells cost more); Infinity = never. */
  penalty: number;
  /**
   * Settled before (by an earlier release, or an earlier stage of this one): published stays published, and a
   * withheld cell keeps the reason it was published with (a reader has it anyway).
   */
  fixed?: boolean;
}

export interface SuppressResult {
  reasons: (SuppressionReason | null)[];
  /** Targets still failing when no complement could be added (then nothing may be published). */
  failures: AuditFailure[];
  rounds: number;
}

export interface SuppressProgress {
  round: number;
  withheld: number;
  failing: number;
}

export interface SuppressOptions {
  onRound?: (p: SuppressProgress) => void;
  /** Differences a reader can take that must stay as uncertain as a withheld count. */
  hidden?: readonly Target[];
  /** Reasons already settled (cells withheld before), instead of primary suppression. */
  initial?: readonly (SuppressionReason | null)[];
}

const MAX_ROUNDS = 80;

/**
 * Primary suppression, then complementary suppression audited by linear programming until every withheld cell
 * (and every sum of withheld cells that is one association's caseload) keeps its protection interval against the
 * reader's model; a last pass checks the same with integer programming, and goes on with it if that finds more.
 */
export async function suppress(
  cells: readonly SuppressCell[],
  constraints: readonly LinearConstraint[],
  twinGroups: readonly (readonly number[])[],
  rule: DisclosureRule,
  options: SuppressOptions = {},
): Promise<SuppressResult> {
  const { onRound, hidden = [] } = options;
  const reasons = options.initial ? [...options.initial] : cells.map((c) => primaryReason(c, rule));
  const twinsOf = new Map<number, readonly number[]>();
  for (const g of twinGroups) for (const i of g) twinsOf.set(i, g);
  for (const g of twinGroups) {
    const r = g.map((i) => reasons[i]).find((x) => x !== null);
    if (r) for (const i of g) reasons[i] ??= r;
  }
  const neighbours = cells.map(() => new Set<number>());
  for (const c of constraints) for (const [a] of c.terms) for (const [b] of c.terms) if (a !== b) neighbours[a].add(b);

  const all = () => [...targets(cells, reasons, rule), ...hidden];
  let model = await new YearModel(cells, reasons, constraints).load(false);
  let integer = false;
  try {
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      let failures = model.failures(all());
      if (!failures.length && !integer) {
        // Linear programming found nothing more: the same questions in whole numbers, and go on with them if needed.
        model.dispose();
        model = await new YearModel(cells, reasons, constraints).load(true);
        integer = true;
        failures = model.failures(all());
      }
      onRound?.({ round, withheld: reasons.filter((r) => r !== null).length, failing: failures.length });
      if (!failures.length) return { reasons, failures, rounds: round };
      if (!(await fixRound(failures, model, cells, constraints, neighbours, twinsOf, integer)))
        return { reasons, failures, rounds: round };
    }
    return { reasons, failures: model.failures(all()), rounds: MAX_ROUNDS };
  } finally {
    model.dispose();
  }
}

/**
 * Complements for this round's failures, one failure after the other (an earlier one's complements may protect a
 * later one too): the cells the cheapest alternative table moves (see `alternative`) are withheld, and the
 * withheld cells whose stated reason it contradicts become "confidential" (the reason itself pinned the count).
 * Where even that finds no alternative, the reasons around the target become "confidential". False when nothing
 * could be added.
 */
async function fixRound(
  failures: readonly AuditFailure[],
  model: YearModel,
  cells: readonly SuppressCell[],
  constraints: readonly LinearConstraint[],
  neighbours: readonly Set<number>[],
  twinsOf: ReadonlyMap<number, readonly number[]>,
  integer: boolean,
): Promise<boolean> {
  const reasons = model.reasons;
  let added = 0;
  for (const f of failures) {
    const interval = model.interval(f.target.terms);
    if (passes(f.target, interval)) continue;
    const change = await complements(f.target, interval, cells, reasons, constraints, integer);
    if (change && change.moved.length + change.relabel.length) {
      for (const c of change.moved)
        for (const i of twinsOf.get(c) ?? [c]) if (reasons[i] === null) model.setReason(i, 'secondary');
      for (const i of change.relabel) model.setReason(i, 'confidential');
      added++;
      continue;
    }
    const own = f.target.terms.map(([i]) => i);
    const around = [...new Set(own.flatMap((i) => [i, ...neighbours[i]]))].filter(
      (i) => reasons[i] !== null && reasons[i] !== 'confidential' && !cells[i].fixed,
    );
    for (const i of around) model.setReason(i, 'confidential');
    if (around.length) added++;
  }
  return added > 0;
}

/** Every withheld cell, and the withheld part of each additive table when it is one association's caseload. */
export function targets(
  cells: readonly SuppressCell[],
  reasons: readonly (SuppressionReason | null)[],
  rule: DisclosureRule,
): Target[] {
  const out: Target[] = [];
  const withheldByTable = new Map<string, number[]>();
  reasons.forEach((r, i) => {
    // Every withheld count keeps its interval, complements included (issue 11: "withheld for any other reason").
    if (r === null) return;
    out.push({
      terms: [[i, 1]],
      // What must stay uncertain depends on the true count, not on the label (a relabelled small count too).
      requirement: cells[i].value < cells[i].threshold ? 'threshold' : 'span',
      threshold: cells[i].threshold,
      label: cells[i].label,
    });
    if (cells[i].additive) withheldByTable.set(cells[i].table, [...(withheldByTable.get(cells[i].table) ?? []), i]);
  });
  for (const [table, members] of withheldByTable) {
    // The reason "too few associations" tells a reader whose caseload these cells are: their sum must not be
    // readable when it is one association's (2016 in the issue: 380 - 258 = 122, one association's cases).
    if (members.length < 2 || !members.some((i) => reasons[i] === 'associations')) continue;
    const contributors = new Map<string, number>();
    let value = 0;
    for (const i of members) {
      value += cells[i].value;
      for (const [a, n] of cells[i].contributors) contributors.set(a, (contributors.get(a) ?? 0) + n);
    }
    if (!dominated(contributors, value, rule)) continue;
    out.push({
      terms: members.map((i) => [i, 1] as const),
      requirement: 'span',
      threshold: cells[members[0]].threshold,
      label: `${table} (withheld cells together: one association's caseload)`,
    });
  }
  return out;
}

/** Cost of withholding a cell as a complement, per person its value moves in the alternative table. */
const BASE_COST = 10;
/** Cost, per person, of an alternative table that contradicts the reason given for a withheld cell. */
const RELABEL_COST = 1e4;

interface Change {
  cost: number;
  /** Published cells to withhold. */
  moved: number[];
  /** Withheld cells whose reason must say less ("confidential"). */
  relabel: number[];
}

/**
 * What to change so that a failing target reaches the side(s) of its protection interval it misses: a threshold
 * target must reach 0 and threshold - 1; a span target either side, whichever is cheaper. Null when no alternative
 * table exists at all.
 */
async function complements(
  target: Target,
  interval: Interval,
  cells: readonly SuppressCell[],
  reasons: readonly (SuppressionReason | null)[],
  constraints: readonly LinearConstraint[],
  integer: boolean,
): Promise<Change | null> {
  const min = Math.ceil(interval.min - 1e-6);
  const max = Math.floor(interval.max + 1e-6);
  const t = target.threshold;
  const solve = (side: VariableRange) => alternative(target, side, cells, reasons, constraints, integer);
  if (target.requirement === 'threshold') {
    const out: Change = { cost: 0, moved: [], relabel: [] };
    for (const side of [
      ...(min > 0 ? [{ lo: -Infinity, hi: 0 }] : []),
      ...(max < t - 1 ? [{ lo: t - 1, hi: Infinity }] : []),
    ]) {
      const alt = await solve(side);
      if (!alt) return null;
      out.moved.push(...alt.moved);
      out.relabel.push(...alt.relabel);
    }
    return out;
  }
  const up = await solve({ lo: min + t - 1, hi: Infinity });
  const down = await solve({ lo: -Infinity, hi: max - t + 1 });
  return [up, down].filter((a) => a !== null).sort((a, b) => a.cost - b.cost)[0] ?? null;
}

/**
 * The cheapest alternative table in which the target's value lies in `side`: one consistent with everything the
 * reader knows, where published cells may move (a cell moved by δ costs δ times its weight: its value, its penalty
 * and a base cost, so small cells off the headline charts go first; moved, it is withheld) and withheld cells may
 * leave the range their reason states, at a much higher cost (then their reason becomes "confidential").
 */
async function alternative(
  target: Target,
  side: VariableRange,
  cells: readonly SuppressCell[],
  reasons: readonly (SuppressionReason | null)[],
  constraints: readonly LinearConstraint[],
  integer: boolean,
): Promise<Change | null> {
  const ranges: VariableRange[] = [];
  const rows: LinearConstraint[] = [...constraints, { terms: target.terms, lo: side.lo, hi: side.hi }];
  const costs: [number, number][] = [];
  const slack = (terms: [number, number][], lo: number, hi: number, weight: number) => {
    const v = ranges.length;
    ranges.push({ lo: 0, hi: Infinity });
    costs.push([v, weight]);
    rows.push({ terms: [...terms, [v, lo === -Infinity ? -1 : 1]], lo, hi });
  };
  const movable: number[] = [];
  const stated: number[] = [];
  cells.forEach((c, i) => {
    const r = reasons[i];
    if (r === null && (c.penalty === Infinity || c.fixed)) ranges.push({ lo: c.value, hi: c.value });
    else if (c.fixed) ranges.push(rangeOf(c, r));
    else if (r === null) {
      // Withheld as a complement, the reader would know it is at least the threshold ("secondary").
      ranges.push({ lo: Math.min(c.threshold, c.value), hi: Infinity });
      movable.push(i);
    } else {
      ranges.push({ lo: 0, hi: Infinity });
      if (r !== 'confidential') stated.push(i);
    }
  });
  const weight = (i: number) => BASE_COST + cells[i].value + cells[i].penalty;
  for (const i of movable) {
    slack([[i, 1]], cells[i].value, Infinity, weight(i)); // below its value: x + s ≥ value
    slack([[i, 1]], -Infinity, cells[i].value, weight(i)); // above it: x - s ≤ value
  }
  for (const i of stated) {
    const range = rangeOf(cells[i], reasons[i]);
    slack([[i, 1]], range.lo, Infinity, RELABEL_COST);
    if (range.hi < Infinity) slack([[i, 1]], -Infinity, range.hi, RELABEL_COST);
  }
  const solution = await cheapest(ranges, rows, costs, integer ? cells.map((_, i) => i) : []);
  if (!solution) return null;
  const x = solution.values;
  return {
    cost: solution.cost,
    moved: movable.filter((i) => Math.abs(x[i] - cells[i].value) > 1e-6),
    relabel: stated.filter((i) => {
      const range = rangeOf(cells[i], reasons[i]);
      return x[i] < range.lo - 1e-6 || x[i] > range.hi + 1e-6;
    }),
  };
}
