import {
  dominated,
  passes,
  primaryReason,
  YearModel,
  type AuditCell,
  type AuditFailure,
  type Target,
} from './audit.js';
import type { LinearConstraint } from './lp.js';
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
  onRound?: (p: SuppressProgress) => void,
  hidden: readonly Target[] = [],
): Promise<SuppressResult> {
  const reasons = cells.map((c) => primaryReason(c, rule));
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
      if (!fixRound(failures, model, cells, neighbours, twinsOf)) return { reasons, failures, rounds: round };
    }
    return { reasons, failures: model.failures(all()), rounds: MAX_ROUNDS };
  } finally {
    model.dispose();
  }
}

/** One complement per failing target (or "confidential" reasons around it); false when nothing could be added. */
function fixRound(
  failures: readonly AuditFailure[],
  model: YearModel,
  cells: readonly SuppressCell[],
  neighbours: readonly Set<number>[],
  twinsOf: ReadonlyMap<number, readonly number[]>,
): boolean {
  const reasons = model.reasons;
  const touched = new Set<number>();
  let added = 0;
  for (const f of failures) {
    const own = f.target.terms.map(([i]) => i);
    // One complement per neighbourhood and round: another failure's fix may be enough for this one too.
    if (own.some((i) => touched.has(i) || [...neighbours[i]].some((n) => touched.has(n)))) continue;
    const pick = complement(f.target, cells, model, neighbours, twinsOf);
    if (pick < 0) {
      // Nothing left to withhold around it: the reasons themselves narrow it (a cell "below the threshold" next to
      // one "above"). Say less: these cells become "withheld" with no reason a reader could use.
      const around = [...new Set(own.flatMap((i) => [i, ...neighbours[i]]))].filter(
        (i) => reasons[i] !== null && reasons[i] !== 'confidential',
      );
      for (const i of around) {
        model.setReason(i, 'confidential');
        touched.add(i);
      }
      if (around.length) added++;
      continue;
    }
    for (const i of twinsOf.get(pick) ?? [pick]) {
      model.setReason(i, 'secondary');
      touched.add(i);
    }
    added++;
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
    if (r === null) return;
    // A complement protects others and is not sensitive itself (as in tau-argus): requiring its own interval too
    // made every complement call for more, and the demo data lost their headline charts.
    if (r === 'secondary' || (r === 'confidential' && cells[i].value >= cells[i].threshold)) return;
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

/** Candidates tried (cheapest first) before settling for the one that widens the interval most. */
const TRIALS = 6;
/** A complement this costly (a view's total, a headline figure) is a last resort. */
const HEADLINE = 1e5;

/**
 * The complement for one failing target: among the published cells of the target's own tables, then of the
 * constraints it appears in, then one step further, the cheapest whose withholding makes the target pass (checked
 * by solving the reader's model with it withheld); if none of the first few does, the one that widens the target's
 * interval most.
 */
function complement(
  target: Target,
  cells: readonly SuppressCell[],
  model: YearModel,
  neighbours: readonly Set<number>[],
  twinsOf: ReadonlyMap<number, readonly number[]>,
): number {
  const reasons = model.reasons;
  const own = target.terms.map(([i]) => i);
  const tables = new Set(own.map((i) => cells[i].table));
  const near = new Set(own.flatMap((i) => [...neighbours[i]]));
  const far = new Set([...near].flatMap((i) => [...neighbours[i]]));
  const tier = (i: number) => (own.includes(i) ? 0 : tables.has(cells[i].table) ? 1 : near.has(i) ? 2 : 3);
  const cost = (i: number) => cells[i].value + cells[i].penalty;
  // Nearer cells first among cells of similar cost; a headline or a total only when nothing cheaper is near.
  const rank = (i: number) => cost(i) + [0, 0, 50, 500][tier(i)];
  const pool = [...new Set([...own, ...far])]
    .filter((i) => reasons[i] === null && cells[i].penalty !== Infinity)
    .sort((a, b) => rank(a) - rank(b) || a - b);
  const before = model.interval(target.terms);
  const widthOf = (i: { min: number; max: number }) => i.max - i.min;
  let best = -1;
  for (const c of pool.slice(0, TRIALS)) {
    const group = twinsOf.get(c) ?? [c];
    for (const i of group) model.setReason(i, 'secondary');
    const interval = model.interval(target.terms);
    for (const i of group) model.setReason(i, null);
    if (passes(target, interval)) return c;
    // Failing that, the cheapest that widens it at all (the next round goes on from there).
    if (best < 0 && widthOf(interval) > widthOf(before) + 1e-6) best = c;
  }
  return best >= 0 ? best : (pool[0] ?? -1);
}
