import { toRelease, type AdminRelease } from '$lib/space/admin.server';
import { API } from '$lib/space/endpoints';
import { apiGet, listOf, publishAction, adminAction, adminLocale } from '$lib/space/server';
import type { Actions, PageServerLoad } from './$types';

/** Every release, and the form that publishes a new one. */
export const load: PageServerLoad = async (event) => {
  const locale = await adminLocale(event);
  const body = await apiGet(event, locale, API.releases);
  const releases = listOf(body, 'releases')
    .map((r) => toRelease(r, locale))
    .filter((r): r is AdminRelease => r !== null);
  return { releases };
};

export const actions: Actions = {
  default: adminAction(publishAction),
};
