import { langOf } from '$lib/paths.js';
import { requireUser } from '$lib/space/server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  await requireUser(event, langOf(event.params));
  return {};
};
