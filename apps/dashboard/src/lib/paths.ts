/**
 * The site's localised paths, in one table. Every page has one route, named in English
 * (`routes/(space)/[[lang=lang]]/space/login`): its English URL is the route's path under /en (`/en/space/login`),
 * its French URL is at the root, in the French words this table gives (`/espace/connexion`). SvelteKit's
 * `reroute` hook (src/hooks.ts) sends a French URL to its route; links, redirects and the language switch are
 * built from the same table.
 *
 * A page not listed has the same path in both languages (`/profiles`, `/en/profiles`); a page under a listed one
 * follows it (`/espace/imports/<id>`, `/en/space/imports/<id>`). Adding a localised page is its route and, if
 * its French path differs, one line here.
 */
import type { Lang } from '$lib/i18n/index.js';

export const FRENCH_PATHS: Readonly<Record<string, string>> = {
  '/space': '/espace',
  '/space/login': '/espace/connexion',
  '/space/logout': '/espace/deconnexion',
  '/space/upload': '/espace/envoyer',
  '/space/upload/file': '/espace/envoyer/fichier',
  '/space/data': '/espace/donnees',
  '/space/mapping': '/espace/correspondances',
  '/admin/releases': '/admin/publications',
  '/admin/releases/notices': '/admin/publications/errata',
  '/press-kit': '/presse',
  '/releases': '/publications',
};

/** The sections of the site that are personal (a member's or an admin's): never cached, under any spelling. */
export const PRIVATE_SECTIONS = ['/space', '/admin'] as const;

const toFrench = new Map(Object.entries(FRENCH_PATHS));
const toRoute = new Map(Object.entries(FRENCH_PATHS).map(([route, french]) => [french, route]));

/** Where a route path ends up when its longest listed prefix is swapped through `table`; null if none is listed. */
function swapPrefix(path: string, table: Map<string, string>): string | null {
  for (let end = path.length; end > 0; end = path.lastIndexOf('/', end - 1)) {
    const to = table.get(path.slice(0, end));
    if (to !== undefined) return to + path.slice(end);
  }
  return null;
}

/** The URL path of a page (given by its route path, `/space/login`) in a language. */
export function localePath(lang: Lang, routePath: string): string {
  const path = routePath.startsWith('/') ? routePath : `/${routePath}`;
  if (lang === 'en') return path === '/' ? '/en' : `/en${path}`;
  return swapPrefix(path, toFrench) ?? path;
}

/** The language of a URL path: English under /en, French everywhere else. */
export function langOfPath(pathname: string): Lang {
  return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'fr';
}

/** The language of a route from its `[[lang=lang]]` parameter. */
export function langOf(params: Partial<Record<string, string>>): Lang {
  return params.lang === 'en' ? 'en' : 'fr';
}

/** The route path of a (decoded) URL path in either language: the same page in the other language is `localePath(other, …)`. */
export function unlocalisedPath(pathname: string): string {
  let path = pathname;
  try {
    path = decodeURI(pathname);
  } catch {
    // a malformed escape: compared as it is
  }
  if (langOfPath(path) === 'en') return path.slice(3) || '/';
  return swapPrefix(path, toRoute) ?? path;
}

/** A path that no route answers: a URL mixing the languages (`/space/login`, `/espace/login`) is not a page. */
const NOT_A_PAGE = '/.not-a-page';

/** SvelteKit's decoding of the path it routes: every escape but `%25`. */
function decodeSegment(segment: string): string {
  return segment.split('%25').map(decodeURI).join('%25');
}

/**
 * For the `reroute` hook: the route path a French URL path goes to, or undefined to route it as it is (English
 * URLs, pages with one path). Works on the raw path as SvelteKit passes it: the listed prefix is compared
 * decoded (so `/%65space` reaches the same page as `/espace`, as it does without a hook) and swapped for its
 * route's plain segments; the rest is passed on untouched, for SvelteKit to decode once. A French URL is a page
 * only in the words of the table: a route's English name at the root is not one.
 */
export function reroutePath(rawPathname: string): string | undefined {
  const raw = rawPathname.split('/');
  let decoded: string[];
  try {
    decoded = raw.map(decodeSegment);
  } catch {
    return undefined; // SvelteKit answers a malformed path itself (400).
  }
  if (decoded[1] === 'en') return undefined;
  const path = decoded.join('/');
  for (let end = decoded.length; end > 1; end--) {
    const route = toRoute.get(decoded.slice(0, end).join('/'));
    if (route === undefined) continue;
    const routed = [route, ...decoded.slice(end)].join('/');
    return localePath('fr', routed) === path ? [route, ...raw.slice(end)].join('/') : NOT_A_PAGE;
  }
  return localePath('fr', path) === path ? undefined : NOT_A_PAGE;
}
