import { describe, expect, it } from 'vitest';
import { computeCube, DEFAULT_RULE, type CubeCase, type CubeResult } from '../src/index.js';
import { buildPanelTables, panelDefinitions, type PanelCell } from '../src/panel/build.js';
import { codesOf } from '../src/cube/dimensions.js';
import { randomCases } from './random-cases.js';

const rule = DEFAULT_RULE;

async function tables(cases: CubeCase[]): Promise<{ panel: PanelCell[]; cube: CubeResult }> {
  const cube = await computeCube(cases, rule);
  return { panel: buildPanelTables(cases, rule, cube.cells), cube };
}

/** Cases of one year and association, the rest of the record drawn at random. */
function withAssociation(cases: CubeCase[], year: number, from: string, to: string, count: number): CubeCase[] {
  let moved = 0;
  return cases.map((c) =>
    c.year === year && c.associationId === from && moved++ < count ? { ...c, associationId: to } : c,
  );
}

const count = (cases: CubeCase[], year: number, associations: Set<string>, dimension: string, code: string) =>
  cases.filter(
    (c) =>
      c.year === year &&
      associations.has(c.associationId) &&
      (dimension === 'cases' || codesOf(c, dimension as never).includes(code)),
  );

describe('constant-panel tables', () => {
  it('define each panel as the associations that reported in every one of its years', () => {
    const cases = randomCases(3, {
      years: [2022, 2023, 2024],
      perYear: 200,
      associations: ['a', 'b', 'c', 'd'],
    }).filter((c) => !(c.year === 2022 && c.associationId === 'd') && !(c.year === 2024 && c.associationId === 'c'));
    const defs = panelDefinitions(cases).map((d) => ({
      from: d.from,
      to: d.to,
      associations: [...d.associations].sort(),
    }));
    expect(defs).toEqual([
      { from: 2022, to: 2023, associations: ['a', 'b', 'c'] },
      { from: 2023, to: 2024, associations: ['a', 'b', 'd'] },
      { from: 2022, to: 2024, associations: ['a', 'b'] },
    ]);
  });

  it('add the five-year comparison the home page makes, when the release goes back that far', () => {
    const years = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
    const cases = randomCases(4, { years, perYear: 60, associations: ['a', 'b', 'c'] });
    const spans = panelDefinitions(cases).map((d) => `${d.from}-${d.to}:${d.years.length}`);
    expect(spans).toEqual([...years.slice(1).map((y) => `${y - 1}-${y}:2`), '2020-2025:6', '2018-2025:8']);
    // Five years or fewer: consecutive pairs and the whole span only.
    const short = randomCases(4, { years: [2021, 2022, 2023, 2024, 2025], perYear: 60, associations: ['a', 'b'] });
    expect(panelDefinitions(short).map((d) => `${d.from}-${d.to}`)).toEqual([
      '2021-2022',
      '2022-2023',
      '2023-2024',
      '2024-2025',
      '2021-2025',
    ]);
  });

  it('repeat the release’s cells when no association joined or left', async () => {
    const cases = randomCases(5, { years: [2023, 2024], perYear: 300, associations: ['a', 'b', 'c', 'd'] });
    const { panel, cube } = await tables(cases);
    const release = new Map(
      cube.cells.filter((c) => c.filter === 'all').map((c) => [`${c.year}|${c.dimension}|${c.code}`, c]),
    );
    const cells = panel.filter((c) => c.dimension !== 'associations');
    expect(cells.length).toBe(2 * (1 + 3 + 17 + 3));
    for (const c of cells) {
      const same = release.get(`${c.year}|${c.dimension}|${c.code}`)!;
      expect(c.filter).toBe('panel:2023-2024');
      expect(c.value).toBe(same.value);
    }
    // Nobody outside the panel: no count of associations is stored as 0 (a release never stores a 0).
    expect(panel.filter((c) => c.dimension === 'associations').map((c) => c.code)).toEqual([
      'reporting',
      'panel',
      'reporting',
      'panel',
    ]);
    expect(panel.every((c) => c.value !== 0)).toBe(true);
  });

  it('withhold every count of a year when only one association joined, and still publish the counts of associations', async () => {
    const base = randomCases(7, { years: [2023, 2024], perYear: 400, associations: ['a', 'b', 'c'] });
    const cases = withAssociation(base, 2024, 'a', 'newcomer', 60);
    const { panel } = await tables(cases);
    const y2024 = panel.filter((c) => c.year === 2024);
    const assoc = Object.fromEntries(y2024.filter((c) => c.dimension === 'associations').map((c) => [c.code, c.value]));
    expect(assoc).toEqual({ reporting: 4, panel: 3, outside: 1, joined: 1 });
    for (const c of y2024.filter((c) => c.dimension !== 'associations')) {
      expect(c.value).toBeNull();
      expect(c.reason).toBe('too_few_associations');
    }
    // 2023: nobody left, so the panel is every association of that year.
    expect(panel.find((c) => c.year === 2023 && c.dimension === 'cases')!.value).toBe(
      cases.filter((c) => c.year === 2023).length,
    );
  });

  it('withhold a year when the associations that joined or left have fewer cases than the threshold', async () => {
    const base = randomCases(8, { years: [2023, 2024], perYear: 400, associations: ['a', 'b', 'c'] });
    const cases = withAssociation(withAssociation(base, 2024, 'a', 'n1', 2), 2024, 'b', 'n2', 2);
    const { panel } = await tables(cases);
    const total = panel.find((c) => c.year === 2024 && c.dimension === 'cases')!;
    expect(total).toMatchObject({ value: null, reason: 'below_threshold' });
  });

  it('never publish a panel cell whose difference with a larger published group is a small group', async () => {
    for (const seed of [1, 2]) {
      const base = randomCases(seed, {
        years: [2021, 2022, 2023, 2024],
        perYear: 500,
        associations: ['a', 'b', 'c', 'd', 'e', 'f'],
      });
      // Composition changes: f joins in 2022, e leaves after 2022, g and h (new, few cases) report in 2024 only.
      const cases = withAssociation(
        withAssociation(
          base.filter(
            (c) => !(c.associationId === 'f' && c.year === 2021) && !(c.associationId === 'e' && c.year > 2022),
          ),
          2024,
          'a',
          'g',
          5,
        ),
        2024,
        'b',
        'h',
        4,
      );
      const { panel, cube } = await tables(cases);
      const release = new Map(
        cube.cells.filter((c) => c.filter === 'all').map((c) => [`${c.year}|${c.dimension}|${c.code}`, c]),
      );
      const defs = panelDefinitions(cases);
      let published = 0;
      for (const c of panel) {
        if (c.dimension === 'associations' || c.value === null) continue;
        published++;
        const def = defs.find((d) => `panel:${d.from}-${d.to}` === c.filter)!;
        const own = count(cases, c.year, def.associations as Set<string>, c.dimension, c.code);
        expect(c.value).toBe(own.length);
        const threshold = rule.threshold;
        expect(c.value).toBeGreaterThanOrEqual(threshold);
        expect(new Set(own.map((x) => x.associationId)).size).toBeGreaterThanOrEqual(2);
        // Against all associations: published, and the difference zero or a group the rule allows.
        const all = release.get(`${c.year}|${c.dimension}|${c.code}`)!;
        expect(all.value).not.toBeNull();
        const rest = all.value! - c.value!;
        if (rest > 0) {
          expect(rest).toBeGreaterThanOrEqual(threshold);
          const outside = count(cases, c.year, new Set(cases.map((x) => x.associationId)), c.dimension, c.code).filter(
            (x) => !def.associations.has(x.associationId),
          );
          expect(new Set(outside.map((x) => x.associationId)).size).toBeGreaterThanOrEqual(2);
        }
        // Against every larger panel of the same year.
        for (const other of panel) {
          if (
            other.filter === c.filter ||
            other.year !== c.year ||
            other.dimension !== c.dimension ||
            other.code !== c.code
          )
            continue;
          if (other.value === null) continue;
          const d = other.value - c.value!;
          if (d > 0) expect(d).toBeGreaterThanOrEqual(threshold);
        }
      }
      expect(published).toBeGreaterThan(20);
      // Minor flag: never exactly one withheld among yes/no/unknown and the total.
      for (const view of new Set(panel.map((c) => c.filter))) {
        for (const year of [2021, 2022, 2023, 2024]) {
          const group = panel.filter(
            (c) => c.filter === view && c.year === year && (c.dimension === 'minor' || c.dimension === 'cases'),
          );
          if (!group.length) continue;
          expect(group.filter((c) => c.value === null).length).not.toBe(1);
        }
      }
    }
  });
});
