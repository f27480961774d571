// Disclosure control over a whole release: builds the publication surface (3 views, 13 dimensions per reference
// year) from generated case records and runs the audited suppression (HiGHS), as `publishRelease` does before
// writing to the database: how the time grows with the number of years (each year is audited on its own) and with
// the size of the collective. Needs the built package (`npm run build`). Run: `node bench/stats-cube.bench.mjs`.
// Prints one JSON line per case.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { computeCube, DEFAULT_RULE } = await import(join(root, 'packages/stats/dist/index.js'));
// The generator the package's property and release tests use (Node strips its types).
const { randomCases } = await import(join(root, 'packages/stats/test/random-cases.ts'));

const ALL_YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
const CASES = [
  { name: 'demo-sized, 1 year', years: 1, perYear: 500, associations: 6 },
  { name: 'demo-sized, 5 years', years: 5, perYear: 500, associations: 6 },
  { name: 'demo-sized, 10 years', years: 10, perYear: 500, associations: 6 },
  { name: 'collective (30 associations), 10 years', years: 10, perYear: 3000, associations: 30 },
].filter((c) => !process.env.BENCH_QUICK || c.perYear === 500);
for (const c of CASES) {
  const years = ALL_YEARS.slice(-c.years);
  const data = randomCases(7, {
    years,
    perYear: c.perYear,
    associations: Array.from({ length: c.associations }, (_, i) => `a${i}`),
  });
  const t = performance.now();
  const res = await computeCube(data, DEFAULT_RULE);
  const ms = performance.now() - t;
  const all = res.cells.filter((x) => x.filter === 'all');
  console.log(
    JSON.stringify({
      case: c.name,
      cases: data.length,
      years: years.length,
      cells: res.cells.length,
      ms: Math.round(ms),
      msPerYear: Math.round(ms / years.length),
      withheldShare: +(res.cells.filter((x) => x.value === null).length / res.cells.length).toFixed(3),
      unfilteredWithheldShare: +(all.filter((x) => x.value === null).length / all.length).toFixed(3),
      totalsWithheld: all.filter((x) => x.dimension === 'cases' && x.value === null).length,
      failures: res.failures.length,
    }),
  );
}
