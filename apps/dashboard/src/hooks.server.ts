import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { config } from '@observatoire/config';
import { langOfPath } from '$lib/paths.js';
import { conditional, withHttpCache } from '$lib/server/http-cache.js';
import { cacheable, lookup, store } from '$lib/server/page-cache.js';
import { checkLatestRelease } from '$lib/server/release-watch.js';
import { routeClass } from '$lib/server/route-class.js';
import { securityHeaders } from '$lib/server/security-headers.js';

/** Seconds a reader is told to wait when a page answers 503 (the API or its database away). */
const RETRY_AFTER_SECONDS = '60';

/**
 * The headers of one answer, per route class (see security-headers.ts). The API proxy keeps what the API set and
 * only gains what it lacks. A Response built by fetch has immutable headers: it is copied then.
 */
function withSecurityHeaders(response: Response, kind: ReturnType<typeof routeClass>): Response {
  const add = securityHeaders(kind, {
    production: config().NODE_ENV === 'production',
    csp: response.headers.get('content-security-policy'),
  });
  let out = response;
  const set = (name: string, value: string) => {
    try {
      out.headers.set(name, value);
    } catch {
      out = new Response(out.body, { status: out.status, statusText: out.statusText, headers: out.headers });
      out.headers.set(name, value);
    }
  };
  for (const [name, value] of add) if (kind !== 'api' || !response.headers.has(name)) set(name, value);
  if (kind === 'api' && !response.headers.has('cache-control')) set('cache-control', 'no-store');
  if (response.status === 503 && !response.headers.has('retry-after')) set('retry-after', RETRY_AFTER_SECONDS);
  return out;
}

/** The configuration is validated as the server starts: a wrong variable stops it, named, before any page. */
export const init: ServerInit = () => {
  config();
};

export const handle: Handle = async ({ event, resolve }) => {
  const lang = langOfPath(event.url.pathname);
  event.locals.lang = lang;
  const kind = routeClass(event.route.id, event.url.pathname);
  const useCache = cacheable(event.request, event.url, kind);
  // A public answer never shows a release older than the latest one known a second ago (release-watch.ts).
  if (kind === 'page' || kind === 'embed' || kind === 'download') await checkLatestRelease();
  if (useCache) {
    const hit = lookup(event.request, event.url);
    if (hit) return conditional(event.request, hit);
  }
  // JSON-LD a page's load asked for (schema.org Dataset) goes into its head as plain server-rendered HTML.
  const resolved = await resolve(event, {
    transformPageChunk: ({ html }) =>
      html.replace('%lang%', lang).replace('</head>', () => `${event.locals.jsonLd ?? ''}</head>`),
  });
  const response = await withHttpCache(event.request, event.url, kind, withSecurityHeaders(resolved, kind));
  return conditional(event.request, useCache ? await store(event.url, response) : response);
};

// Never let a stack trace reach a reader: log it, answer with the bilingual generic message.
export const handleError: HandleServerError = ({ error, status }) => {
  if (status !== 404) console.error(error);
  return {
    message: 'Erreur interne / Internal error',
    fr: "Une erreur inattendue s'est produite. Réessayez ; si elle persiste, prévenez le collectif.",
    en: 'Something went wrong. Try again; if it persists, tell the collective.',
    code: status === 404 ? 'not-found' : 'internal',
  };
};
