import { langOf } from '$lib/paths.js';
import { requireUser, retentionText } from '$lib/space/server';
import { takeFlash } from '$lib/space/upload.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const locale = langOf(event.params);
  await requireUser(event, locale);
  return { flash: takeFlash(event), retention: await retentionText(event, locale) };
};
