import type { Lang } from '$lib/i18n/index.js';
import { apiClient, notFound, requiredRelease, rethrow } from '$lib/server/api.js';
import { kitFileName, kitZip, loadKit } from '$lib/server/kit.js';
import type { RequestHandler } from './$types';

/**
 * The press kit as one ZIP (`kit.zip`, ?release= for a fixed release), in the language of the URL. Cache-Control
 * and ETag come from the hook, as for every download: a fixed release is kept a year.
 */
export const GET: RequestHandler = async ({ params, url }) => {
  const lang: Lang = params.lang === 'en' ? 'en' : 'fr';
  if (params.file !== 'kit.zip') notFound();
  const client = apiClient();
  const { release, requested } = await requiredRelease(client, url, lang);
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
