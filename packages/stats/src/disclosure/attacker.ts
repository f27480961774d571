import type { Equation, ProtectCell, SuppressionReason } from './types.js';

/**
 * What a reader can learn about a withheld cell from its published reason alone. Zero is withheld as a small
 * count, so "threshold" means 0..threshold-1; any other reason means the count passed the threshold.
 */
export function boundsOf(cell: ProtectCell, reason: SuppressionReason | null): [number, number] {
  if (cell.hidden) return [0, Infinity];
  if (reason === 'threshold') return [0, cell.threshold - 1];
  return [cell.threshold, Infinity];
}

const EPS = 1e-7;
/** Components up to this many unknown cells get the complete integer search. */
export const EXACT_MAX_CELLS = 40;
/** Search nodes per question; beyond it the propagation verdict stands (documented limit). */
const NODE_BUDGET = 5_000;

interface Row {
  vars: number[];
  coefs: number[];
  rhs: number;
}

/**
 * The attacker: every withheld (or hidden) cell whose exact value follows from the published cells, the equations
 * and the bounds the reasons reveal. Two complementary techniques:
 * - exact linear algebra (reduced row echelon form of the equations restricted to unknown cells): a cell is
 *   determined when its pivot row has no free variable left;
 * - interval propagation over the original equations and the echelon rows (integer bounds tightened to a fixed
 *   point): catches "two withheld cells that must both be 4" style deductions.
 * Sound (never reports a safe cell as derivable beyond what these deductions give) but not a full integer program;
 * docs/disclosure.md says what that leaves out.
 */
export interface AttackerOptions {
  /** Run the complete integer search on small components (slower; `protect` uses it to confirm a pattern). */
  exact?: boolean;
  /** Verdicts per component (keyed by its unknown cells): a component no round touched is not analysed again. */
  cache?: Map<string, number[]>;
}

export function derivableCells(
  cells: readonly ProtectCell[],
  equations: readonly Equation[],
  reasons: readonly (SuppressionReason | null)[],
  options: AttackerOptions = { exact: true },
): number[] {
  const unknown = cells.map((c, i) => !!c.hidden || reasons[i] !== null);
  const rows: Row[] = [];
  for (const eq of equations) {
    const coef = new Map<number, number>();
    coef.set(eq.total, (coef.get(eq.total) ?? 0) + 1);
    for (const p of eq.parts) coef.set(p, (coef.get(p) ?? 0) - 1);
    const vars: number[] = [];
    const coefs: number[] = [];
    let rhs = 0;
    for (const [v, a] of coef) {
      if (a === 0) continue;
      if (unknown[v]) {
        vars.push(v);
        coefs.push(a);
        // The attacker knows rhs from published numbers; computing it from the true values is the same number.
        rhs += a * cells[v].value;
      }
    }
    if (vars.length) rows.push({ vars, coefs, rhs });
  }

  // Connected components of unknown cells through the equations.
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let y = x;
    while (parent.get(y) !== r) {
      const n = parent.get(y)!;
      parent.set(y, r);
      y = n;
    }
    return r;
  };
  for (const row of rows) for (const v of row.vars) if (!parent.has(v)) parent.set(v, v);
  for (const row of rows)
    for (let k = 1; k < row.vars.length; k++) {
      const a = find(row.vars[0]);
      const b = find(row.vars[k]);
      if (a !== b) parent.set(a, b);
    }
  const byComponent = new Map<number, Row[]>();
  for (const row of rows) {
    const c = find(row.vars[0]);
    let list = byComponent.get(c);
    if (!list) byComponent.set(c, (list = []));
    list.push(row);
  }

  const derivable = new Set<number>();
  const lo = new Map<number, number>();
  const hi = new Map<number, number>();
  for (const v of parent.keys()) {
    const [l, h] = boundsOf(cells[v], reasons[v]);
    lo.set(v, l);
    hi.set(v, h);
  }

  for (const compRows of byComponent.values()) {
    const vars = [...new Set(compRows.flatMap((r) => r.vars))].sort((a, b) => a - b);
    const key = `${options.exact ? 'e' : 'c'}:${vars.join(',')}`;
    const cached = options.cache?.get(key);
    if (cached) {
      for (const v of cached) derivable.add(v);
      continue;
    }
    const found = analyseComponent(cells, compRows, vars, lo, hi, !!options.exact);
    options.cache?.set(key, found);
    for (const v of found) derivable.add(v);
  }
  return [...derivable].sort((a, b) => a - b);
}

function analyseComponent(
  cells: readonly ProtectCell[],
  compRows: Row[],
  vars: number[],
  lo: Map<number, number>,
  hi: Map<number, number>,
  exact: boolean,
): number[] {
  const derivable = new Set<number>();
  {
    const echelon = reducedEchelon(compRows);
    for (const r of echelon) if (r.vars.length === 1) derivable.add(r.vars[0]);
    propagate([...compRows, ...echelon], lo, hi);
    for (const v of vars) if (lo.get(v)! >= hi.get(v)!) derivable.add(v);
    if (exact && vars.length <= EXACT_MAX_CELLS) {
      // Small component: a complete integer search settles what bounds and echelon rows may miss (deductions that
      // need several equations and bounds at once).
      const cap = 2 * vars.reduce((a, v) => a + cells[v].value, 0) + 20;
      for (const v of exactlyDetermined(cells, compRows, vars, lo, hi, cap)) derivable.add(v);
    }
  }
  return [...derivable];
}

/** Gauss-Jordan elimination with partial pivoting; returns the non-zero rows of the reduced echelon form. */
function reducedEchelon(rows: Row[]): Row[] {
  const cols = [...new Set(rows.flatMap((r) => r.vars))].sort((a, b) => a - b);
  const index = new Map(cols.map((v, i) => [v, i]));
  const m = rows.map((r) => {
    const line = new Float64Array(cols.length + 1);
    r.vars.forEach((v, k) => (line[index.get(v)!] += r.coefs[k]));
    line[cols.length] = r.rhs;
    return line;
  });
  let pivotRow = 0;
  for (let c = 0; c < cols.length && pivotRow < m.length; c++) {
    let best = pivotRow;
    for (let r = pivotRow + 1; r < m.length; r++) if (Math.abs(m[r][c]) > Math.abs(m[best][c])) best = r;
    if (Math.abs(m[best][c]) < EPS) continue;
    [m[pivotRow], m[best]] = [m[best], m[pivotRow]];
    const p = m[pivotRow];
    const inv = 1 / p[c];
    for (let k = c; k <= cols.length; k++) p[k] *= inv;
    for (let r = 0; r < m.length; r++) {
      if (r === pivotRow) continue;
      const f = m[r][c];
      if (Math.abs(f) < EPS) continue;
      const line = m[r];
      for (let k = c; k <= cols.length; k++) line[k] -= f * p[k];
    }
    pivotRow++;
  }
  const out: Row[] = [];
  for (let r = 0; r < pivotRow; r++) {
    const vars: number[] = [];
    const coefs: number[] = [];
    for (let c = 0; c < cols.length; c++) {
      if (Math.abs(m[r][c]) > EPS) {
        vars.push(cols[c]);
        coefs.push(m[r][c]);
      }
    }
    if (vars.length) out.push({ vars, coefs, rhs: m[r][cols.length] });
  }
  return out;
}

/** Tightens integer bounds through every row until nothing changes (bounded number of passes). */
function propagate(rows: Row[], lo: Map<number, number>, hi: Map<number, number>): boolean {
  for (let pass = 0; pass < 60; pass++) {
    let changed = false;
    for (const row of rows) {
      // Σ a_i x_i = rhs. Range of the whole sum, counting infinite ends separately to avoid ∞ - ∞.
      let minFinite = 0;
      let maxFinite = 0;
      let minInf = 0;
      let maxInf = 0;
      const n = row.vars.length;
      const tMin = new Array<number>(n);
      const tMax = new Array<number>(n);
      for (let k = 0; k < n; k++) {
        const a = row.coefs[k];
        const l = lo.get(row.vars[k])!;
        const h = hi.get(row.vars[k])!;
        const x = a > 0 ? a * l : a * h;
        const y = a > 0 ? a * h : a * l;
        tMin[k] = x;
        tMax[k] = y;
        if (Number.isFinite(x)) minFinite += x;
        else minInf++;
        if (Number.isFinite(y)) maxFinite += y;
        else maxInf++;
      }
      for (let k = 0; k < n; k++) {
        const v = row.vars[k];
        const a = row.coefs[k];
        // Range of the other terms.
        const othersMin = Number.isFinite(tMin[k])
          ? minInf
            ? -Infinity
            : minFinite - tMin[k]
          : minInf > 1
            ? -Infinity
            : minFinite;
        const othersMax = Number.isFinite(tMax[k])
          ? maxInf
            ? Infinity
            : maxFinite - tMax[k]
          : maxInf > 1
            ? Infinity
            : maxFinite;
        // a x = rhs - others
        const r1 = (row.rhs - othersMax) / a;
        const r2 = (row.rhs - othersMin) / a;
        let newLo = Math.min(r1, r2);
        let newHi = Math.max(r1, r2);
        if (Number.isNaN(newLo)) newLo = -Infinity;
        if (Number.isNaN(newHi)) newHi = Infinity;
        const curLo = lo.get(v)!;
        const curHi = hi.get(v)!;
        const l = Number.isFinite(newLo) ? Math.ceil(newLo - 1e-6) : -Infinity;
        const h = Number.isFinite(newHi) ? Math.floor(newHi + 1e-6) : Infinity;
        if (l > curLo) {
          lo.set(v, l);
          changed = true;
        }
        if (h < curHi) {
          hi.set(v, h);
          changed = true;
        }
        if (Math.max(l, curLo) > Math.min(h, curHi)) return false;
      }
    }
    if (!changed) return true;
  }
  return true;
}

/**
 * The unknowns of a component that take the same value in every integer assignment satisfying the rows and bounds.
 * Each solution found clears every cell it gives another value to, so few searches are needed. A search that runs
 * out of budget clears its cell (the propagation verdict stands: documented limit).
 */
function exactlyDetermined(
  cells: readonly ProtectCell[],
  rows: Row[],
  vars: number[],
  lo: Map<number, number>,
  hi: Map<number, number>,
  cap: number,
): number[] {
  const n = vars.length;
  const local = new Map(vars.map((v, i) => [v, i]));
  const lrows = rows.map((r) => ({ idx: r.vars.map((v) => local.get(v)!), coefs: r.coefs, rhs: r.rhs }));
  const truth = vars.map((v) => cells[v].value);
  const L0 = vars.map((v) => lo.get(v)!);
  const H0 = vars.map((v) => Math.min(hi.get(v)!, cap));
  const free = new Array<boolean>(n).fill(false);
  const determined: number[] = [];
  for (let i = 0; i < n; i++) {
    if (free[i]) continue;
    let settled = false;
    for (const side of [-1, 1]) {
      const L = [...L0];
      const H = [...H0];
      if (side < 0) H[i] = Math.min(H[i], truth[i] - 1);
      else L[i] = Math.max(L[i], truth[i] + 1);
      if (L[i] > H[i]) continue;
      const budget = { nodes: NODE_BUDGET };
      const found = searchLocal(lrows, L, H, budget);
      if (found === 'unknown') {
        settled = true;
        break;
      }
      if (found !== 'no') {
        for (let k = 0; k < n; k++) if (found[k] !== truth[k]) free[k] = true;
        settled = true;
        break;
      }
    }
    if (!settled) determined.push(vars[i]);
  }
  return determined;
}

interface LocalRow {
  idx: number[];
  coefs: number[];
  rhs: number;
}

function propagateLocal(rows: LocalRow[], L: number[], H: number[]): boolean {
  for (let pass = 0; pass < 200; pass++) {
    let changed = false;
    for (const row of rows) {
      const n = row.idx.length;
      for (let k = 0; k < n; k++) {
        let othersMin = 0;
        let othersMax = 0;
        for (let j = 0; j < n; j++) {
          if (j === k) continue;
          const a = row.coefs[j];
          const x = row.idx[j];
          othersMin += a > 0 ? a * L[x] : a * H[x];
          othersMax += a > 0 ? a * H[x] : a * L[x];
        }
        const a = row.coefs[k];
        const x = row.idx[k];
        const r1 = (row.rhs - othersMax) / a;
        const r2 = (row.rhs - othersMin) / a;
        const l = Math.ceil(Math.min(r1, r2) - 1e-6);
        const h = Math.floor(Math.max(r1, r2) + 1e-6);
        if (l > L[x]) {
          L[x] = l;
          changed = true;
        }
        if (h < H[x]) {
          H[x] = h;
          changed = true;
        }
        if (L[x] > H[x]) return false;
      }
    }
    if (!changed) return true;
  }
  return true;
}

function searchLocal(
  rows: LocalRow[],
  L: number[],
  H: number[],
  budget: { nodes: number },
): number[] | 'no' | 'unknown' {
  if (--budget.nodes < 0) return 'unknown';
  if (!propagateLocal(rows, L, H)) return 'no';
  let pick = -1;
  let width = Infinity;
  for (let i = 0; i < L.length; i++) {
    const w = H[i] - L[i];
    if (w > 0 && w < width) {
      width = w;
      pick = i;
    }
  }
  if (pick < 0) {
    for (const r of rows) {
      let sum = 0;
      r.idx.forEach((x, k) => (sum += r.coefs[k] * L[x]));
      if (Math.abs(sum - r.rhs) > 1e-6) return 'no';
    }
    return L;
  }
  const mid = Math.floor((L[pick] + H[pick]) / 2);
  const H1 = [...H];
  H1[pick] = mid;
  const left = searchLocal(rows, [...L], H1, budget);
  if (left !== 'no' && left !== 'unknown') return left;
  const L2 = [...L];
  L2[pick] = mid + 1;
  const right = searchLocal(rows, L2, [...H], budget);
  if (right !== 'no' && right !== 'unknown') return right;
  return left === 'unknown' || right === 'unknown' ? 'unknown' : 'no';
}
