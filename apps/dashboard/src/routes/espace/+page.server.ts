import { historyLoad } from '$lib/space/routes.server';

export const load = historyLoad('fr');
