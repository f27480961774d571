import type { ChartCategory, ChartSeries } from '@observatoire/charts';
import type { ChannelGroup, Dimension, ReleaseInfo } from '$lib/api/types.js';
import type { Lang, MessageKey } from '$lib/i18n/index.js';
import type { TimeView } from './time-series/time-series.helpers.js';

/**
 * Every chart of the site, described once: which API dimension it shows, which filters it takes, and its
 * words. Pages, the embed route, the downloads (SVG/PNG/CSV/ZIP) and the Open Graph preview all build the
 * same chart from these specs, so a shared link, an image and an embed never contradict each other.
 */
export const CHART_IDS = [
  'online-offline',
  'channels',
  'platforms',
  'platform-trends',
  'exploitation',
  'gender',
  'age-band',
  'region',
] as const;
export type ChartId = (typeof CHART_IDS)[number];

export type FilterName = 'view' | 'group' | 'year' | 'panel';

/** Every reporting association, or only those present in every year shown (constant panel). */
export type PanelChoice = 'all' | 'same';

export interface ChartFilters {
  view: TimeView;
  group: ChannelGroup;
  /** Reference year of a breakdown; null = the release's latest year. */
  year: number | null;
  panel: PanelChoice;
}

interface SpecBase {
  id: ChartId;
  dimension: Dimension;
  title: MessageKey;
  subtitle: MessageKey;
  notes: MessageKey[];
  filters: FilterName[];
  defaults: ChartFilters;
}

export interface TimeSpec extends SpecBase {
  kind: 'time';
  /** Codes not drawn (not one of the things compared), and whether to keep only series published in some year. */
  exclude?: string[];
  publishedOnly?: boolean;
  /** The subtitle's {threshold} is the platform threshold. */
  platform?: boolean;
}
export interface BarSpec extends SpecBase {
  kind: 'bars';
  /** Platform breakdowns use the stricter publication threshold. */
  platform?: boolean;
  /**
   * Categories that are not one of the things compared (no platform known, not recruited online): listed apart
   * under `label`, their counts written, off the bars' scale.
   */
  aside?: { keys: string[]; label: MessageKey };
}
export type ChartSpec = TimeSpec | BarSpec;

const base = { view: 'lines', group: 'all', year: null, panel: 'all' } as const satisfies ChartFilters;

export const SPECS: Record<ChartId, ChartSpec> = {
  'online-offline': {
    id: 'online-offline',
    kind: 'time',
    dimension: 'recruitmentChannelGroup',
    title: 'chart.onlineOffline.title',
    subtitle: 'chart.onlineOffline.subtitle',
    notes: ['chart.unknownNote', 'chart.doubleCount'],
    filters: ['view', 'panel'],
    defaults: { ...base, view: 'area' },
  },
  channels: {
    id: 'channels',
    kind: 'time',
    dimension: 'recruitmentChannel',
    title: 'chart.channels.title',
    subtitle: 'chart.channels.subtitle',
    notes: ['chart.multiNote', 'chart.unknownNote', 'chart.doubleCount'],
    filters: ['view', 'group', 'panel'],
    defaults: { ...base, group: 'online' },
  },
  platforms: {
    id: 'platforms',
    kind: 'bars',
    platform: true,
    dimension: 'recruitmentPlatform',
    aside: { keys: ['unknown', 'not_applicable'], label: 'chart.platforms.aside' },
    title: 'chart.platforms.title',
    subtitle: 'chart.platforms.subtitle',
    notes: ['chart.multiNote', 'chart.doubleCount'],
    filters: ['year'],
    defaults: base,
  },
  'platform-trends': {
    id: 'platform-trends',
    kind: 'time',
    platform: true,
    dimension: 'recruitmentPlatform',
    exclude: ['unknown', 'not_applicable'],
    publishedOnly: true,
    title: 'chart.platformTrends.title',
    subtitle: 'chart.platformTrends.subtitle',
    notes: ['chart.platformTrends.note', 'chart.multiNote', 'chart.doubleCount'],
    filters: [],
    defaults: base,
  },
  exploitation: {
    id: 'exploitation',
    kind: 'bars',
    dimension: 'exploitationType',
    title: 'chart.exploitation.title',
    subtitle: 'chart.exploitation.subtitle',
    notes: ['chart.doubleCount'],
    filters: ['year', 'group'],
    defaults: base,
  },
  gender: {
    id: 'gender',
    kind: 'bars',
    dimension: 'gender',
    title: 'chart.gender.title',
    subtitle: 'chart.gender.subtitle',
    notes: ['chart.doubleCount'],
    filters: ['year', 'group'],
    defaults: base,
  },
  'age-band': {
    id: 'age-band',
    kind: 'bars',
    dimension: 'ageBand',
    title: 'chart.ageBand.title',
    subtitle: 'chart.ageBand.subtitle',
    notes: ['chart.doubleCount'],
    filters: ['year', 'group'],
    defaults: base,
  },
  region: {
    id: 'region',
    kind: 'bars',
    dimension: 'citizenshipRegion',
    title: 'chart.region.title',
    subtitle: 'chart.region.subtitle',
    notes: ['chart.doubleCount'],
    filters: ['year', 'group'],
    defaults: base,
  },
};

export function isChartId(id: string): id is ChartId {
  return (CHART_IDS as readonly string[]).includes(id);
}

const VIEWS: readonly TimeView[] = ['lines', 'area', 'share'];
const PANELS: readonly PanelChoice[] = ['all', 'same'];
/** The channel-group choices of a chart: lines of the channels chart, or the published views of a bar chart. */
export function groupsOf(spec: ChartSpec): readonly ChannelGroup[] {
  return spec.kind === 'time' ? ['all', 'online', 'offline', 'unknown'] : ['all', 'online', 'not_online'];
}

/**
 * Reads a chart's filters from the URL. On a page holding several charts the names are prefixed with the
 * chart id (`channels.view=area`) so each chart keeps its own state in one shareable link; the embed,
 * download and preview routes use bare names. Invalid values fall back to the defaults (a hand-edited link
 * still shows a chart).
 */
export function parseFilters(spec: ChartSpec, params: URLSearchParams, prefix = ''): ChartFilters {
  const get = (name: FilterName) => params.get(prefix ? `${prefix}.${name}` : name);
  const view = get('view') as TimeView | null;
  const group = get('group') as ChannelGroup | null;
  const panel = get('panel') as PanelChoice | null;
  const yearRaw = get('year');
  const year = yearRaw && /^\d{4}$/.test(yearRaw) ? Number(yearRaw) : null;
  return {
    view: spec.filters.includes('view') && view && VIEWS.includes(view) ? view : spec.defaults.view,
    group: spec.filters.includes('group') && group && groupsOf(spec).includes(group) ? group : spec.defaults.group,
    year: spec.filters.includes('year') ? year : null,
    panel: spec.filters.includes('panel') && panel && PANELS.includes(panel) ? panel : spec.defaults.panel,
  };
}

/** Only the filters that differ from the defaults, so default links stay short. */
export function filterParams(spec: ChartSpec, filters: ChartFilters, prefix = ''): [string, string][] {
  const out: [string, string][] = [];
  const name = (n: string) => (prefix ? `${prefix}.${n}` : n);
  if (spec.filters.includes('view') && filters.view !== spec.defaults.view) out.push([name('view'), filters.view]);
  if (spec.filters.includes('group') && filters.group !== spec.defaults.group) out.push([name('group'), filters.group]);
  if (spec.filters.includes('year') && filters.year !== null) out.push([name('year'), String(filters.year)]);
  if (spec.filters.includes('panel') && filters.panel !== spec.defaults.panel) out.push([name('panel'), filters.panel]);
  return out;
}

export interface ChartData {
  id: ChartId;
  kind: 'time' | 'bars';
  lang: Lang;
  title: string;
  subtitle: string;
  notes: string[];
  filters: ChartFilters;
  /** The year actually shown (breakdowns), after defaulting to the release's latest year. */
  year: number | null;
  years: number[];
  release: { id: string; slug: string; publishedAt: string; demo: boolean; requested: string };
  disclosure: ReleaseInfo['disclosureRule'];
  /** The constant panel shown ("same associations"), or null for every reporting association. */
  panel: { from: number; to: number; associations: number } | null;
  /** The release's annotations in the page's language, drawn on charts over the years. */
  annotations: { year: number; label: string }[];
  /** Errata and retractions of the release known when the page was built, oldest first. */
  notices: { kind: 'erratum' | 'retraction'; text: string; createdAt: string }[];
  series: ChartSeries[];
  /** The persons counted each year (the release's published `cases` series): the base of every share; [] for bars. */
  base: { year: number; cell: ChartSeries['points'][number]['cell'] }[];
  rows: ChartCategory[];
}
