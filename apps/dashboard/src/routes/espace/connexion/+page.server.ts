import { loginActions, loginLoad } from '$lib/space/routes.server';

export const load = loginLoad('fr');
export const actions = loginActions('fr');
