import { userLocale } from '$lib/space/server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  await userLocale(event);
  return {};
};
