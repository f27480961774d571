/**
 * An independent, exact check used by the property tests: a small complete search over integer solutions. For a
 * withheld cell it looks for another assignment of all withheld cells that agrees with every published number,
 * every equation and every bound the published reasons reveal, but gives that cell a different value. None found →
 * the cell is derivable. Exponential in the worst case: only for small tables.
 */
export interface SmallProblem {
  /** Per cell: published value, or null when withheld. */
  published: (number | null)[];
  /** Per withheld cell: the bounds its reason reveals (hi may be Infinity). */
  bounds: [number, number][];
  /** total = Σ parts */
  equations: { total: number; parts: number[] }[];
  /** Cap for unbounded cells (must exceed any plausible value). */
  cap: number;
}

export function hasAlternative(p: SmallProblem, cell: number, trueValue: number): boolean {
  return feasible(p, cell, 0, trueValue - 1) || feasible(p, cell, trueValue + 1, p.cap);
}

function feasible(p: SmallProblem, cell: number, lo: number, hi: number): boolean {
  const n = p.published.length;
  const L = new Array<number>(n);
  const H = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const v = p.published[i];
    if (v !== null) {
      L[i] = v;
      H[i] = v;
    } else {
      L[i] = p.bounds[i][0];
      H[i] = Math.min(p.bounds[i][1], p.cap);
    }
  }
  L[cell] = Math.max(L[cell], lo);
  H[cell] = Math.min(H[cell], hi);
  return search(p, L, H);
}

function propagate(p: SmallProblem, L: number[], H: number[]): boolean {
  for (let changed = true; changed;) {
    changed = false;
    for (const eq of p.equations) {
      let sumLo = 0;
      let sumHi = 0;
      for (const q of eq.parts) {
        sumLo += L[q];
        sumHi += H[q];
      }
      const t = eq.total;
      if (sumLo > L[t]) {
        L[t] = sumLo;
        changed = true;
      }
      if (sumHi < H[t]) {
        H[t] = sumHi;
        changed = true;
      }
      if (L[t] > H[t]) return false;
      for (const q of eq.parts) {
        const lo = L[t] - (sumHi - H[q]);
        const hi = H[t] - (sumLo - L[q]);
        if (lo > L[q]) {
          L[q] = lo;
          changed = true;
        }
        if (hi < H[q]) {
          H[q] = hi;
          changed = true;
        }
        if (L[q] > H[q]) return false;
      }
    }
  }
  return true;
}

function search(p: SmallProblem, L0: number[], H0: number[]): boolean {
  const L = [...L0];
  const H = [...H0];
  if (!propagate(p, L, H)) return false;
  let pick = -1;
  for (let i = 0; i < L.length; i++) if (L[i] < H[i] && (pick < 0 || H[i] - L[i] < H[pick] - L[pick])) pick = i;
  if (pick < 0) return true; // every variable fixed and every equation checked by propagation
  const mid = Math.floor((L[pick] + H[pick]) / 2);
  const H1 = [...H];
  H1[pick] = mid;
  if (search(p, L, H1)) return true;
  const L2 = [...L];
  L2[pick] = mid + 1;
  return search(p, L2, H);
}
