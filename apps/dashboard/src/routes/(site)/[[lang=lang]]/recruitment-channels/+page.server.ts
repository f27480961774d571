import { loadPageCharts } from '$lib/server/page-charts.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
  loadPageCharts(event, ['online-offline', 'channels', 'platforms', 'platform-trends'], '/recruitment-channels');
