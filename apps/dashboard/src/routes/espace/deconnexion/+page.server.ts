import { logoutActions } from '$lib/space/routes.server';

export const actions = logoutActions('fr');
