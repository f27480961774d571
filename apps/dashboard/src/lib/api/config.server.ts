import { env } from '$env/dynamic/private';

/** API base URL, read on the server only: it never reaches the client bundle. */
export function apiBaseUrl(): string {
  return (env.OBSERVATOIRE_API_URL || 'http://127.0.0.1:3001').replace(/\/+$/, '');
}
