import { adminLayoutLoad } from '$lib/space/admin.server';

export const load = adminLayoutLoad('fr');
