import type { Lang } from '$lib/i18n/index.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => ({ lang: (params.lang === 'en' ? 'en' : 'fr') as Lang });
