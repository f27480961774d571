import { codeLists, sourceFields, type CodeEntry, type CodeListName } from '@observatoire/schema';
import type { Lang } from '$lib/i18n/index.js';
import { langOf } from '$lib/paths.js';
import { isPending } from '$lib/space/imports';
import { confirmAction, getImport, mappingAction, requireUser } from '$lib/space/server';
import type { Actions, PageServerLoad } from './$types';

/**
 * The codes a user can map an unrecognised value to, per source field of the mapping profile (gender,
 * recruitmentChannels...), labelled in the page's language. Recruitment channels also accept a platform code,
 * as the mapping profile allows ("Snap" → snapchat implies its channel).
 */
function codeOptions(locale: Lang): Record<string, { code: string; label: string }[]> {
  const out: Record<string, { code: string; label: string }[]> = {};
  const entries = (list: CodeListName) =>
    (codeLists[list] as readonly CodeEntry[]).map((c) => ({ code: c.code, label: c.label[locale] }));
  for (const def of sourceFields) {
    if (!def.codeList) continue;
    out[def.field] = entries(def.codeList);
    if (def.field === 'recruitmentChannels') out[def.field].push(...entries('recruitmentPlatform'));
  }
  return out;
}

type Notice = 'confirmed' | 'duplicate' | 'mapping' | 'mappingSaved' | null;

/** What the page says on arrival, from the query the form actions redirect with. */
function noticeOf(q: URLSearchParams): Notice {
  if (q.has('confirme')) return 'confirmed';
  if (q.has('doublon')) return 'duplicate';
  const mapping = q.get('correspondances');
  if (mapping === 'enregistrees') return 'mappingSaved';
  return mapping ? 'mapping' : null;
}

export const load: PageServerLoad = async (event) => {
  const locale = langOf(event.params);
  await requireUser(event, locale);
  const imp = await getImport(event, locale, event.params.id);
  // Without JavaScript the browser reloads the page by itself while the worker has the file (the Refresh
  // header; a <noscript> meta in <head> breaks hydration). With JavaScript the page polls instead.
  if (isPending(imp)) event.setHeaders({ refresh: '3', 'cache-control': 'no-store' });
  return { imp, codeOptions: codeOptions(locale), notice: noticeOf(event.url.searchParams) };
};

export const actions: Actions = {
  confirm: (event) => confirmAction(event, langOf(event.params)),
  mapping: (event) => mappingAction(event, langOf(event.params)),
};
