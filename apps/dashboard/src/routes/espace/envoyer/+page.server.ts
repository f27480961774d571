import { uploadLoad } from '$lib/space/routes.server';

export const load = uploadLoad('fr');
