import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundsOf } from '../src/disclosure/attacker.js';
import { protect } from '../src/disclosure/protect.js';
import { DEFAULT_RULE, type DisclosureRule, type Equation, type ProtectCell } from '../src/disclosure/types.js';
import { hasAlternative } from './exact-solver.js';

const ASSOCIATIONS = ['a', 'b', 'c'];
// PROPERTY_RUNS=5000 for a longer hunt; the default keeps the suite quick on 2 shared cores.
const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

/** A rows × columns table with row totals, column totals and a grand total, each inner cell split by association. */
function table(inner: number[][][], threshold: number) {
  const R = inner.length;
  const C = inner[0].length;
  const cells: ProtectCell[] = [];
  const contrib = (parts: number[][]) => {
    const m = new Map<string, number>();
    for (const p of parts) p.forEach((n, k) => m.set(ASSOCIATIONS[k], (m.get(ASSOCIATIONS[k]) ?? 0) + n));
    return m;
  };
  const mk = (parts: number[][]): ProtectCell => {
    const contributors = contrib(parts);
    return { value: [...contributors.values()].reduce((a, b) => a + b, 0), threshold, contributors };
  };
  const at = (r: number, c: number) => r * C + c;
  for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) cells.push(mk([inner[r][c]]));
  const rowTotal = (r: number) => R * C + r;
  for (let r = 0; r < R; r++) cells.push(mk(inner[r]));
  const colTotal = (c: number) => R * C + R + c;
  for (let c = 0; c < C; c++) cells.push(mk(inner.map((row) => row[c])));
  const grand = cells.length;
  cells.push(mk(inner.flat()));
  const equations: Equation[] = [];
  for (let r = 0; r < R; r++) equations.push({ total: rowTotal(r), parts: [...Array(C).keys()].map((c) => at(r, c)) });
  for (let c = 0; c < C; c++) equations.push({ total: colTotal(c), parts: [...Array(R).keys()].map((r) => at(r, c)) });
  equations.push({ total: grand, parts: [...Array(R).keys()].map(rowTotal) });
  equations.push({ total: grand, parts: [...Array(C).keys()].map(colTotal) });
  return { cells, equations, R, C, at, rowTotal, colTotal, grand };
}

// Small counts on purpose: most tables then need primary and secondary suppression.
const contribution = fc.array(
  fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 12 })),
  {
    minLength: 3,
    maxLength: 3,
  },
);
const tableArb = fc.record({ R: fc.integer({ min: 2, max: 4 }), C: fc.integer({ min: 2, max: 4 }) }).chain(({ R, C }) =>
  fc.record({
    inner: fc.array(fc.array(contribution, { minLength: C, maxLength: C }), { minLength: R, maxLength: R }),
    threshold: fc.integer({ min: 3, max: 6 }),
  }),
);

const rule = (threshold: number): DisclosureRule => ({ ...DEFAULT_RULE, threshold, platformThreshold: threshold });

describe('disclosure control over random tables (property tests)', () => {
  it('never publishes a cell under the threshold, or with fewer than 2 associations, or dominated by one', () => {
    fc.assert(
      fc.property(tableArb, ({ inner, threshold }) => {
        const t = table(inner, threshold);
        const { reasons } = protect(t.cells, t.equations, rule(threshold));
        t.cells.forEach((cell, i) => {
          if (reasons[i] !== null) return;
          const counts = [...cell.contributors.values()].filter((n) => n > 0);
          expect(cell.value).toBeGreaterThanOrEqual(threshold);
          expect(counts.length).toBeGreaterThanOrEqual(2);
          expect(Math.max(...counts) / cell.value).toBeLessThanOrEqual(DEFAULT_RULE.maxAssociationShare);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('never leaves a withheld cell alone among withheld cells of a row or column whose total is published', () => {
    fc.assert(
      fc.property(tableArb, ({ inner, threshold }) => {
        const t = table(inner, threshold);
        const { reasons } = protect(t.cells, t.equations, rule(threshold));
        for (const eq of t.equations) {
          const members = [eq.total, ...eq.parts];
          const withheld = members.filter((m) => reasons[m] !== null);
          expect(withheld.length).not.toBe(1);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('no withheld cell can be recomputed exactly (complete integer search over the published table)', () => {
    fc.assert(
      fc.property(tableArb, ({ inner, threshold }) => {
        const t = table(inner, threshold);
        const { reasons, unprotected } = protect(t.cells, t.equations, rule(threshold));
        expect(unprotected).toEqual([]);
        const problem = {
          published: t.cells.map((c, i) => (reasons[i] === null ? c.value : null)),
          bounds: t.cells.map((c, i) => boundsOf(c, reasons[i])),
          equations: t.equations,
          cap: t.cells[t.grand].value * 2 + 20,
        };
        t.cells.forEach((cell, i) => {
          if (reasons[i] === null) return;
          expect(hasAlternative(problem, i, cell.value), `cell ${i} (${cell.value}, ${reasons[i]}) is derivable`).toBe(
            true,
          );
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('the exact search does catch a derivable cell (the test can fail)', () => {
    // 2x2 table, one small cell withheld alone, everything else published: derivable from its row.
    const t = table(
      [
        [
          [1, 1, 0],
          [5, 5, 5],
        ],
        [
          [5, 5, 5],
          [5, 5, 5],
        ],
      ],
      5,
    );
    const published = t.cells.map((c, i) => (i === 0 ? null : c.value));
    const problem = {
      published,
      bounds: t.cells.map((c, i) => boundsOf(c, i === 0 ? 'threshold' : null)),
      equations: t.equations,
      cap: 200,
    };
    expect(hasAlternative(problem, 0, 2)).toBe(false);
  });
});
