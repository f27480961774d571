import { robotsTxt } from '$lib/open-data/sitemap.js';
import { textResponse } from '$lib/server/open-data.js';
import type { RequestHandler } from './$types';

/** Public pages allowed, the members' space, the admin and the API disallowed, the sitemap named. */
export const GET: RequestHandler = ({ url }) => textResponse(robotsTxt(url.origin), 'text/plain; charset=utf-8');
