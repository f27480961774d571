import { adminHomeLoad } from '$lib/space/admin.server';

export const load = adminHomeLoad('en');
