import { error } from '@sveltejs/kit';
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
} from '$lib/charts/specs.js';
import { t, type Lang, type MessageKey } from '$lib/i18n/index.js';
import { requestedRelease, resolveRelease, rethrow } from './api.js';

/** Loads one chart for the single-chart routes (embed, downloads, preview) from bare query parameters. */
export async function loadSingleChart(
  client: ApiClient,
  chartId: string,
  url: URL,
  lang: Lang,
): Promise<{ data: ChartData; release: ReleaseInfo; spec: ChartSpec }> {
  if (!isChartId(chartId)) {
    error(404, {
      message: 'Not found',
      fr: t('fr', 'error.notFound'),
      en: t('en', 'error.notFound'),
      code: 'not-found',
    });
  }
  const spec = SPECS[chartId];
  const requested = requestedRelease(url);
  const release = await resolveRelease(client, requested, lang);
  if (!release) {
    error(404, {
      message: t(lang, 'noRelease.title'),
      fr: t('fr', 'noRelease.body'),
      en: t('en', 'noRelease.body'),
      code: 'not-found',
    });
  }
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
): Promise<ChartData[]> {
  try {
    if (spec.kind === 'time') {
      return [await loadChart(client, spec, { ...spec.defaults, group: 'all' }, release, requested, lang)];
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
      threshold:
        spec.kind === 'bars' && spec.platform
          ? release.disclosureRule.platformThreshold
          : release.disclosureRule.threshold,
      associations: release.disclosureRule.minAssociations,
    }),
    ...spec.notes.map((k) => t(lang, k)),
  ];
  const common = {
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
  };
  if (spec.kind === 'time') {
    const payload = await client.series(release.id, spec.dimension);
    let lines = payload.series;
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
        .filter((p) => years.length === 0 || years.includes(p.year))
        .map((p) => ({ year: p.year, cell: slim(p.cell) })),
    }));
    return { ...common, series, rows: [] };
  }
  const payload = await client.breakdown(release.id, spec.dimension, year as number, filters.group);
  const rows: ChartCategory[] = payload.categories.map((c) => ({
    key: c.code,
    label: c.label[lang],
    cell: slim(c.cell),
  }));
  return { ...common, series: [], rows };
}
