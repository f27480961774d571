import { config } from '@observatoire/config';

/** Where the API listens (OBSERVATOIRE_API_URL), read on the server only: it never reaches the client bundle. */
export function apiBaseUrl(): string {
  return config().OBSERVATOIRE_API_URL.replace(/\/+$/, '');
}
