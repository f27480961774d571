import { derivableCells } from './attacker.js';
import type { DisclosureRule, Equation, ProtectCell, ProtectionResult, SuppressionReason } from './types.js';

/** Primary suppression of one cell, in order of precedence; null when the cell may be published on its own. */
export function primaryReason(cell: ProtectCell, rule: DisclosureRule): SuppressionReason | null {
  if (cell.hidden) return null;
  if (cell.value < cell.threshold) return 'threshold';
  let largest = 0;
  let contributing = 0;
  for (const n of cell.contributors.values()) {
    if (n > 0) contributing++;
    if (n > largest) largest = n;
  }
  if (contributing < rule.minAssociations) return 'associations';
  if (cell.value > 0 && largest / cell.value > rule.maxAssociationShare) return 'associations';
  if (cell.previouslyWithheld && cell.value < cell.threshold + rule.stabilityMargin) return 'stability';
  return null;
}

/**
 * Disclosure control over one whole cube, run once per release:
 * 1. primary suppression (threshold, contributing associations, dominance, stability with the previous release);
 * 2. secondary suppression: while the attacker (`derivableCells`) can compute a withheld or hidden cell, withhold
 *    the cheapest published cell of an equation through which it leaks, at most one new cell per equation per
 *    round, then look again. Cheapest = smallest count, preferring cells withheld in the previous release and
 *    avoiding totals (penalty).
 * Deterministic: the same input gives the same pattern.
 */
export function protect(
  cells: readonly ProtectCell[],
  equations: readonly Equation[],
  rule: DisclosureRule,
  maxRounds = 10_000,
  trace?: (leak: number, withheld: number) => void,
): ProtectionResult {
  const reasons: (SuppressionReason | null)[] = cells.map((c) => primaryReason(c, rule));
  const eqsOf: number[][] = cells.map(() => []);
  equations.forEach((eq, i) => {
    eqsOf[eq.total].push(i);
    for (const p of eq.parts) eqsOf[p].push(i);
  });
  const isTotal = new Set(equations.map((e) => e.total));
  const cost = (i: number): number => {
    const c = cells[i];
    return c.value + (c.penalty ?? 0) + (isTotal.has(i) ? 1e6 : 0) - (c.previouslyWithheld ? 1e5 : 0);
  };
  const canWithhold = (i: number) => !cells[i].hidden && reasons[i] === null;
  const membersOf = (e: number) => [equations[e].total, ...equations[e].parts];

  const unprotected = new Set<number>();
  let rounds = 0;
  const cache = new Map<string, number[]>();
  for (; rounds < maxRounds; rounds++) {
    // Cheap attacker (echelon form + bounds) until it finds nothing, then the exact one on small components.
    let allLeaks = derivableCells(cells, equations, reasons, { exact: false, cache }).filter(
      (i) => !unprotected.has(i),
    );
    if (!allLeaks.length) {
      allLeaks = derivableCells(cells, equations, reasons, { exact: true, cache }).filter((i) => !unprotected.has(i));
    }
    if (!allLeaks.length) break;
    // Hidden differences usually leak because a neighbouring withheld cell does: fix the cells first, and the hidden
    // ones only when nothing else leaks (otherwise the fix lands on the big unfiltered cell around them).
    const visible = allLeaks.filter((i) => !cells[i].hidden);
    const leaks = visible.length ? visible : allLeaks;
    const touched = new Set<number>();
    const stuck: number[] = [];
    let added = 0;
    for (const leak of leaks) {
      const mine = eqsOf[leak];
      if (mine.some((e) => touched.has(e))) continue;
      // The equation with the fewest unknowns is the one that gives the cell away most directly.
      let bestEq = -1;
      let bestCell = -1;
      let bestUnknown = Infinity;
      let bestCost = Infinity;
      for (const e of mine) {
        const members = membersOf(e);
        const unknownCount = members.filter((m) => !canWithhold(m)).length;
        for (const m of members) {
          if (!canWithhold(m)) continue;
          const c = cost(m);
          if (unknownCount < bestUnknown || (unknownCount === bestUnknown && c < bestCost)) {
            bestUnknown = unknownCount;
            bestCost = c;
            bestEq = e;
            bestCell = m;
          }
        }
      }
      if (bestCell < 0) {
        // Every equation of this cell is fully withheld: the leak runs through other cells of its component.
        const fallback = cheapestNeighbour(leak, equations, eqsOf, canWithhold, cost);
        if (fallback < 0) {
          stuck.push(leak);
          continue;
        }
        bestCell = fallback;
      }
      reasons[bestCell] = 'secondary';
      trace?.(leak, bestCell);
      added++;
      if (bestEq >= 0) touched.add(bestEq);
    }
    // Cells with no publishable neighbour left may be fixed by this round's other additions; only when a round adds
    // nothing are they given up on (reported, and publishRelease then refuses to publish).
    if (!added) {
      for (const l of [...stuck, ...leaks]) unprotected.add(l);
      break;
    }
  }
  return {
    reasons: reasons.map((r, i) => (cells[i].hidden ? null : r)),
    unprotected: [...unprotected].sort((a, b) => a - b),
    rounds,
  };
}

/** Breadth-first through equations from `start`: the cheapest publishable cell of the nearest equation that has one. */
function cheapestNeighbour(
  start: number,
  equations: readonly Equation[],
  eqsOf: number[][],
  canWithhold: (i: number) => boolean,
  cost: (i: number) => number,
): number {
  const seenCells = new Set([start]);
  const seenEqs = new Set<number>();
  let frontier = [start];
  while (frontier.length) {
    let best = -1;
    let bestCost = Infinity;
    const next: number[] = [];
    for (const cell of frontier) {
      for (const e of eqsOf[cell]) {
        if (seenEqs.has(e)) continue;
        seenEqs.add(e);
        for (const m of [equations[e].total, ...equations[e].parts]) {
          if (canWithhold(m)) {
            const c = cost(m);
            if (c < bestCost) {
              bestCost = c;
              best = m;
            }
          } else if (!seenCells.has(m)) {
            seenCells.add(m);
            next.push(m);
          }
        }
      }
    }
    if (best >= 0) return best;
    frontier = next;
  }
  return -1;
}
