import { redirect } from '@sveltejs/kit';
import { langOf, localePath } from '$lib/paths.js';
import { currentUser, loginAction, requireLoginPossible } from '$lib/space/server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const locale = langOf(event.params);
  const user = await currentUser(event, locale);
  if (user) redirect(303, localePath(locale, user.role === 'admin' ? '/admin' : '/space'));
  await requireLoginPossible(event, locale);
  return {};
};

export const actions: Actions = { default: (event) => loginAction(event, langOf(event.params)) };
