import { importActions, importLoad } from '$lib/space/routes.server';

export const load = importLoad('en');
export const actions = importActions('en');
