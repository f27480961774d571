import type { Handle, HandleServerError } from '@sveltejs/kit';
import { cacheable, lookup, store } from '$lib/server/page-cache.js';

export const handle: Handle = async ({ event, resolve }) => {
  const lang = event.url.pathname === '/en' || event.url.pathname.startsWith('/en/') ? 'en' : 'fr';
  event.locals.lang = lang;
  const useCache = cacheable(event.request, event.url);
  if (useCache) {
    const hit = lookup(event.request, event.url);
    if (hit) return hit;
  }
  const response = await resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
  return useCache ? store(event.url, response) : response;
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
