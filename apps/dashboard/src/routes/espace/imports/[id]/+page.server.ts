import { importActions, importLoad } from '$lib/space/routes.server';

export const load = importLoad('fr');
export const actions = importActions('fr');
