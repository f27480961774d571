import { formatDate, t } from '$lib/i18n/index.js';
import type { ChartData } from './specs.js';

/** An erratum or retraction as one dated sentence, as the page, the images and the embed show it. */
export function noticeText(n: ChartData['notices'][number], lang: ChartData['lang']): string {
  return t(lang, n.kind === 'erratum' ? 'notice.erratum' : 'notice.retraction', {
    date: formatDate(n.createdAt, lang),
    text: n.text,
  });
}
