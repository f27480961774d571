import { loadPageCharts } from '$lib/server/page-charts.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
  loadPageCharts(event, ['exploitation', 'gender', 'age-band', 'region'], '/profiles');
