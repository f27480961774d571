/**
 * The server side of every space page, shared by the French (/espace) and English (/en/space) routes, which
 * are thin files that call these with their locale.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { redirect } from '@sveltejs/kit';
import { codeLists, sourceFields, type CodeEntry, type CodeListName } from '@observatoire/schema';
import { spacePaths, type SpaceLocale } from './i18n';
import { currentUploadByYear, isPending } from './imports';
import {
  confirmAction,
  currentUser,
  retentionText,
  getImport,
  listImports,
  loginAction,
  logoutAction,
  mappingAction,
  requireLoginPossible,
  requireUser,
} from './server';
import { takeFlash } from './upload.server';

export function spaceLayoutLoad(locale: SpaceLocale) {
  return async (event: RequestEvent) => ({ locale, user: await currentUser(event, locale) });
}

export function historyLoad(locale: SpaceLocale) {
  return async (event: RequestEvent) => {
    await requireUser(event, locale);
    const imports = await listImports(event, locale);
    const current = [...currentUploadByYear(imports)].sort((a, b) => b[0] - a[0]);
    return { imports, current };
  };
}

export function loginLoad(locale: SpaceLocale) {
  return async (event: RequestEvent) => {
    const user = await currentUser(event, locale);
    if (user) redirect(303, user.role === 'admin' ? spacePaths(locale).admin : spacePaths(locale).home);
    await requireLoginPossible(event, locale);
    return {};
  };
}

export const loginActions = (locale: SpaceLocale) => ({ default: (e: RequestEvent) => loginAction(e, locale) });
export const logoutActions = (locale: SpaceLocale) => ({ default: (e: RequestEvent) => logoutAction(e, locale) });

export function uploadLoad(locale: SpaceLocale) {
  return async (event: RequestEvent) => {
    await requireUser(event, locale);
    return { flash: takeFlash(event), retention: await retentionText(event, locale) };
  };
}

export function recordsLoad(locale: SpaceLocale) {
  return async (event: RequestEvent) => {
    await requireUser(event, locale);
    return {};
  };
}

/**
 * The codes a user can map an unrecognised value to, per source field of the mapping profile (gender,
 * recruitmentChannels...), labelled in the page's language. Recruitment channels also accept a platform code,
 * as the mapping profile allows ("Snap" → snapchat implies its channel).
 */
function codeOptions(locale: SpaceLocale): Record<string, { code: string; label: string }[]> {
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

export function importLoad(locale: SpaceLocale) {
  return async (event: RequestEvent) => {
    await requireUser(event, locale);
    const imp = await getImport(event, locale, event.params.id ?? '');
    // Without JavaScript the browser reloads the page by itself while the worker has the file (the Refresh
    // header; a <noscript> meta in <head> breaks hydration). With JavaScript the page polls instead.
    if (isPending(imp)) event.setHeaders({ refresh: '3', 'cache-control': 'no-store' });
    const q = event.url.searchParams;
    const mapping = q.get('correspondances');
    const notice = q.has('confirme')
      ? 'confirmed'
      : q.has('doublon')
        ? 'duplicate'
        : mapping === 'enregistrees'
          ? 'mappingSaved'
          : mapping
            ? 'mapping'
            : null;
    return {
      imp,
      codeOptions: codeOptions(locale),
      notice: notice as 'confirmed' | 'duplicate' | 'mapping' | 'mappingSaved' | null,
    };
  };
}

export const importActions = (locale: SpaceLocale) => ({
  confirm: (e: RequestEvent) => confirmAction(e, locale),
  mapping: (e: RequestEvent) => mappingAction(e, locale),
});
