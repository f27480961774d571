import { userLocale, retentionText } from '$lib/space/server';
import { takeFlash } from '$lib/space/upload.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const locale = await userLocale(event);
  return { flash: takeFlash(event), retention: await retentionText(event, locale) };
};
