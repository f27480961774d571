import { isMessageKey, t, type Lang } from '$lib/i18n/index.js';

/**
 * The words for a withheld value and why ("non publié : trop peu de personnes"), the same on every chart, image,
 * embed, tooltip and table; the word alone when the reason is unknown.
 */
export function withheldText(cell: { suppressed: true; reason?: string }, lang: Lang): string {
  const word = t(lang, 'chart.withheld');
  const key = `chart.reason.${cell.reason ?? ''}`;
  return isMessageKey(key) ? t(lang, 'chart.withheldWhy', { word, reason: t(lang, key) }) : word;
}
