import { error } from '@sveltejs/kit';
import { t, type Lang } from '$lib/i18n/index.js';
import { apiClient, requestedRelease, resolveRelease, rethrow } from '$lib/server/api.js';
import { kitFileName, kitZip, loadKit } from '$lib/server/kit.js';
import type { RequestHandler } from './$types';

/**
 * The press kit as one ZIP (`kit.zip`, ?release= for a fixed release), in the language of the URL. Cache-Control
 * and ETag come from the hook, as for every download: a fixed release is kept a year.
 */
export const GET: RequestHandler = async ({ params, url }) => {
  const lang: Lang = params.lang === 'en' ? 'en' : 'fr';
  if (params.file !== 'kit.zip') {
    error(404, {
      message: 'Not found',
      fr: t('fr', 'error.notFound'),
      en: t('en', 'error.notFound'),
      code: 'not-found',
    });
  }
  const client = apiClient();
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
  try {
    const kit = await loadKit(client, release, requested, lang, url.origin);
    const zip = await kitZip(kit, client, url.origin);
    return new Response(new Uint8Array(zip), {
      headers: {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${kitFileName(kit)}"`,
      },
    });
  } catch (err) {
    rethrow(err, lang);
  }
};
