import { recordsLoad } from '$lib/space/routes.server';

export const load = recordsLoad('fr');
