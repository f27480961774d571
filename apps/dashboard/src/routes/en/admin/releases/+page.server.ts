import { adminReleasesActions, adminReleasesLoad } from '$lib/space/admin.server';

export const load = adminReleasesLoad('en');
export const actions = adminReleasesActions('en');
