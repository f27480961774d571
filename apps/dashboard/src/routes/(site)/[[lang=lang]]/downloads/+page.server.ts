import type { Lang } from '$lib/i18n/index.js';
import type { PageServerLoad } from './$types';

// The layout already lists the releases; the summary files are served by the API through the dashboard's
// same-origin /api proxy, so the links work without exposing the API's address.
export const load: PageServerLoad = ({ params }) => ({ lang: (params.lang === 'en' ? 'en' : 'fr') as Lang });
