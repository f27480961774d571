import {
  AGE_BANDS,
  EXPLOITATION_TYPES,
  GENDERS,
  RECRUITER_RELATIONS,
  RECRUITMENT_CHANNELS,
  RECRUITMENT_PLATFORMS,
  platformChannel,
} from '@observatoire/schema';
import type { CubeCase } from '../src/cube/dimensions.js';

/** Small deterministic PRNG so that generated data sets are reproducible. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Skewed pick: the first codes are much more frequent, as in real data (most cases are sexual exploitation…). */
function pick<T>(r: () => number, xs: readonly T[], skew = 2.5): T {
  return xs[Math.min(xs.length - 1, Math.floor(Math.pow(r(), skew) * xs.length))];
}

export function randomCases(
  seed: number,
  opts: { years: number[]; perYear: number; associations: string[] },
): CubeCase[] {
  const r = rng(seed);
  const out: CubeCase[] = [];
  for (const year of opts.years) {
    for (let k = 0; k < opts.perYear; k++) {
      const platforms = r() < 0.4 ? [pick(r, RECRUITMENT_PLATFORMS.slice(0, 16))] : [];
      const channels = new Set<string>(platforms.map((p) => platformChannel(p) ?? 'unknown'));
      if (!channels.size || r() < 0.3) channels.add(pick(r, RECRUITMENT_CHANNELS, 1.5));
      const types = new Set<string>([pick(r, EXPLOITATION_TYPES, 4)]);
      if (r() < 0.1) types.add(pick(r, EXPLOITATION_TYPES, 2));
      const ageBand = pick(r, AGE_BANDS, 1.2);
      out.push({
        associationId: pick(r, opts.associations, 1.5),
        year,
        gender: pick(r, GENDERS, 4),
        ageBand,
        isMinor: ageBand === 'unknown' ? null : ageBand === '0-8' || ageBand === '9-17',
        citizenship: [pick(r, ['FR', 'NG', 'RO', 'CN', 'BR', 'MA', 'AL', 'VN'], 1.6)],
        exploitationTypes: [...types],
        recruitmentChannels: [...channels],
        recruitmentPlatforms: platforms,
        onlineExploitation: pick(r, ['yes', 'no', 'unknown']),
        exploitationPlatforms: r() < 0.2 ? [pick(r, RECRUITMENT_PLATFORMS.slice(0, 16))] : [],
        onlineControl: pick(r, ['yes', 'no', 'unknown']),
        recruiterRelation: pick(r, RECRUITER_RELATIONS),
      });
    }
  }
  return out;
}
