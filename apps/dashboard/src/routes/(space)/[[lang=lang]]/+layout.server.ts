import { langOf } from '$lib/paths.js';
import { currentUser } from '$lib/space/server';
import type { LayoutServerLoad } from './$types';

/** Every page of the association space and of the admin: who is logged in, and in which language. */
export const load: LayoutServerLoad = async (event) => {
  const locale = langOf(event.params);
  return { locale, user: await currentUser(event, locale) };
};
