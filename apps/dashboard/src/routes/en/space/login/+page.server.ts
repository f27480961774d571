import { loginActions, loginLoad } from '$lib/space/routes.server';

export const load = loginLoad('en');
export const actions = loginActions('en');
