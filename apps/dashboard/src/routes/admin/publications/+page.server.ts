import { adminReleasesActions, adminReleasesLoad } from '$lib/space/admin.server';

export const load = adminReleasesLoad('fr');
export const actions = adminReleasesActions('fr');
