import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellKey, computeCube, recode, trueCells, type ReleaseCell } from '../src/cube/build.js';
import { knowledge } from '../src/cube/knowledge.js';
import { passes, ReaderModel } from '../src/disclosure/audit.js';
import type { SuppressionReason } from '../src/disclosure/types.js';
import {
  ALL,
  PLATFORM_DIMENSIONS,
  channelGroupOf,
  codesOf,
  matchesFilter,
  type CubeCase,
} from '../src/cube/dimensions.js';
import { DEFAULT_RULE } from '../src/disclosure/types.js';
import { randomCases } from './random-cases.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 3);
/** Each run publishes whole years through the audit: seconds each, more on a loaded machine. */
const TIMEOUT = 900_000;

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
  perYear: fc.integer({ min: 20, max: 150 }),
  associations: fc.integer({ min: 1, max: 5 }),
});

/** Runs `check` over random case records of the given years (RUNS data sets drawn by fast-check). */
function forEveryRandomCube(years: number[], check: (cases: CubeCase[]) => Promise<void>) {
  return fc.assert(
    fc.asyncProperty(dataArb, ({ seed, perYear, associations }) =>
      check(randomCases(seed, { years, perYear, associations: ['a', 'b', 'c', 'd', 'e'].slice(0, associations) })),
    ),
    { numRuns: RUNS },
  );
}

describe('disclosure control over random cubes of case records (property tests)', () => {
  it(
    'every published cell: at or above its threshold, at least 2 associations, none dominant; value correct',
    async () => {
      await forEveryRandomCube([2023, 2024], async (cases) => {
        const { cells, failures, codesKept } = await computeCube(cases, DEFAULT_RULE);
        expect(failures).toEqual([]);
        const recode = (k: CubeCase): CubeCase => ({
          ...k,
          // The two minor bands published together when one is rare.
          ageBand: codesKept.ageBand.includes(k.ageBand) ? k.ageBand : '0-17',
          recruitmentPlatforms: [
            ...new Set(k.recruitmentPlatforms.map((p) => (codesKept.recruitmentPlatform.includes(p) ? p : 'other'))),
          ],
          exploitationPlatforms: [
            ...new Set(k.exploitationPlatforms.map((p) => (codesKept.exploitationPlatform.includes(p) ? p : 'other'))),
          ],
        });
        const recoded = cases.map(recode);
        for (const c of cells) {
          if (c.value === null) {
            expect(c.reason).not.toBeNull();
            continue;
          }
          const members = membersOf(recoded, c);
          expect(c.value).toBe(members.length);
          const threshold = PLATFORM_DIMENSIONS.has(c.dimension as never)
            ? DEFAULT_RULE.platformThreshold
            : DEFAULT_RULE.threshold;
          expect(c.value).toBeGreaterThanOrEqual(threshold);
          const byAssociation = new Map<string, number>();
          for (const m of members) byAssociation.set(m.associationId, (byAssociation.get(m.associationId) ?? 0) + 1);
          expect(byAssociation.size).toBeGreaterThanOrEqual(DEFAULT_RULE.minAssociations);
          expect(Math.max(...byAssociation.values()) / c.value).toBeLessThanOrEqual(DEFAULT_RULE.maxAssociationShare);
        }
      });
    },
    TIMEOUT,
  );

  it(
    'a reader with every published number, the reasons and the knowledge model cannot narrow any withheld cell (integer programming)',
    async () => {
      await forEveryRandomCube([2024], async (cases) => {
        const { cells, codesKept } = await computeCube(cases, DEFAULT_RULE);
        const truth = trueCells(
          cases.map((k) => recode(k, codesKept)),
          DEFAULT_RULE,
          codesKept,
        );
        const byKey = index(cells);
        const index2 = new Map(truth.map((t, i) => [cellKey(t.filter, 2024, t.dimension, t.code), i]));
        const constraints = knowledge(
          (f, d, c) => index2.get(cellKey(f, 2024, d, c)),
          (i) => truth[i].value,
        );
        const toInternal = (r: string | null): SuppressionReason | null =>
          r === null
            ? null
            : r === 'below_threshold' || r === 'below_platform_threshold'
              ? 'threshold'
              : r === 'too_few_associations'
                ? 'associations'
                : r === 'confidential'
                  ? 'confidential'
                  : 'secondary';
        const reasons = truth.map((t) => toInternal(byKey.get(cellKey(t.filter, 2024, t.dimension, t.code))!.reason));
        const model = await new ReaderModel(truth, reasons, constraints).load(true);
        try {
          truth.forEach((t, i) => {
            if (reasons[i] === null) return;
            const interval = model.interval([[i, 1]]);
            expect(
              interval.min - 1e-6 <= t.value && t.value <= interval.max + 1e-6,
              `${t.filter} ${t.dimension} ${t.code}: truth in the interval`,
            ).toBe(true);
            const target = {
              terms: [[i, 1]] as const,
              requirement: reasons[i] === 'threshold' ? ('threshold' as const) : ('span' as const),
              threshold: t.threshold,
              label: '',
            };
            expect(passes(target, interval), `${t.filter} ${t.dimension} ${t.code} ${JSON.stringify(interval)}`).toBe(
              true,
            );
          });
        } finally {
          model.dispose();
        }
      });
    },
    TIMEOUT,
  );

  it(
    'differencing: a filtered cell and the unfiltered one, or a channel and its group, never differ by 1..threshold-1',
    async () => {
      await forEveryRandomCube([2024], async (cases) => {
        const { cells } = await computeCube(cases, DEFAULT_RULE);
        const byKey = index(cells);
        const check = (outer: ReleaseCell | undefined, inner: ReleaseCell | undefined, threshold: number) => {
          if (!outer || !inner || outer.value === null || inner.value === null) return;
          const diff = outer.value - inner.value;
          expect(
            diff === 0 || diff >= threshold,
            `${outer.filter}/${inner.filter} ${inner.dimension}:${inner.code}`,
          ).toBe(true);
        };
        for (const c of cells) {
          const threshold = PLATFORM_DIMENSIONS.has(c.dimension as never)
            ? DEFAULT_RULE.platformThreshold
            : DEFAULT_RULE.threshold;
          if (c.filter !== ALL) check(byKey.get(`${ALL}|2024|${c.dimension}|${c.code}`), c, threshold);
          if (c.dimension === 'recruitmentChannel') {
            check(byKey.get(`${c.filter}|2024|recruitmentChannelGroup|${channelGroupOf(c.code)}`), c, threshold);
          }
        }
      });
    },
    TIMEOUT,
  );

  it(
    'a year an earlier release published is carried forward unchanged, whatever its data became',
    async () => {
      const cases = randomCases(42, { years: [2023, 2024], perYear: 150, associations: ['a', 'b', 'c', 'd'] });
      const first = await computeCube(cases, DEFAULT_RULE);
      // A new association's 3 cases for 2023, and a new year.
      const more = [
        ...randomCases(43, { years: [2023], perYear: 3, associations: ['new'] }),
        ...randomCases(44, { years: [2025], perYear: 150, associations: ['a', 'b', 'c'] }),
      ];
      const second = await computeCube([...cases, ...more], DEFAULT_RULE, {
        cells: first.cells,
        years: first.years,
        fingerprints: first.fingerprints,
      });
      expect(second.frozenYears).toEqual([2023, 2024]);
      expect(second.revisedFrozenYears).toEqual([2023]);
      const pick = (r: typeof first, y: number) => r.cells.filter((c) => c.year === y);
      expect(pick(second, 2023)).toEqual(pick(first, 2023));
      expect(pick(second, 2024)).toEqual(pick(first, 2024));
      expect(pick(second, 2025).length).toBeGreaterThan(0);
    },
    TIMEOUT,
  );
});
