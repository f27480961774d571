import type { ReleaseInfo } from './types.js';

/** Releases, the most recently published first (a copy; client-safe: no schema import, keeps zod out of the browser bundle). */
export function newestFirst<R extends Pick<ReleaseInfo, 'publishedAt'>>(releases: readonly R[]): R[] {
  return [...releases].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
}

/** The most recently published release. */
export function latest(releases: ReleaseInfo[]): ReleaseInfo | null {
  return newestFirst(releases)[0] ?? null;
}
