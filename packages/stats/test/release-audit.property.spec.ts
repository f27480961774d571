import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attack, type Collection } from '../src/attack/attack.js';
import { computeCube, type CellDimension } from '../src/cube/build.js';
import { DEFAULT_RULE } from '../src/disclosure/types.js';
import { auditPanels } from '../src/panel/audit.js';
import { buildPanelTables } from '../src/panel/build.js';
import { randomCases } from './random-cases.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 3);
/** Each run audits whole years, the panels with them, then attacks them by integer programming. */
const TIMEOUT = 900_000;

const dataArb = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  perYear: fc.integer({ min: 30, max: 160 }),
  associations: fc.integer({ min: 2, max: 5 }),
  /** An association that only reports from the second year on (so the panels differ from the release). */
  late: fc.boolean(),
});

describe('a release and its constant-panel tables against the project’s attack (property tests)', () => {
  it(
    'the attack, reading every published number of the cube and the panels, pins and narrows nothing',
    async () => {
      await fc.assert(
        fc.asyncProperty(dataArb, async ({ seed, perYear, associations, late }) => {
          const names = ['a', 'b', 'c', 'd', 'e'].slice(0, associations);
          const cases = randomCases(seed, { years: [2022, 2023, 2024], perYear, associations: names }).filter(
            (c) => !(late && c.associationId === names[0] && c.year === 2022),
          );
          const cube = await computeCube(cases, DEFAULT_RULE);
          expect(cube.failures).toEqual([]);
          const panel = buildPanelTables(cases, DEFAULT_RULE, cube.cells);
          expect(await auditPanels(cases, DEFAULT_RULE, cube, panel, new Set())).toEqual([]);
          const collection: Collection = {
            urls: 0,
            numbers: 0,
            servedOutsideSurface: [],
            contradictions: [],
            cells: [...cube.cells, ...panel]
              .filter((c) => c.dimension !== 'associations')
              .map((c) => ({ ...c, dimension: c.dimension as CellDimension, release: 'r1' })),
          };
          const report = await attack(collection, cases, DEFAULT_RULE);
          expect(report.truthOutside, report.examples.join('\n')).toBe(0);
          expect(report.pinnedSmall, report.examples.join('\n')).toBe(0);
          expect(report.narrowed, report.examples.join('\n')).toBe(0);
          expect(report.misleadingReasons, report.examples.join('\n')).toBe(0);
          expect(report.withheld).toBeGreaterThan(0);
        }),
        { numRuns: RUNS, seed: 11 },
      );
    },
    TIMEOUT,
  );
});
