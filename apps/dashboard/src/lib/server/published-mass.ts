import type { ReleaseInfo } from '$lib/api/types.js';
import { CHART_IDS, SPECS } from '$lib/charts/specs.js';
import { t, type Lang } from '$lib/i18n/index.js';

/**
 * The release's published mass, one row per public chart in the site's order (the default view: breakdowns in the
 * latest year), from what the release stored when it was published; none when it stored nothing.
 */
export function publishedMass(
  release: ReleaseInfo,
  lang: Lang,
): { id: string; chart: string; persons: number; cells: number }[] {
  const mass = release.publishedMass ?? {};
  const year = release.referenceYears[release.referenceYears.length - 1] ?? '';
  return CHART_IDS.filter((id) => mass[id]).map((id) => ({
    id,
    chart: t(lang, SPECS[id].title, { year, group: '' }),
    persons: mass[id].persons,
    cells: mass[id].cells,
  }));
}
