// Disclosure control over a whole release: builds the cube (13 views × 13 dimensions per reference year) from
// generated case records and runs primary + secondary suppression, as `publishRelease` does before writing to the
// database. Demo-sized by default (10 years × 500 cases, 6 associations) and a larger collective. Needs the built
// package: `cd packages/stats && npx tsc -p tsconfig.build.json`. Run: `node bench/stats-cube.bench.mjs`.
// Prints one JSON line per case.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { computeCube, DEFAULT_RULE } = await import(join(root, 'packages/stats/dist/index.js'));
// The generator the package's property and release tests use (Node strips its types).
const { randomCases } = await import(join(root, 'packages/stats/test/random-cases.ts'));

const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
const CASES = [
  { name: 'demo-sized', perYear: 500, associations: 6 },
  { name: 'collective (30 associations)', perYear: 3000, associations: 30 },
];
for (const c of CASES) {
  const data = randomCases(7, {
    years: YEARS,
    perYear: c.perYear,
    associations: Array.from({ length: c.associations }, (_, i) => `a${i}`),
  });
  const t = performance.now();
  const res = computeCube(data, DEFAULT_RULE);
  const ms = performance.now() - t;
  const all = res.cells.filter((x) => x.filter === 'all');
  console.log(
    JSON.stringify({
      case: c.name,
      cases: data.length,
      years: YEARS.length,
      cells: res.cells.length,
      ms: Math.round(ms),
      msPerYear: Math.round(ms / YEARS.length),
      withheldShare: +(res.cells.filter((x) => x.value === null).length / res.cells.length).toFixed(3),
      unfilteredWithheldShare: +(all.filter((x) => x.value === null).length / all.length).toFixed(3),
      totalsWithheld: all.filter((x) => x.dimension === 'cases' && x.value === null).length,
      unprotected: res.unprotected.length,
    }),
  );
}
