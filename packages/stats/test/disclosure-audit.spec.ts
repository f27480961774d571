import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit, passes, ReaderModel, type AuditCell } from '../src/disclosure/audit.js';
import type { LinearConstraint } from '../src/disclosure/lp.js';
import { suppress, type SuppressCell } from '../src/disclosure/suppress.js';
import { DEFAULT_RULE, type SuppressionReason } from '../src/disclosure/types.js';

const cell = (
  value: number,
  contributors: Record<string, number> = { a: value - Math.floor(value / 2), b: Math.floor(value / 2) },
): AuditCell => ({
  value,
  threshold: 5,
  contributors: new Map(Object.entries(contributors)),
});
const sum = (total: number, parts: number[]): LinearConstraint => ({
  terms: [[total, 1], ...parts.map((p) => [p, -1] as [number, number])],
  lo: 0,
  hi: 0,
});

describe('the reader model (HiGHS, linear and integer)', () => {
  it('pins a withheld cell that a total and the published cells leave alone, as a reader would', async () => {
    // 2019, gender in the issue: the total and the published cells leave 1 for the two withheld ones.
    const cells = [cell(470), cell(300), cell(169), cell(1), cell(0)];
    const reasons: (SuppressionReason | null)[] = [null, null, null, 'threshold', 'threshold'];
    const model = await new ReaderModel(cells, reasons, [sum(0, [1, 2, 3, 4])]).load(true);
    expect(model.interval([[3, 1]])).toEqual({ min: 0, max: 1 });
    model.dispose();
    const failures = await audit(
      cells,
      reasons,
      [sum(0, [1, 2, 3, 4])],
      [{ terms: [[3, 1]], requirement: 'threshold', threshold: 5, label: 'x' }],
      true,
    );
    expect(failures).toHaveLength(1);
  });

  it('uses what the reason says: a group at most the sum of its members pins "other offline" (2024 in the issue)', async () => {
    // group 252 published; members 248 published + one withheld below threshold; group <= sum of members.
    const cells = [cell(252), cell(200), cell(48), cell(4)];
    const reasons: (SuppressionReason | null)[] = [null, null, null, 'threshold'];
    const groupAtMostMembers: LinearConstraint = {
      terms: [
        [1, 1],
        [2, 1],
        [3, 1],
        [0, -1],
      ],
      lo: 0,
      hi: Infinity,
    };
    const model = await new ReaderModel(cells, reasons, [groupAtMostMembers]).load(false);
    expect(model.interval([[3, 1]])).toEqual({ min: 4, max: 4 });
    model.dispose();
  });

  it('agrees with brute force on small random tables (every integer solution enumerated)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        async (parts, hide) => {
          // cells: total, parts; a second constraint "part0 + part1 >= part2" when true in the data.
          const total = parts.reduce((a, b) => a + b, 0);
          const cells = [cell(total), ...parts.map((p) => cell(p))];
          const reasons = cells.map((c, i): SuppressionReason | null =>
            i === 0 || !hide[i - 1] ? null : c.value < 5 ? 'threshold' : 'secondary',
          );
          const constraints: LinearConstraint[] = [
            sum(
              0,
              parts.map((_, i) => i + 1),
            ),
          ];
          if (parts[0] + parts[1] >= parts[2])
            constraints.push({
              terms: [
                [1, 1],
                [2, 1],
                [3, -1],
              ],
              lo: 0,
              hi: Infinity,
            });
          const hidden = reasons.flatMap((r, i) => (r ? [i] : []));
          if (!hidden.length) return;
          // Brute force: every assignment of the withheld cells within what their reason allows.
          const range = (i: number) => (reasons[i] === 'threshold' ? [0, 4] : [5, total]);
          const seen = new Map<number, Set<number>>(hidden.map((i) => [i, new Set()]));
          const assign = (k: number, values: number[]) => {
            if (k === hidden.length) {
              const v = cells.map((c, i) => (reasons[i] ? values[hidden.indexOf(i)] : c.value));
              const ok = constraints.every((c) => {
                const s = c.terms.reduce((acc, [i, coef]) => acc + coef * v[i], 0);
                return s >= c.lo && s <= c.hi;
              });
              if (ok) hidden.forEach((i, j) => seen.get(i)!.add(values[j]));
              return;
            }
            const [lo, hi] = range(hidden[k]);
            for (let x = lo; x <= hi; x++) assign(k + 1, [...values, x]);
          };
          assign(0, []);
          const model = await new ReaderModel(cells, reasons, constraints).load(true);
          for (const i of hidden) {
            const values = [...seen.get(i)!];
            const got = model.interval([[i, 1]]);
            expect(Math.round(got.min)).toBe(Math.min(...values));
            expect(Math.round(got.max)).toBe(Math.max(...values));
          }
          model.dispose();
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('suppression audited by the reader model', () => {
  const table = (values: number[], owners: string[][]): SuppressCell[] =>
    values.map((v, i) => ({
      value: v,
      threshold: 5,
      contributors: new Map(owners[i].map((a) => [a, v / owners[i].length])),
      label: `c${i}`,
      table: i === 0 ? 'total' : 't',
      additive: i > 0,
      penalty: i === 0 ? 1e7 : 0,
    }));

  it('adds complements until every withheld cell keeps its protection interval, then checks with integers', async () => {
    const cells = table(
      [100, 60, 30, 7, 3],
      [
        ['a', 'b'],
        ['a', 'b'],
        ['a', 'b'],
        ['a', 'b'],
        ['a', 'b'],
      ],
    );
    const constraints = [sum(0, [1, 2, 3, 4])];
    const { reasons, failures } = await suppress(cells, constraints, [], DEFAULT_RULE);
    expect(failures).toEqual([]);
    expect(reasons[4]).toBe('threshold');
    expect(reasons.filter((r) => r === 'secondary')).toHaveLength(1);
    // The complement is the smallest cell that gives the withheld 3 its whole 0..4 range: 7 (3 + 7 - 5 = 5 >= 4).
    expect(reasons[3]).toBe('secondary');
    const left = await audit(
      cells,
      reasons,
      constraints,
      [{ terms: [[4, 1]], requirement: 'threshold', threshold: 5, label: '' }],
      true,
    );
    expect(left).toEqual([]);
  });

  it('protects the sum of cells withheld as one association’s caseload (2016 in the issue: 380 - 258 = 122)', async () => {
    const cells = table([380, 258, 70, 52], [['a', 'b', 'c'], ['a', 'b', 'c'], ['z'], ['z']]);
    const constraints = [sum(0, [1, 2, 3])];
    const { reasons, failures } = await suppress(cells, constraints, [], DEFAULT_RULE);
    expect(failures).toEqual([]);
    expect(reasons[2]).toBe('associations');
    expect(reasons[3]).toBe('associations');
    // 258 must go too, or 70 + 52 = 122 is read off the total.
    expect(reasons[1]).not.toBeNull();
  });

  it('passes() reads intervals as whole numbers: a span needs threshold different values', () => {
    const t = { terms: [[0, 1]] as const, requirement: 'span' as const, threshold: 5, label: '' };
    expect(passes(t, { min: 10, max: 14 })).toBe(true);
    expect(passes(t, { min: 10, max: 13.9 })).toBe(false);
    const z = { ...t, requirement: 'threshold' as const };
    expect(passes(z, { min: 0, max: 4 })).toBe(true);
    expect(passes(z, { min: 0.5, max: 4 })).toBe(false);
  });
});
