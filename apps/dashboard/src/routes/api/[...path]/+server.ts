import type { RequestHandler } from './$types';
import { forwardToApi } from '$lib/space/api.server';

/**
 * Same-origin proxy to the API: the browser (and the dashboard's own server-side loads, through SvelteKit's
 * internal fetch) only ever talk to the dashboard's origin, so the session cookie stays first-party and the API
 * needs no CORS. Every method goes through unchanged.
 */
export const fallback: RequestHandler = (event) => forwardToApi(event, event.url.pathname + event.url.search);
