import { spaceLayoutLoad } from '$lib/space/routes.server';

export const load = spaceLayoutLoad('en');
