import { adminAssociations, toAccount, type AdminAccount } from '$lib/space/admin.server';
import { API } from '$lib/space/endpoints';
import { apiGet, listOf, adminAction, adminLocale } from '$lib/space/server';
import { consentAction } from '$lib/space/release-admin.server';
import type { Actions, PageServerLoad } from './$types';

/** The associations and every account. */
export const load: PageServerLoad = async (event) => {
  const locale = await adminLocale(event);
  const [associations, users] = await Promise.all([
    adminAssociations(event, locale),
    apiGet(event, locale, API.adminUsers),
  ]);
  const names = new Map(associations.map((a) => [a.id, a.name]));
  const accounts = listOf(users, 'users')
    .map((u) => toAccount(u, names))
    .filter((a): a is AdminAccount => a !== null);
  return { associations, accounts };
};

export const actions: Actions = {
  /** Consent of an association to be named with the next releases. */
  default: adminAction(consentAction),
};
