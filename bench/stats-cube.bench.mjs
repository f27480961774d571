// Disclosure control over a whole release: builds the cube (13 views × 13 dimensions per reference year) from
// generated case records and runs primary + secondary suppression, as `publishRelease` does before writing to the
// database. Demo-sized by default (10 years × 500 cases, 6 associations) and a larger collective. Needs the built
// package: `cd packages/stats && npx tsc -p tsconfig.build.json`. Run: `node bench/stats-cube.bench.mjs`.
// Prints one JSON line per case.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { computeCube, DEFAULT_RULE } = await import(join(root, 'packages/stats/dist/index.js'));
const schema = await import(join(root, 'packages/schema/dist/index.js'));

/** Deterministic PRNG (mulberry32): the same data on every run. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
// Skewed: the first codes are far more frequent, as in real data.
const pick = (r, xs, skew = 2.5) => xs[Math.min(xs.length - 1, Math.floor(Math.pow(r(), skew) * xs.length))];

function cases(seed, years, perYear, associations) {
  const r = rng(seed);
  const out = [];
  for (const year of years) {
    for (let k = 0; k < perYear; k++) {
      const platforms = r() < 0.4 ? [pick(r, schema.RECRUITMENT_PLATFORMS.slice(0, 16))] : [];
      const channels = new Set(platforms.map((p) => schema.platformChannel(p) ?? 'unknown'));
      if (!channels.size || r() < 0.3) channels.add(pick(r, schema.RECRUITMENT_CHANNELS, 1.5));
      const types = new Set([pick(r, schema.EXPLOITATION_TYPES, 4)]);
      if (r() < 0.1) types.add(pick(r, schema.EXPLOITATION_TYPES, 2));
      const ageBand = pick(r, schema.AGE_BANDS, 1.2);
      out.push({
        associationId: pick(r, associations, 1.5),
        year,
        gender: pick(r, schema.GENDERS, 4),
        ageBand,
        isMinor: ageBand === 'unknown' ? null : ageBand === '0-8' || ageBand === '9-17',
        citizenship: [pick(r, ['FR', 'NG', 'RO', 'CN', 'BR', 'MA', 'AL', 'VN'], 1.6)],
        exploitationTypes: [...types],
        recruitmentChannels: [...channels],
        recruitmentPlatforms: platforms,
        onlineExploitation: pick(r, ['yes', 'no', 'unknown']),
        exploitationPlatforms: r() < 0.2 ? [pick(r, schema.RECRUITMENT_PLATFORMS.slice(0, 16))] : [],
        onlineControl: pick(r, ['yes', 'no', 'unknown']),
        recruiterRelation: pick(r, schema.RECRUITER_RELATIONS),
      });
    }
  }
  return out;
}

const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
const CASES = [
  { name: 'demo-sized', perYear: 500, associations: 6 },
  { name: 'collective (30 associations)', perYear: 3000, associations: 30 },
];
for (const c of CASES) {
  const data = cases(
    7,
    YEARS,
    c.perYear,
    Array.from({ length: c.associations }, (_, i) => `a${i}`),
  );
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
