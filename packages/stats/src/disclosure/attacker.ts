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
export function derivableCells(
  cells: readonly ProtectCell[],
  equations: readonly Equation[],
  reasons: readonly (SuppressionReason | null)[],
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
    const echelon = reducedEchelon(compRows);
    for (const r of echelon) if (r.vars.length === 1) derivable.add(r.vars[0]);
    propagate([...compRows, ...echelon], lo, hi);
  }
  for (const v of parent.keys()) if (lo.get(v)! >= hi.get(v)!) derivable.add(v);
  // A withheld cell in no equation at all is never derivable.
  return [...derivable].sort((a, b) => a - b);
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
function propagate(rows: Row[], lo: Map<number, number>, hi: Map<number, number>): void {
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
      }
      if (changed) continue;
    }
    if (!changed) return;
  }
}
