import { adminAssociations, uploadsByYear } from '$lib/space/admin.server';
import { API } from '$lib/space/endpoints';
import { briefView, toImportView } from '$lib/space/imports';
import { apiGet, listOf, adminLocale } from '$lib/space/server';
import type { PageServerLoad } from './$types';

/** Who sent what for which year, and the uploads that failed or were refused. */
export const load: PageServerLoad = async (event) => {
  const locale = await adminLocale(event);
  const [associations, failed] = await Promise.all([
    adminAssociations(event, locale),
    apiGet(event, locale, API.adminImportFailures),
  ]);
  const names = new Map(associations.map((a) => [a.slug, a.name]));
  const failures = listOf(failed, 'failures')
    .map((raw) => briefView(toImportView(raw)))
    .map((f) => ({ ...f, associationName: f.associationName ?? names.get(f.associationSlug ?? '') ?? null }))
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  return { matrix: uploadsByYear(associations), failures };
};
