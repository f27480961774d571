import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './openapi.js';

export type { components, paths };
/** A schema of the API's document by name: `Schema<'Release'>`, `Schema<'Problem'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** An association's API token (`obs_…`): sent as `Authorization: Bearer`. */
  token?: string;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

/**
 * The Observatoire API, typed from its committed OpenAPI document (paths, parameters, bodies, answers):
 * `client.GET('/api/v1/stats/series', { params: { query: { dimension: 'recruitmentChannelGroup' } } })`.
 * `baseUrl` is the API's origin (`http://127.0.0.1:3001`), or the dashboard's, which serves the API under /api/.
 * Errors come back as `error`, the API's problem+json (`Schema<'Problem'>`), French and English.
 */
export function createApiClient(baseUrl: string, options: ApiClientOptions = {}): ApiClient {
  return createClient<paths>({
    baseUrl: baseUrl.replace(/\/+$/, ''),
    ...(options.fetch && { fetch: options.fetch }),
    headers: {
      accept: 'application/json',
      ...options.headers,
      ...(options.token && { authorization: `Bearer ${options.token}` }),
    },
  });
}
