import { langOf } from '$lib/paths.js';
import { isPending } from '$lib/space/imports';
import { confirmAction, getImport, mappingAction, userLocale } from '$lib/space/server';
import { mappingOptions } from '$lib/space/mapping.server';
import type { Actions, PageServerLoad } from './$types';

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
  const locale = await userLocale(event);
  const imp = await getImport(event, locale, event.params.id);
  // Without JavaScript the browser reloads the page by itself while the worker has the file (the Refresh
  // header; a <noscript> meta in <head> breaks hydration). With JavaScript the page polls instead.
  if (isPending(imp)) event.setHeaders({ refresh: '3', 'cache-control': 'no-store' });
  return { imp, mappingOptions: mappingOptions(locale), notice: noticeOf(event.url.searchParams) };
};

export const actions: Actions = {
  confirm: (event) => confirmAction(event, langOf(event.params)),
  mapping: (event) => mappingAction(event, langOf(event.params)),
};
