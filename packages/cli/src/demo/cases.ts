import { ONLINE_CHANNELS } from '@observatoire/schema';
import type { Prng } from './prng.js';

/**
 * The canonical shape of one fictional case before it is written in an association's own dialect. Codes are the
 * schema's codes (packages/schema code lists); the writers turn them into the labels real exports use.
 */
export interface DemoCase {
  /** The association's own file number, e.g. `HOR-2021-0042`: never anything that could identify a person. */
  caseId: string;
  year: number;
  /** Date of first contact (UTC midnight), used by the XLSX exports whose year comes from a date. */
  firstContact: Date;
  gender: DemoGender;
  /** Age at the start of exploitation, null when the association does not know it. */
  age: number | null;
  /** ISO 3166-1 alpha-2. */
  citizenship: string[];
  exploitation: string[];
  channels: string[];
  platforms: string[];
  /** Whether the person was advertised or exploited online (HTCDS ExploitationWebsitesAndApps): yes, no, unknown. */
  onlineExploitation: 'yes' | 'no' | 'unknown';
  /** Platforms the exploitation or advertising happened on (recruitment platform codes). */
  exploitationPlatforms: string[];
  /** Relation of the recruiter to the person (recruiterRelation code list). */
  recruiterRelation: string;
  /** When set, the writer emits a value the schema does not recognise in this field (to exercise import warnings). */
  unrecognised?: 'recruitment' | 'citizenship' | 'age';
}

export type DemoGender = 'female' | 'male' | 'trans_female' | 'trans_male' | 'non_binary' | 'unknown';

export const FIRST_YEAR = 2016;
export const LAST_YEAR = 2025;

/** Position of a year in the demo period, 0 for 2016 and 1 for 2025: every trend below is a function of it. */
function progress(year: number): number {
  return (year - FIRST_YEAR) / (LAST_YEAR - FIRST_YEAR);
}

/**
 * Share of cases recruited through at least one online channel: ~15% in 2016 rising to ~55% in 2025 (what French
 * associations and CTDC report as the post-2015 shift), slightly convex, plus a per-association offset.
 */
export function onlineShare(year: number, offset = 0): number {
  const t = progress(year);
  return Math.min(0.9, Math.max(0.02, 0.15 + 0.4 * t ** 1.15 + offset));
}

function onlineChannelWeights(year: number): Array<[string, number]> {
  const t = progress(year);
  return [
    ['social_network', 0.3 + 0.1 * t],
    ['messaging_app', 0.12 + 0.12 * t],
    ['classified_ads', 0.22 - 0.13 * t],
    ['escort_adult_site', 0.07],
    ['dating_app', 0.11 - 0.02 * t],
    ['online_job_offer', 0.12],
    ['video_livestream', year >= 2019 ? 0.04 * t : 0],
    ['gaming_platform', year >= 2020 ? 0.02 * t : 0],
    ['other_online', 0.04],
  ];
}

const OFFLINE_CHANNEL_WEIGHTS: Array<[string, number]> = [
  ['friends_acquaintances', 0.28],
  ['family', 0.16],
  ['intimate_partner', 0.16],
  ['in_person_stranger', 0.12],
  ['offline_job_offer', 0.14],
  ['agency_intermediary', 0.04],
  ['other_offline', 0.02],
];

/** Platforms a channel is typically used through, weighted by year (TikTok appears in 2018, Vivastreet fades). */
function platformWeights(channel: string, year: number): Array<[string, number]> {
  const t = progress(year);
  switch (channel) {
    case 'social_network':
      return [
        ['facebook', 0.5 - 0.3 * t],
        ['instagram', 0.2 + 0.08 * t],
        ['snapchat', 0.12 + 0.08 * t],
        ['tiktok', year >= 2018 ? 0.05 + 0.2 * t : 0],
        ['x_twitter', 0.04],
      ];
    case 'messaging_app':
      return [
        ['whatsapp', 0.5],
        ['telegram', 0.12 + 0.18 * t],
        ['facebook_messenger', 0.18 - 0.08 * t],
        ['signal', 0.02 + 0.04 * t],
        ['viber', 0.05],
        ['discord', year >= 2020 ? 0.03 : 0],
      ];
    case 'classified_ads':
      return [
        ['vivastreet', 0.55 - 0.25 * t],
        ['leboncoin', 0.45],
      ];
    case 'escort_adult_site':
      return [['onlyfans', year >= 2019 ? 1 : 0.0001]];
    case 'dating_app':
      return [['tinder', 1]];
    // Job offers, live videos and games are recorded without a platform here: the schema maps a named platform
    // to the channel it implies (TikTok is a social network, Discord a messaging app), which would blur them.
    default:
      return [];
  }
}

const GENDER_WEIGHTS: Array<[DemoGender, number]> = [
  ['female', 0.86],
  ['male', 0.095],
  ['trans_female', 0.03],
  ['trans_male', 0.003],
  ['non_binary', 0.002],
  ['unknown', 0.01],
];

/** Exploitation purposes depend on gender: sexual exploitation dominates for women (~86% overall). */
function exploitationWeights(gender: DemoGender): Array<[string, number]> {
  if (gender === 'male' || gender === 'trans_male') {
    return [
      ['sexual', 0.42],
      ['labour', 0.26],
      ['forced_criminality', 0.16],
      ['forced_begging', 0.1],
      ['domestic_servitude', 0.06],
    ];
  }
  return [
    ['sexual', 0.905],
    ['labour', 0.025],
    ['forced_criminality', 0.025],
    ['domestic_servitude', 0.02],
    ['forced_begging', 0.01],
    ['forced_marriage', 0.015],
  ];
}

export interface CitizenshipProfile {
  /** Multiplies the national weights below, to give each association a plausible local mix. */
  boost?: Partial<Record<string, number>>;
}

function citizenshipWeights(year: number, profile: CitizenshipProfile): Array<[string, number]> {
  const base: Array<[string, number]> = [
    ['NG', 0.28],
    ['RO', 0.08],
    ['CI', 0.07],
    ['CN', 0.07],
    ['BR', 0.05],
    ['FR', 0.08],
    ['MA', 0.04],
    ['AL', 0.03],
    ['BG', 0.05],
    ['VN', 0.04],
    ['CM', 0.04],
    ['GN', 0.03],
    ['UA', year >= 2022 ? 0.05 : 0.015],
    ['DZ', 0.02],
    ['CO', 0.015],
    ['HU', 0.01],
  ];
  return base.map(([c, w]) => [c, w * (profile.boost?.[c] ?? 1)]);
}

function ageOf(rng: Prng): number | null {
  if (rng.chance(0.05)) return null;
  // 10-20% minors (CTDC and the French survey), the rest mostly young adults.
  if (rng.chance(0.15))
    return rng.weighted([
      [13, 1],
      [14, 2],
      [15, 3],
      [16, 4],
      [17, 5],
    ]);
  const band = rng.weighted<number>([
    [0, 0.25],
    [1, 0.22],
    [2, 0.16],
    [3, 0.12],
    [4, 0.16],
    [5, 0.06],
    [6, 0.03],
  ]);
  const ranges: Array<[number, number]> = [
    [18, 20],
    [21, 23],
    [24, 26],
    [27, 29],
    [30, 38],
    [39, 47],
    [48, 62],
  ];
  const [lo, hi] = ranges[band];
  return rng.int(lo, hi);
}

/** Who recruited, given how: online recruiters are mostly strangers, sometimes a "lover boy" or an acquaintance. */
function recruiterRelationOf(rng: Prng, channel: string): string {
  switch (channel) {
    case 'family':
      return rng.chance(0.95) ? 'family' : 'unknown';
    case 'intimate_partner':
      return 'intimate_partner';
    case 'friends_acquaintances':
      return 'friend';
    case 'in_person_stranger':
      return 'stranger';
    case 'offline_job_offer':
      return rng.weighted([
        ['other', 0.4],
        ['stranger', 0.4],
        ['friend', 0.2],
      ]);
    case 'agency_intermediary':
      return rng.chance(0.6) ? 'other' : 'stranger';
    case 'other_offline':
      return rng.chance(0.5) ? 'other' : 'unknown';
    case 'unknown':
      return 'unknown';
    default:
      return rng.weighted([
        ['stranger', 0.45],
        ['intimate_partner', 0.2],
        ['friend', 0.2],
        ['unknown', 0.15],
      ]);
  }
}

/** Where people were advertised or exploited online: escort ads fade, subscription sites and Telegram grow. */
function exploitationPlatformWeights(sexual: boolean, year: number): Array<[string, number]> {
  const t = progress(year);
  if (!sexual) {
    return [
      ['leboncoin', 0.5],
      ['facebook', 0.3],
      ['telegram', 0.2],
    ];
  }
  return [
    ['vivastreet', 0.45 - 0.3 * t],
    ['onlyfans', year >= 2019 ? 0.05 + 0.25 * t : 0],
    ['snapchat', 0.1 + 0.05 * t],
    ['telegram', 0.05 + 0.15 * t],
    ['instagram', 0.1],
    ['leboncoin', 0.1],
    ['x_twitter', 0.05],
  ];
}

function uniquePush(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

export interface CaseOptions {
  idPrefix: string;
  onlineOffset: number;
  citizenship: CitizenshipProfile;
  /** Share of cells written with a deliberately unrecognised value. */
  unrecognisedRate: number;
}

/** Draws the `count` fictional cases of one association for one year. */
export function drawCases(rng: Prng, year: number, count: number, options: CaseOptions): DemoCase[] {
  const cases: DemoCase[] = [];
  const t = progress(year);
  for (let i = 0; i < count; i++) {
    const gender = rng.weighted(GENDER_WEIGHTS);
    const age = ageOf(rng);

    const exploitation = [rng.weighted(exploitationWeights(gender))];
    if (rng.chance(0.05)) uniquePush(exploitation, rng.weighted(exploitationWeights(gender)));

    const channels: string[] = [];
    const platforms: string[] = [];
    // "Unknown" recruitment shrinks as associations record it better (8% to 4%).
    if (rng.chance(0.08 - 0.04 * t)) {
      channels.push('unknown');
    } else if (rng.chance(onlineShare(year, options.onlineOffset) / (0.92 + 0.04 * t))) {
      const first = rng.weighted(onlineChannelWeights(year));
      channels.push(first);
      // A contact made on a social network often moves to a messaging app ("Réseaux sociaux, Messagerie").
      if (first === 'social_network' && rng.chance(0.15)) channels.push('messaging_app');
      else if (rng.chance(0.04)) uniquePush(channels, rng.weighted(onlineChannelWeights(year)));
      // Associations record the platform more often in recent years.
      if (rng.chance(0.5 + 0.25 * t)) {
        for (const channel of channels) {
          const weights = platformWeights(channel, year);
          if (weights.length > 0 && rng.chance(channel === first ? 1 : 0.7))
            uniquePush(platforms, rng.weighted(weights));
        }
      }
    } else {
      channels.push(rng.weighted(OFFLINE_CHANNEL_WEIGHTS));
    }

    const citizenship = [rng.weighted(citizenshipWeights(year, options.citizenship))];

    const sexual = exploitation.includes('sexual');
    const recruitedOnline = channels.some((ch) => (ONLINE_CHANNELS as readonly string[]).includes(ch));
    let onlineExploitation: DemoCase['onlineExploitation'] = 'unknown';
    const exploitationPlatforms: string[] = [];
    if (rng.chance(0.85 + 0.07 * t)) {
      const p = (sexual ? 0.35 + 0.35 * t : 0.08 + 0.12 * t) + (recruitedOnline ? 0.15 : 0);
      onlineExploitation = rng.chance(Math.min(0.95, p)) ? 'yes' : 'no';
    }
    if (onlineExploitation === 'yes' && rng.chance(0.6)) {
      exploitationPlatforms.push(rng.weighted(exploitationPlatformWeights(sexual, year)));
      if (rng.chance(0.1)) uniquePush(exploitationPlatforms, rng.weighted(exploitationPlatformWeights(sexual, year)));
    }
    const recruiterRelation = recruiterRelationOf(rng, channels[0]);

    // A day of first contact in the reference year, at UTC midnight so that Excel shows the same date everywhere.
    const dayOfYear = rng.int(0, 364);
    const firstContact = new Date(Date.UTC(year, 0, 1 + dayOfYear));

    const c: DemoCase = {
      caseId: `${options.idPrefix}-${year}-${String(i + 1).padStart(4, '0')}`,
      year,
      firstContact,
      gender,
      age,
      citizenship,
      exploitation,
      channels,
      platforms,
      onlineExploitation,
      exploitationPlatforms,
      recruiterRelation,
    };
    if (rng.chance(options.unrecognisedRate)) c.unrecognised = rng.pick(['recruitment', 'citizenship', 'age'] as const);
    cases.push(c);
  }
  return cases;
}

/** Cases per year for `total` cases: volumes grow over the decade with a dip in 2020 (lockdowns). */
export function yearTotals(total: number): Map<number, number> {
  const weights = [0.76, 0.82, 0.88, 0.94, 0.8, 0.98, 1.08, 1.16, 1.24, 1.34];
  return largestRemainder(
    total,
    weights.map((w, i) => [FIRST_YEAR + i, w] as [number, number]),
  );
}

/** Splits `total` into integer parts proportional to the weights, summing exactly to `total`. */
export function largestRemainder<K>(total: number, weights: Array<[K, number]>): Map<K, number> {
  const sum = weights.reduce((s, [, w]) => s + w, 0);
  const parts = weights.map(([k, w], index) => {
    const exact = sum > 0 ? (total * w) / sum : 0;
    return { k, index, floor: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = total - parts.reduce((s, p) => s + p.floor, 0);
  // Ties break on the original order so the split is deterministic.
  const order = [...parts].sort((x, y) => y.rest - x.rest || x.index - y.index);
  for (const p of order) {
    if (left <= 0) break;
    p.floor += 1;
    left -= 1;
  }
  return new Map(parts.map((p) => [p.k, p.floor]));
}
