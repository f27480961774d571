import type { ApiClient } from '$lib/api/client.js';
import { isWithheld, type Cell, type ChartCategory, type ChartSeries } from '@observatoire/charts';
import { codeEntry } from '@observatoire/schema';
import type { ChannelGroup, ReleaseInfo } from '$lib/api/types.js';
import {
  isChartId,
  parseFilters,
  SPECS,
  type ChartData,
  type ChartFilters,
  type ChartSpec,
  type TimeSpec,
} from '$lib/charts/specs.js';
import { t, type Lang, type MessageKey } from '$lib/i18n/index.js';
import { notFound, requiredRelease, rethrow } from './api.js';
import { chartAnnotations } from '$lib/charts/time-series/time-series.helpers.js';

/** Loads one chart for the single-chart routes (embed, downloads, preview) from bare query parameters. */
export async function loadSingleChart(
  client: ApiClient,
  chartId: string,
  url: URL,
  lang: Lang,
): Promise<{ data: ChartData; release: ReleaseInfo; spec: ChartSpec }> {
  if (!isChartId(chartId)) notFound();
  const spec = SPECS[chartId];
  const { release, requested } = await requiredRelease(client, url, lang);
  try {
    const data = await loadChart(client, spec, parseFilters(spec, url.searchParams), release, requested, lang);
    return { data, release, spec };
  } catch (err) {
    rethrow(err, lang);
  }
}

/** The full series behind a chart: every group, and for a breakdown every reference year of the release. */
export async function loadFullData(
  client: ApiClient,
  spec: ChartSpec,
  release: ReleaseInfo,
  requested: string,
  lang: Lang,
  panel: ChartFilters['panel'] = 'all',
): Promise<ChartData[]> {
  try {
    if (spec.kind === 'time') {
      return [await loadChart(client, spec, { ...spec.defaults, group: 'all', panel }, release, requested, lang)];
    }
    return await Promise.all(
      release.referenceYears.map((year) =>
        loadChart(client, spec, { ...spec.defaults, group: 'all', year }, release, requested, lang),
      ),
    );
  } catch (err) {
    rethrow(err, lang);
  }
}

/**
 * Cells as the page needs them: the withheld reason code stays, its long bilingual message does not (the
 * chart notes explain withheld cells once); this keeps the hydration data of a page small.
 */
function slim(cell: Cell): Cell {
  return isWithheld(cell) ? { suppressed: true, reason: cell.reason } : { value: cell.value };
}

function channelGroup(s: { code: string; group?: string }): string {
  return s.group ?? codeEntry('recruitmentChannel', s.code)?.group ?? 'unknown';
}

function groupLabel(lang: Lang, group: string): string {
  return t(lang, `filter.group.${group}` as MessageKey);
}

function groupSuffix(lang: Lang, group: ChannelGroup): string {
  return t(lang, `chart.groupSuffix.${group}` as MessageKey);
}

/** Fetches and labels one chart's data. `requested` is what the link asked for: 'latest' or an id. */
export async function loadChart(
  client: ApiClient,
  spec: ChartSpec,
  filters: ChartFilters,
  release: ReleaseInfo,
  requested: string,
  lang: Lang,
): Promise<ChartData> {
  const years = [...release.referenceYears].sort((a, b) => a - b);
  const lastYear = years[years.length - 1] ?? new Date().getFullYear();
  const year = spec.kind === 'bars' ? (filters.year && years.includes(filters.year) ? filters.year : lastYear) : null;
  const params = {
    year: year ?? '',
    group: groupSuffix(lang, filters.group),
    threshold: release.disclosureRule.platformThreshold,
  };
  const notes = [
    t(lang, 'chart.withheldNote', {
      threshold: spec.platform ? release.disclosureRule.platformThreshold : release.disclosureRule.threshold,
      associations: release.disclosureRule.minAssociations,
    }),
    ...spec.notes.map((k) => t(lang, k)),
  ];
  const common: Common = {
    id: spec.id,
    kind: spec.kind,
    lang,
    title: t(lang, spec.title, params),
    subtitle: t(lang, spec.subtitle, params),
    notes,
    filters: { ...filters, year },
    year,
    years,
    release: { id: release.id, slug: release.slug, publishedAt: release.publishedAt, demo: release.demo, requested },
    disclosure: release.disclosureRule,
    panel: null,
    annotations: spec.kind === 'time' ? chartAnnotations(release.annotations, lang) : [],
    notices: (await client.notices(release.id)).map((n) => ({
      kind: n.kind,
      text: n.text[lang],
      createdAt: n.createdAt,
    })),
  };
  if (spec.kind === 'time') return timeChart(client, spec, filters, release, lang, common);
  const payload = await client.breakdown(release.id, spec.dimension, year as number, filters.group);
  const rows: ChartCategory[] = payload.categories.map((c) => ({
    key: c.code,
    label: c.label[lang],
    cell: slim(c.cell),
  }));
  return { ...common, series: [], base: [], rows };
}

type Common = Omit<ChartData, 'series' | 'rows' | 'base'>;

/**
 * A chart over the years. With "same associations" it reads the release's constant panel over all its years (the
 * associations that reported in every one of them) and says so in its subtitle and notes; every chart over the
 * years says how many associations stand behind each year.
 */
async function timeChart(
  client: ApiClient,
  spec: TimeSpec,
  filters: ChartFilters,
  release: ReleaseInfo,
  lang: Lang,
  common: Common,
): Promise<ChartData> {
  const years = common.years;
  const composition = years.length > 1 ? await client.composition(release.id) : null;
  const span = composition?.comparisons.find((c) => c.from === years[0] && c.to === years[years.length - 1]);
  const same = filters.panel === 'same' && spec.filters.includes('panel');
  const panelRef = same && span ? `${span.from}-${span.to}` : undefined;
  const payload = await client.series(release.id, spec.dimension, 'all', panelRef);
  const notes = [...common.notes];
  if (composition) {
    const list = composition.years.map((y) => `${y.year}${lang === 'fr' ? ' : ' : ': '}${y.associations}`);
    notes.push(t(lang, 'chart.associationsPerYear', { list: list.join(', ') }));
  }
  let subtitle = common.subtitle;
  let panel: ChartData['panel'] = null;
  if (same && span) {
    panel = { from: span.from, to: span.to, associations: span.associations.panel };
    const suffix = t(lang, 'chart.panelSuffix', { count: span.associations.panel, from: span.from, to: span.to });
    subtitle += ` (${suffix})`;
    notes.push(
      t(lang, 'chart.panelNote', { from: span.from, to: span.to, threshold: release.disclosureRule.threshold }),
    );
  } else if (same) notes.push(t(lang, 'chart.panelUnavailable'));
  let lines = payload.series.filter((s) => !spec.exclude?.includes(s.code));
  let shownYears = years;
  if (spec.publishedOnly) {
    lines = lines.filter((s) => s.points.some((p) => !isWithheld(p.cell)));
    // Leading years where nothing is published say nothing but "withheld": the chart starts at the first value.
    const first = Math.min(...lines.flatMap((s) => s.points.filter((p) => !isWithheld(p.cell)).map((p) => p.year)));
    if (Number.isFinite(first) && first > years[0]) {
      shownYears = years.filter((y) => y >= first);
      notes.push(t(lang, 'chart.platformTrends.since', { year: first }));
    }
  }
  if (spec.filters.includes('group') && filters.group !== 'all') {
    lines = lines.filter((s) => channelGroup(s) === filters.group);
  }
  // Every channel at once: the legend lists them under their group (online, offline, unknown).
  const grouped = spec.filters.includes('group') && filters.group === 'all';
  const series: ChartSeries[] = lines.map((s) => ({
    key: s.code,
    label: s.label[lang],
    ...(grouped ? { group: { key: channelGroup(s), label: groupLabel(lang, channelGroup(s)) } } : {}),
    points: s.points
      .filter((p) => shownYears.length === 0 || shownYears.includes(p.year))
      .map((p) => ({ year: p.year, cell: slim(p.cell) })),
  }));
  // The persons counted each year in the same table (all associations, or the panel): the base of the shares.
  const base = payload.total
    .filter((p) => shownYears.length === 0 || shownYears.includes(p.year))
    .map((p) => ({ year: p.year, cell: slim(p.cell) }));
  if (filters.view === 'share') notes.push(t(lang, 'chart.shareNote'));
  const shown = { ...common.filters, panel: panel ? ('same' as const) : ('all' as const) };
  return { ...common, years: shownYears, subtitle, notes, panel, filters: shown, series, base, rows: [] };
}
