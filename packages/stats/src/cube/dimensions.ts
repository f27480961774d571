import {
  AGE_BANDS,
  EXPLOITATION_GROUPS,
  EXPLOITATION_TYPES,
  GENDERS,
  RECRUITER_RELATIONS,
  RECRUITMENT_CHANNELS,
  RECRUITMENT_PLATFORMS,
  WORLD_REGIONS,
  YES_NO_UNKNOWN,
  codeEntry,
  codeLabel,
  countryRegion,
  worldRegionLabels,
  BREAKDOWN_DIMENSIONS,
  type LocalisedText,
} from '@observatoire/schema';

/** The dimensions a release publishes: every public breakdown dimension. `cases` is the per-year total (one code, `all`). */
export const CUBE_DIMENSIONS = BREAKDOWN_DIMENSIONS;
export type CubeDimension = (typeof CUBE_DIMENSIONS)[number];

/** Dimensions where a case has exactly one code: their cells add up to the total (an equation for the attacker). */
export const SINGLE_VALUED: ReadonlySet<CubeDimension> = new Set<CubeDimension>([
  'gender',
  'ageBand',
  'minor',
  'onlineExploitation',
  'onlineControl',
  'recruiterRelation',
]);

/** Breakdowns by platform use the stricter platform threshold. */
export const PLATFORM_DIMENSIONS: ReadonlySet<CubeDimension> = new Set<CubeDimension>([
  'recruitmentPlatform',
  'exploitationPlatform',
]);

export const CHANNEL_GROUPS = ['online', 'offline', 'unknown'] as const;
export type ChannelGroup = (typeof CHANNEL_GROUPS)[number];

const EXPLOITATION_GROUP_CODES = [...EXPLOITATION_GROUPS, 'unknown'] as const;

/** The age band the two minor bands (0-8, 9-17) are published as when one of them is rare. */
export const MINORS_TOGETHER = '0-17';

export const DIMENSION_CODES: Record<CubeDimension, readonly string[]> = {
  gender: GENDERS,
  // `0-17`: the two minor bands published together when one of them is rare (global recoding, cube/build.ts).
  ageBand: [AGE_BANDS[0], AGE_BANDS[1], MINORS_TOGETHER, ...AGE_BANDS.slice(2)],
  minor: YES_NO_UNKNOWN,
  citizenshipRegion: WORLD_REGIONS,
  exploitationType: EXPLOITATION_TYPES,
  exploitationGroup: EXPLOITATION_GROUP_CODES,
  recruitmentChannel: RECRUITMENT_CHANNELS,
  recruitmentChannelGroup: CHANNEL_GROUPS,
  recruitmentPlatform: RECRUITMENT_PLATFORMS,
  onlineExploitation: YES_NO_UNKNOWN,
  exploitationPlatform: RECRUITMENT_PLATFORMS,
  onlineControl: YES_NO_UNKNOWN,
  recruiterRelation: RECRUITER_RELATIONS,
};

export function channelGroupOf(channel: string): ChannelGroup {
  const g = codeEntry('recruitmentChannel', channel)?.group;
  return g === 'online' || g === 'offline' ? g : 'unknown';
}

export function exploitationGroupOf(type: string): string {
  return codeEntry('exploitationType', type)?.group ?? 'unknown';
}

const GROUP_LABELS: Record<string, LocalisedText> = {
  online: { fr: 'En ligne', en: 'Online' },
  offline: { fr: 'Hors ligne', en: 'Offline' },
  unknown: { fr: 'Inconnu', en: 'Unknown' },
  sexual: { fr: 'Exploitation sexuelle', en: 'Sexual exploitation' },
  labour: { fr: 'Exploitation par le travail', en: 'Labour exploitation' },
  other: { fr: 'Autres formes d’exploitation', en: 'Other forms of exploitation' },
};

const MINOR_LABELS: Record<string, LocalisedText> = {
  yes: { fr: 'Mineur·e', en: 'Minor' },
  no: { fr: 'Majeur·e', en: 'Adult' },
  unknown: { fr: 'Âge inconnu', en: 'Age unknown' },
};

export const DIMENSION_LABELS: Record<CubeDimension | 'cases', LocalisedText> = {
  cases: { fr: 'Cas', en: 'Cases' },
  gender: { fr: 'Genre', en: 'Gender' },
  ageBand: { fr: 'Âge au début de l’exploitation', en: 'Age at the start of exploitation' },
  minor: { fr: 'Mineurs', en: 'Minors' },
  citizenshipRegion: { fr: 'Nationalité (région du monde)', en: 'Citizenship (world region)' },
  exploitationType: { fr: 'Forme d’exploitation', en: 'Form of exploitation' },
  exploitationGroup: { fr: 'Forme d’exploitation (groupes Eurostat)', en: 'Form of exploitation (Eurostat groups)' },
  recruitmentChannel: { fr: 'Canal de recrutement', en: 'Recruitment channel' },
  recruitmentChannelGroup: { fr: 'Recrutement en ligne ou hors ligne', en: 'Online or offline recruitment' },
  recruitmentPlatform: { fr: 'Plateforme de recrutement', en: 'Recruitment platform' },
  onlineExploitation: { fr: 'Exploitation ou annonces en ligne', en: 'Exploited or advertised online' },
  exploitationPlatform: { fr: 'Plateforme d’exploitation', en: 'Exploitation platform' },
  onlineControl: { fr: 'Contrôle par des outils en ligne', en: 'Control through online tools' },
  recruiterRelation: { fr: 'Lien avec le recruteur', en: 'Relation to the recruiter' },
};

export function codeLabelOf(dimension: CubeDimension | 'cases', code: string): LocalisedText {
  const both = (list: Parameters<typeof codeLabel>[0]) => ({
    fr: codeLabel(list, code, 'fr'),
    en: codeLabel(list, code, 'en'),
  });
  switch (dimension) {
    case 'cases':
      return DIMENSION_LABELS.cases;
    case 'gender':
      return both('gender');
    case 'ageBand':
      return code === MINORS_TOGETHER ? { fr: '0 à 17 ans (mineurs)', en: '0 to 17 years (minors)' } : both('ageBand');
    case 'minor':
      return MINOR_LABELS[code] ?? { fr: code, en: code };
    case 'citizenshipRegion':
      return worldRegionLabels[code as keyof typeof worldRegionLabels] ?? { fr: code, en: code };
    case 'exploitationType':
      return both('exploitationType');
    case 'recruitmentChannel':
      return both('recruitmentChannel');
    case 'recruitmentPlatform':
    case 'exploitationPlatform':
      // Rare platforms are published together under `other` (global recoding, docs/disclosure.md).
      return code === 'other' ? { fr: 'Autres plateformes', en: 'Other platforms' } : both('recruitmentPlatform');
    case 'onlineExploitation':
    case 'onlineControl':
      return both('yesNoUnknown');
    case 'recruiterRelation':
      return both('recruiterRelation');
    case 'exploitationGroup':
    case 'recruitmentChannelGroup':
      return GROUP_LABELS[code] ?? { fr: code, en: code };
  }
}

export function groupOf(dimension: CubeDimension, code: string): string | null {
  if (dimension === 'recruitmentChannel') return channelGroupOf(code);
  if (dimension === 'exploitationType') return exploitationGroupOf(code);
  return null;
}

/** One case record as the cube reads it (from case_record). */
export interface CubeCase {
  associationId: string;
  year: number;
  gender: string;
  ageBand: string;
  isMinor: boolean | null;
  citizenship: string[];
  exploitationTypes: string[];
  recruitmentChannels: string[];
  recruitmentPlatforms: string[];
  onlineExploitation: string;
  exploitationPlatforms: string[];
  onlineControl: string;
  recruiterRelation: string;
}

const orUnknown = (xs: string[]) => (xs.length ? xs : ['unknown']);
const uniq = (xs: string[]) => [...new Set(xs)];

/** The codes a case counts under in one dimension (multi-valued dimensions: once per distinct value). */
export function codesOf(c: CubeCase, dimension: CubeDimension): string[] {
  switch (dimension) {
    case 'gender':
      return [c.gender || 'unknown'];
    case 'ageBand':
      return [c.ageBand || 'unknown'];
    case 'minor':
      return [c.isMinor === null ? 'unknown' : c.isMinor ? 'yes' : 'no'];
    case 'citizenshipRegion':
      return uniq(orUnknown(c.citizenship).map((a) => (a === 'unknown' ? 'unknown' : countryRegion(a))));
    case 'exploitationType':
      return uniq(orUnknown(c.exploitationTypes));
    case 'exploitationGroup':
      return uniq(orUnknown(c.exploitationTypes).map(exploitationGroupOf));
    case 'recruitmentChannel':
      return uniq(orUnknown(c.recruitmentChannels));
    case 'recruitmentChannelGroup':
      return uniq(orUnknown(c.recruitmentChannels).map(channelGroupOf));
    case 'recruitmentPlatform':
      return uniq(c.recruitmentPlatforms);
    case 'onlineExploitation':
      return [c.onlineExploitation || 'unknown'];
    case 'exploitationPlatform':
      return uniq(c.exploitationPlatforms);
    case 'onlineControl':
      return [c.onlineControl || 'unknown'];
    case 'recruiterRelation':
      return [c.recruiterRelation || 'unknown'];
  }
}

/**
 * The views a release publishes besides the unfiltered one: the cases recruited through at least one online
 * channel, and the others (offline or unknown channel only). The two split every year's cases in two, so a
 * reader learns nothing from them that the audit does not model exactly (unfiltered = online + not online).
 */
export const FILTER_DIMENSIONS = ['recruitmentChannelGroup'] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];
export const CHANNEL_VIEWS = ['online', 'not_online'] as const;
export type ChannelView = (typeof CHANNEL_VIEWS)[number];

/** `all`, or `recruitmentChannelGroup:online` / `recruitmentChannelGroup:not_online`. */
export type FilterKey = string;
export const ALL: FilterKey = 'all';

export function filterKeys(): FilterKey[] {
  return [ALL, ...CHANNEL_VIEWS.map((v) => `recruitmentChannelGroup:${v}`)];
}

/** The dimensions published in the filtered views (the profiles page and the bar charts' channel filter). */
export const VIEW_DIMENSIONS: readonly CubeDimension[] = ['exploitationType', 'gender', 'ageBand', 'citizenshipRegion'];

/** Whether the publication surface holds this dimension in this view (every dimension in `all`). */
export function inSurface(filter: FilterKey, dimension: CubeDimension | 'cases'): boolean {
  return filter === ALL || dimension === 'cases' || VIEW_DIMENSIONS.includes(dimension);
}

export function matchesFilter(c: CubeCase, filter: FilterKey): boolean {
  if (filter === ALL) return true;
  const online = codesOf(c, 'recruitmentChannelGroup').includes('online');
  return filter.endsWith(':online') ? online : !online;
}
