import type { ReleaseInfo } from './types.js';

/** The most recently published release (client-safe: no schema import, keeps zod out of the browser bundle). */
export function latest(releases: ReleaseInfo[]): ReleaseInfo | null {
  return [...releases].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))[0] ?? null;
}
