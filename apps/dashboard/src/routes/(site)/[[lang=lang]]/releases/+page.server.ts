import type { Lang } from '$lib/i18n/index.js';
import type { PageServerLoad } from './$types';

// The layout already lists the releases (title, date, years, notes).
export const load: PageServerLoad = ({ params }) => ({ lang: (params.lang === 'en' ? 'en' : 'fr') as Lang });
