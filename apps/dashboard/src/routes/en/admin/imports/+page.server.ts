import { adminImportsLoad } from '$lib/space/admin.server';

export const load = adminImportsLoad('en');
