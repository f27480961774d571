import { toRelease, type AdminRelease } from '$lib/space/admin.server';
import { API } from '$lib/space/endpoints';
import { noticeAction } from '$lib/space/release-admin.server';
import { apiGet, isObj, listOf, adminAction, adminLocale } from '$lib/space/server';
import type { Actions, PageServerLoad } from './$types';

export interface AdminNotice {
  id: string;
  releaseSlug: string;
  kind: 'erratum' | 'retraction';
  text: string;
  createdAt: string;
}

/** Every erratum and retraction, and the form that attaches a new one to a release. */
export const load: PageServerLoad = async (event) => {
  const locale = await adminLocale(event);
  const [releasesBody, noticesBody] = await Promise.all([
    apiGet(event, locale, API.releases),
    apiGet(event, locale, API.adminNotices),
  ]);
  const releases = listOf(releasesBody, 'releases')
    .map((r) => toRelease(r, locale))
    .filter((r): r is AdminRelease => r !== null);
  const notices: AdminNotice[] = listOf(noticesBody, 'notices').flatMap((n) =>
    isObj(n) && isObj(n.text)
      ? [
          {
            id: String(n.id),
            releaseSlug: String(n.releaseSlug),
            kind: n.kind === 'retraction' ? ('retraction' as const) : ('erratum' as const),
            text: String(n.text[locale] ?? ''),
            createdAt: String(n.createdAt),
          },
        ]
      : [],
  );
  return { releases, notices };
};

export const actions: Actions = {
  default: adminAction(noticeAction),
};
