/**
 * Which kind of answer a request gets, decided from what SvelteKit routes rather than from the raw URL: the
 * association and admin spaces are private whatever spelling reached them (`/%65space`, `/en/%61dmin`), the
 * embeds are the only pages other sites may frame, downloads and the API proxy are files, not pages.
 */
export type RouteClass = 'page' | 'embed' | 'private' | 'download' | 'api';

const PRIVATE_ROUTE = /^\/(en\/)?(espace|space|admin)(\/|$)/;
const EMBED_ROUTE = /^\/\(embed\)\//;
const DOWNLOAD_ROUTE = /^\/\[\[lang=lang\]\]\/charts\//;
const API_ROUTE = /^\/api\//;

/**
 * The path folded so that no spelling of a private path escapes the check, whatever a proxy in front of the
 * dashboard or SvelteKit itself makes of it: percent-decoded until it no longer changes (`%2565` too),
 * backslashes as slashes, runs of slashes as one, `.` segments and trailing dots and spaces of a segment
 * dropped, lower case. Folding too much only ever makes a public page uncached, never a private one public.
 */
export function foldPath(pathname: string): string {
  let path = pathname;
  for (let i = 0; i < 5; i++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      break;
    }
    if (decoded === path) break;
    path = decoded;
  }
  return path
    .replace(/\\/g, '/')
    .split('/')
    .map((segment) => segment.replace(/[.\s]+$/, ''))
    .filter((segment) => segment !== '')
    .map((segment) => `/${segment}`)
    .join('')
    .toLowerCase();
}

const PRIVATE_PATH = /^(\/en)?\/(espace|space|admin)(\/|$)/;
const API_PATH = /^\/api(\/|$)/;

/** True for any spelling of a path under the association space, the admin pages or the API proxy. */
export function isPrivatePath(pathname: string): boolean {
  const folded = foldPath(pathname) || '/';
  return PRIVATE_PATH.test(folded) || API_PATH.test(folded);
}

export function routeClass(routeId: string | null, pathname: string): RouteClass {
  if (routeId && API_ROUTE.test(routeId)) return 'api';
  if ((routeId && PRIVATE_ROUTE.test(routeId)) || PRIVATE_PATH.test(foldPath(pathname))) return 'private';
  if (routeId && EMBED_ROUTE.test(routeId)) return 'embed';
  if (routeId && DOWNLOAD_ROUTE.test(routeId)) return 'download';
  return 'page';
}
