/**
 * Which kind of answer a request gets, decided from what SvelteKit routes rather than from the raw URL: the
 * association and admin spaces are private whatever spelling reached them (`/%65space`, `/en/%61dmin`), the
 * embeds are the only pages other sites may frame, downloads and the API proxy are files, not pages.
 */
import { FRENCH_PATHS, localePath, PRIVATE_SECTIONS } from '$lib/paths.js';

export type RouteClass = 'page' | 'embed' | 'private' | 'download' | 'api';

/** The association space and the admin pages: every route under the (space) group. */
const PRIVATE_ROUTE = /^\/\(space\)\//;
const EMBED_ROUTE = /^\/\(embed\)\//;
const DOWNLOAD_ROUTE = /^\/\[\[lang=lang\]\]\/(charts|press-kit)\//;
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

/** Every spelling of the private sections' paths, from the table of localised paths, folded as paths are. */
const underSection = (path: string, section: string) => path === section || path.startsWith(`${section}/`);
const PRIVATE_PREFIXES = [
  ...new Set(
    [...PRIVATE_SECTIONS, ...Object.keys(FRENCH_PATHS).filter((p) => PRIVATE_SECTIONS.some((s) => underSection(p, s)))]
      .flatMap((p) => [p, localePath('fr', p), localePath('en', p)])
      .map(foldPath),
  ),
];
const underPrivateSection = (folded: string) => PRIVATE_PREFIXES.some((prefix) => underSection(folded, prefix));
const API_PATH = /^\/api(\/|$)/;

/** True for any spelling of a path under the association space, the admin pages or the API proxy. */
export function isPrivatePath(pathname: string): boolean {
  const folded = foldPath(pathname) || '/';
  return underPrivateSection(folded) || API_PATH.test(folded);
}

export function routeClass(routeId: string | null, pathname: string): RouteClass {
  if (routeId && API_ROUTE.test(routeId)) return 'api';
  if ((routeId && PRIVATE_ROUTE.test(routeId)) || underPrivateSection(foldPath(pathname))) return 'private';
  if (routeId && EMBED_ROUTE.test(routeId)) return 'embed';
  if (routeId && DOWNLOAD_ROUTE.test(routeId)) return 'download';
  return 'page';
}
