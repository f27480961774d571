import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCube, type ReleaseCell } from '../src/cube/build.js';
import {
  ALL,
  CUBE_DIMENSIONS,
  DIMENSION_CODES,
  PLATFORM_DIMENSIONS,
  SINGLE_VALUED,
  channelGroupOf,
  codesOf,
  matchesFilter,
  type CubeCase,
} from '../src/cube/dimensions.js';
import { DEFAULT_RULE } from '../src/disclosure/types.js';
import { randomCases } from './random-cases.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 5);

function index(cells: ReleaseCell[]) {
  return new Map(cells.map((c) => [`${c.filter}|${c.year}|${c.dimension}|${c.code}`, c]));
}

function membersOf(cases: CubeCase[], c: ReleaseCell): CubeCase[] {
  return cases.filter(
    (k) =>
      k.year === c.year &&
      matchesFilter(k, c.filter) &&
      (c.dimension === 'cases' || codesOf(k, c.dimension).includes(c.code)),
  );
}

const dataArb = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  perYear: fc.integer({ min: 20, max: 220 }),
  associations: fc.integer({ min: 1, max: 5 }),
});

/** The random cases an arbitrary draw describes (up to five associations), over these years. */
function casesOf(
  { seed, perYear, associations }: { seed: number; perYear: number; associations: number },
  years: number[],
) {
  return randomCases(seed, { years, perYear, associations: ['a', 'b', 'c', 'd', 'e'].slice(0, associations) });
}

/** `check` on the cube of each random draw of cases over these years (RUNS draws). */
function forEveryRandomCube(
  years: number[],
  check: (cube: ReturnType<typeof computeCube> & { cases: CubeCase[]; byKey: ReturnType<typeof index> }) => void,
) {
  fc.assert(
    fc.property(dataArb, (draw) => {
      const cases = casesOf(draw, years);
      const cube = computeCube(cases, DEFAULT_RULE);
      check({ ...cube, cases, byKey: index(cube.cells) });
    }),
    { numRuns: RUNS },
  );
}

/** The publication threshold of a cell of this dimension (platforms have their own). */
const thresholdOf = (dimension: string) =>
  PLATFORM_DIMENSIONS.has(dimension as never) ? DEFAULT_RULE.platformThreshold : DEFAULT_RULE.threshold;

describe('disclosure control over random cubes of case records (property tests)', () => {
  it('every published cell: at or above its threshold, at least 2 associations, none dominant; value correct', () => {
    forEveryRandomCube([2023, 2024], ({ cases, cells, unprotected }) => {
      expect(unprotected).toEqual([]);
      for (const c of cells) {
        if (c.value === null) {
          expect(c.reason).not.toBeNull();
          continue;
        }
        const members = membersOf(cases, c);
        expect(c.value).toBe(members.length);
        expect(c.value).toBeGreaterThanOrEqual(thresholdOf(c.dimension));
        const byAssociation = new Map<string, number>();
        for (const m of members) byAssociation.set(m.associationId, (byAssociation.get(m.associationId) ?? 0) + 1);
        expect(byAssociation.size).toBeGreaterThanOrEqual(DEFAULT_RULE.minAssociations);
        expect(Math.max(...byAssociation.values()) / c.value).toBeLessThanOrEqual(DEFAULT_RULE.maxAssociationShare);
      }
    });
  });

  it('no single-valued breakdown leaves exactly one unknown against its total, in any view', () => {
    forEveryRandomCube([2024], ({ cells, byKey }) => {
      const views = new Set(cells.map((c) => c.filter));
      for (const view of views) {
        const total = byKey.get(`${view}|2024|cases|all`)!;
        for (const d of CUBE_DIMENSIONS) {
          if (!SINGLE_VALUED.has(d)) continue;
          const row = [total, ...DIMENSION_CODES[d].map((code) => byKey.get(`${view}|2024|${d}|${code}`)!)];
          expect(row.filter((c) => c.value === null).length, `${view} ${d}`).not.toBe(1);
        }
      }
    });
  });

  it('differencing: a filtered cell and the unfiltered one, or a channel and its group, never differ by 1..threshold-1', () => {
    forEveryRandomCube([2024], ({ cells, byKey }) => {
      const check = (outer: ReleaseCell | undefined, inner: ReleaseCell | undefined, threshold: number) => {
        if (!outer || !inner || outer.value === null || inner.value === null) return;
        const diff = outer.value - inner.value;
        expect(
          diff === 0 || diff >= threshold,
          `${outer.filter}/${inner.filter} ${inner.dimension}:${inner.code}`,
        ).toBe(true);
      };
      for (const c of cells) {
        const threshold = thresholdOf(c.dimension);
        if (c.filter !== ALL) check(byKey.get(`${ALL}|2024|${c.dimension}|${c.code}`), c, threshold);
        if (c.dimension === 'recruitmentChannel') {
          check(byKey.get(`${c.filter}|2024|recruitmentChannelGroup|${channelGroupOf(c.code)}`), c, threshold);
        }
      }
    });
  });

  it('a year whose data did not change keeps exactly the same cells in the next release', () => {
    const cases = randomCases(42, { years: [2023, 2024], perYear: 150, associations: ['a', 'b', 'c', 'd'] });
    const first = computeCube(cases, DEFAULT_RULE);
    // New uploads for 2024 only.
    const more = randomCases(43, { years: [2024], perYear: 40, associations: ['a', 'e'] });
    const withheld = new Set(
      first.cells.filter((c) => c.value === null).map((c) => `${c.filter}|${c.year}|${c.dimension}|${c.code}`),
    );
    const second = computeCube([...cases, ...more], DEFAULT_RULE, {
      cells: first.cells,
      fingerprints: first.fingerprints,
      withheld,
    });
    expect(second.reusedYears).toEqual([2023]);
    const pick = (r: typeof first, y: number) => r.cells.filter((c) => c.year === y);
    expect(pick(second, 2023)).toEqual(pick(first, 2023));
    expect(pick(second, 2024)).not.toEqual(pick(first, 2024));
    // Stability: a 2024 cell withheld before is published now only when clearly above the threshold.
    for (const c of pick(second, 2024)) {
      const key = `${c.filter}|${c.year}|${c.dimension}|${c.code}`;
      if (!withheld.has(key) || c.value === null) continue;
      const threshold = PLATFORM_DIMENSIONS.has(c.dimension as never)
        ? DEFAULT_RULE.platformThreshold
        : DEFAULT_RULE.threshold;
      expect(c.value).toBeGreaterThanOrEqual(threshold + DEFAULT_RULE.stabilityMargin);
    }
  });
});
