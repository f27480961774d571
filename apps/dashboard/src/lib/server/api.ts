import { error } from '@sveltejs/kit';
import { ApiClient } from '$lib/api/client.js';
import { apiBaseUrl } from '$lib/api/config.server.js';
import { ApiNotFoundError, ApiUnavailableError, type ReleaseInfo } from '$lib/api/types.js';
import { t, type Lang } from '$lib/i18n/index.js';

/**
 * The API is called with Node's own fetch, not SvelteKit's event.fetch: the answers are parsed and cached on
 * the server and never replayed in the browser, so SvelteKit need not inline them into every page.
 */
export function apiClient(): ApiClient {
  return new ApiClient(apiBaseUrl(), fetch);
}

/**
 * Turns API failures into SvelteKit errors carrying bilingual text: 503 "data unavailable" when the API is
 * down, 404 for an unknown release. +error.svelte shows them; no stack trace reaches the reader.
 */
export function rethrow(err: unknown, lang: Lang): never {
  if (err instanceof ApiNotFoundError) notFound();
  if (err instanceof ApiUnavailableError) {
    console.error(`[dashboard] ${err.message}`);
    error(503, {
      message: t(lang, 'apiDown.title'),
      fr: t('fr', 'apiDown.body'),
      en: t('en', 'apiDown.body'),
      code: 'api-down',
    });
  }
  throw err;
}

/** 404 with the bilingual "not found" text: an unknown chart, file or release. */
export function notFound(): never {
  error(404, {
    message: 'Not found',
    fr: t('fr', 'error.notFound'),
    en: t('en', 'error.notFound'),
    code: 'not-found',
  });
}

import { requestedRelease } from './release-param.js';

export { requestedRelease };

export async function resolveRelease(client: ApiClient, requested: string, lang: Lang): Promise<ReleaseInfo | null> {
  try {
    return await client.resolveRelease(requested);
  } catch (err) {
    rethrow(err, lang);
  }
}

/**
 * The release a download's URL asks for (`?release=`, else the latest), with what was asked; 404 saying that no
 * release is published yet when there is none.
 */
export async function requiredRelease(
  client: ApiClient,
  url: URL,
  lang: Lang,
): Promise<{ release: ReleaseInfo; requested: string }> {
  const requested = requestedRelease(url);
  const release = await resolveRelease(client, requested, lang);
  if (!release) {
    error(404, {
      message: t(lang, 'noRelease.title'),
      fr: t('fr', 'noRelease.body'),
      en: t('en', 'noRelease.body'),
      code: 'not-found',
    });
  }
  return { release, requested };
}
