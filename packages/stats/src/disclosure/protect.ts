import { derivableCells } from './attacker.js';
import type { DisclosureRule, Equation, ProtectCell, ProtectionResult, SuppressionReason } from './types.js';

/** Extra cost of withholding a cell that is the total of an equation (a breakdown's total). */
const TOTAL_COST = 1e6;
/** Candidate cells tried (cheapest first) for each leak before falling back to a heuristic pick. */
const TRIALS = 12;
/** Cheapest candidates combined in pairs when no single one stops a leak. */
const PAIR_TRIALS = 8;

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
    return c.value + (c.penalty ?? 0) + (isTotal.has(i) ? TOTAL_COST : 0) - (c.previouslyWithheld ? 1e5 : 0);
  };
  const canWithhold = (i: number) => !cells[i].hidden && reasons[i] === null;
  const membersOf = (e: number) => [equations[e].total, ...equations[e].parts];

  const unprotected = new Set<number>();
  let rounds = 0;
  const cache = new Map<string, number[]>();

  /** Equations of the component of `start`: linked through withheld or hidden cells. */
  const componentOf = (start: number): Equation[] => {
    const seenEq = new Set<number>();
    const seenCell = new Set([start]);
    const queue = [start];
    while (queue.length) {
      const cell = queue.pop()!;
      for (const e of eqsOf[cell]) {
        if (seenEq.has(e)) continue;
        seenEq.add(e);
        for (const m of membersOf(e)) {
          if (!canWithhold(m) && !seenCell.has(m)) {
            seenCell.add(m);
            queue.push(m);
          }
        }
      }
    }
    return [...seenEq].sort((a, b) => a - b).map((e) => equations[e]);
  };
  const leaksIn = (eqs: Equation[], exact: boolean) => derivableCells(cells, eqs, reasons, { exact, cache });

  for (; rounds < maxRounds; rounds++) {
    // Cheap attacker (echelon form + bounds) until it finds nothing, then the exact one on small components.
    let exact = false;
    let allLeaks = derivableCells(cells, equations, reasons, { exact, cache }).filter((i) => !unprotected.has(i));
    if (!allLeaks.length) {
      exact = true;
      allLeaks = derivableCells(cells, equations, reasons, { exact, cache }).filter((i) => !unprotected.has(i));
    }
    if (!allLeaks.length) break;
    // Hidden differences usually leak because a neighbouring withheld cell does: fix the cells first, and the hidden
    // ones only when nothing else leaks (otherwise the fix lands on the big unfiltered cell around them).
    const visible = allLeaks.filter((i) => !cells[i].hidden);
    const leaks = visible.length ? visible : allLeaks;
    let added = 0;
    for (const leak of leaks) {
      const comp = componentOf(leak);
      // An earlier fix of this round may have protected this cell too.
      if (added && !leaksIn(comp, exact).includes(leak)) continue;
      // Candidates: publishable cells of the leak's component. Cells of the equations a linear derivation of the leak
      // actually uses come first (withholding one breaks that derivation; a cell elsewhere may change nothing), then
      // by cost. The first whose withholding stops the leak is taken (checked by the attacker on this component).
      const support = new Set(linearSupport(leak, comp).flatMap((e) => [e.total, ...e.parts]));
      // Totals only after every cheaper cell, whether or not in the derivation.
      const tier = (c: number) => (cost(c) >= TOTAL_COST ? 2 : 0) + (support.has(c) ? 0 : 1);
      const candidates = [...new Set(comp.flatMap((e) => [e.total, ...e.parts]))]
        .filter(canWithhold)
        .sort((a, b) => tier(a) - tier(b) || cost(a) - cost(b) || a - b);
      // A total is withheld only when no cheaper cell is left in the component, even if two cheap cells are then
      // needed where the total alone would do.
      const cheap = candidates.filter((c) => cost(c) < TOTAL_COST);
      const pool = cheap.length ? cheap : candidates;
      /** Whether withholding these cells too (tried, then put back) stops the leak. */
      const stops = (cells: number[]): boolean => {
        for (const c of cells) reasons[c] = 'secondary';
        const still = leaksIn(componentOf(leak), exact).includes(leak);
        for (const c of cells) reasons[c] = null;
        return !still;
      };
      const firstStopping = (cells: number[]): number => cells.find((c) => stops([c])) ?? -1;
      let pick = firstStopping(pool.slice(0, TRIALS));
      // No single cheap cell stops it: a pair of cheap cells may, before a total is considered.
      let second = -1;
      if (pick < 0 && cheap.length > 1) {
        const few = cheap.slice(0, PAIR_TRIALS);
        search: for (let i = 0; i < few.length; i++) {
          for (let j = i + 1; j < few.length; j++) {
            if (stops([few[i], few[j]])) {
              pick = few[i];
              second = few[j];
              break search;
            }
          }
        }
      }
      // Then a total, if it alone stops it.
      if (pick < 0 && cheap.length)
        pick = firstStopping(candidates.filter((x) => cost(x) >= TOTAL_COST).slice(0, TRIALS));
      if (second >= 0) {
        reasons[second] = 'secondary';
        trace?.(leak, second);
        added++;
      }
      // Otherwise withhold the cheapest cell of its own most exposed equation and look again.
      if (pick < 0) {
        const own = fallbackPick(leak);
        pick = own >= 0 && pool.includes(own) ? own : (pool[0] ?? -1);
      }
      if (pick < 0) continue;
      reasons[pick] = 'secondary';
      trace?.(leak, pick);
      added++;
    }
    // Only when a round can add nothing at all are the remaining leaks given up on (reported, and publishRelease
    // then refuses to publish).
    if (!added) {
      for (const l of leaks) unprotected.add(l);
      break;
    }
  }

  /** Equations with a non-zero weight in a combination that yields the leak alone (empty if none is linear). */
  function linearSupport(leak: number, comp: Equation[]): Equation[] {
    const unknownVars = [...new Set(comp.flatMap((e) => [e.total, ...e.parts]))].filter((m) => !canWithhold(m));
    const col = new Map(unknownVars.map((v, i) => [v, i]));
    if (!col.has(leak)) return [];
    // Solve Aᵀ y = e_leak: rows = unknown cells, columns = equations.
    const nE = comp.length;
    const m = unknownVars.map(() => new Float64Array(nE + 1));
    comp.forEach((eq, j) => {
      if (col.has(eq.total)) m[col.get(eq.total)!][j] += 1;
      for (const p of eq.parts) if (col.has(p)) m[col.get(p)!][j] -= 1;
    });
    m[col.get(leak)!][nE] = 1;
    const pivots: number[] = [];
    let r = 0;
    for (let c = 0; c < nE && r < m.length; c++) {
      let best = r;
      for (let k = r + 1; k < m.length; k++) if (Math.abs(m[k][c]) > Math.abs(m[best][c])) best = k;
      if (Math.abs(m[best][c]) < 1e-9) continue;
      [m[r], m[best]] = [m[best], m[r]];
      const inv = 1 / m[r][c];
      for (let k = c; k <= nE; k++) m[r][k] *= inv;
      for (let k = 0; k < m.length; k++) {
        if (k === r || Math.abs(m[k][c]) < 1e-12) continue;
        const f = m[k][c];
        for (let q = c; q <= nE; q++) m[k][q] -= f * m[r][q];
      }
      pivots.push(c);
      r++;
    }
    for (let k = r; k < m.length; k++) if (Math.abs(m[k][nE]) > 1e-9) return []; // not a linear derivation
    return pivots.filter((_, i) => Math.abs(m[i][nE]) > 1e-9).map((c) => comp[c]);
  }

  function fallbackPick(leak: number): number {
    let best = -1;
    let bestUnknown = Infinity;
    let bestCost = Infinity;
    for (const e of eqsOf[leak]) {
      const members = membersOf(e);
      const unknownCount = members.filter((m) => !canWithhold(m)).length;
      for (const m of members) {
        if (!canWithhold(m)) continue;
        const c = cost(m);
        if (unknownCount < bestUnknown || (unknownCount === bestUnknown && c < bestCost)) {
          bestUnknown = unknownCount;
          bestCost = c;
          best = m;
        }
      }
    }
    return best;
  }
  return {
    reasons: reasons.map((r, i) => (cells[i].hidden ? null : r)),
    unprotected: [...unprotected].sort((a, b) => a - b),
    rounds,
  };
}
