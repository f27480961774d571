import { cellValue } from '@observatoire/charts';
import type { AggregateCell, Comparison } from '@observatoire/schema';
import { apiClient, rethrow } from '$lib/server/api.js';
import { loadPageCharts } from '$lib/server/page-charts.js';
import type { PageServerLoad } from './$types';

export interface KeyFigures {
  year: number;
  cases: number | null;
  /** Share online, 0..1, or null when withheld. */
  onlineShare: number | null;
  /** Change of the online share over five years in percentage points, from two published shares only. */
  onlineChange: { from: number; points: number } | null;
  minors: number | null;
  topChannels: { label: { fr: string; en: string }; value: number }[];
  topPlatforms: { label: { fr: string; en: string }; value: number }[];
  /** Last year against the one before: who stands behind each side, and the constant-panel figures. */
  yearOnYear: Comparison | null;
  /** The five-year comparison's associations, and the online share's change on the same associations. */
  fiveYear: { comparison: Comparison; panelPoints: number | null } | null;
}

/** Share online in percent from a comparison's figures on one side, or null when an input is withheld. */
function shareOf(figures: Comparison['panel'], side: 'from' | 'to'): number | null {
  const cases = value(figures.find((f) => f.key === 'cases')?.[side]);
  const online = value(figures.find((f) => f.key === 'online')?.[side]);
  return cases && online !== null ? Math.round((online / cases) * 1000) / 10 : null;
}

const value = (cell: AggregateCell | undefined) => (cell ? cellValue(cell) : null);

export const load: PageServerLoad = async (event) => {
  const page = await loadPageCharts(event, ['online-offline'], '/');
  const release = page.release;
  if (!release) return { ...page, figures: null };
  const client = apiClient();
  const year = release.referenceYears[release.referenceYears.length - 1];
  const from = year - 5;
  try {
    const [summary, past, channels, platforms, composition] = await Promise.all([
      client.summary(release.id, year),
      release.referenceYears.includes(from) ? client.summary(release.id, from) : Promise.resolve(null),
      // Channels are published for all cases only (docs/disclosure.md); an online channel counts the same people
      // there as among the cases recruited online, and the top three below keep the online channels.
      client.breakdown(release.id, 'recruitmentChannel', year),
      client.breakdown(release.id, 'recruitmentPlatform', year),
      release.referenceYears.length > 1 ? client.composition(release.id) : Promise.resolve(null),
    ]);
    const five = composition?.comparisons.find((c) => c.from === from && c.to === year) ?? null;
    const fromShare = five ? shareOf(five.panel, 'from') : null;
    const toShare = five ? shareOf(five.panel, 'to') : null;
    const share = value(summary.onlineShare);
    const pastShare = past ? value(past.onlineShare) : null;
    const top = (cats: typeof channels.categories, onlineOnly: boolean) =>
      cats
        .filter((c) => c.code !== 'unknown' && c.code !== 'other' && (!onlineOnly || c.group !== 'offline'))
        .map((c) => ({ label: c.label, value: cellValue(c.cell) }))
        .filter((c): c is { label: { fr: string; en: string }; value: number } => c.value !== null)
        .sort((a, b) => b.value - a.value)
        .slice(0, 3);
    const figures: KeyFigures = {
      year,
      cases: value(summary.cases),
      onlineShare: share === null ? null : share / 100,
      onlineChange: share !== null && pastShare !== null ? { from, points: share - pastShare } : null,
      minors: value(summary.minors),
      topChannels: top(channels.categories, true),
      topPlatforms: top(platforms.categories, false),
      yearOnYear: summary.comparison,
      fiveYear: five
        ? {
            comparison: five,
            panelPoints: fromShare !== null && toShare !== null ? Math.round((toShare - fromShare) * 10) / 10 : null,
          }
        : null,
    };
    return { ...page, figures };
  } catch (err) {
    rethrow(err, page.lang);
  }
};
