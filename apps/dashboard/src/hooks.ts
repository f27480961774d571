import type { Reroute } from '@sveltejs/kit';
import { reroutePath } from '$lib/paths.js';

/** French URLs to their routes, from the one table of localised paths (src/lib/paths.ts). */
export const reroute: Reroute = ({ url }) => reroutePath(url.pathname);
