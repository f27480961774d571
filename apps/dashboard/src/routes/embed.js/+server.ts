import script from '$lib/embed/embed.js?raw';
import type { RequestHandler } from './$types';

/**
 * The host-page script of the embed code, served by a route rather than as a static file so that it gets the public
 * answers' Cache-Control and ETag (lib/server/http-cache.ts, through the hook): its URL never changes, and every
 * article embedding a chart fetches it on 30 July.
 */
export const GET: RequestHandler = () =>
  new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
