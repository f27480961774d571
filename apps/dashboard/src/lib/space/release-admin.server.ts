import { fail, type RequestEvent } from '@sveltejs/kit';
import { newReleaseNoticeSchema } from '@observatoire/schema';
import { t, type Lang } from '$lib/i18n/space.js';
import { API } from './endpoints';
import { postJson } from './server';
import { clearApiCache } from '$lib/api/client.js';
import { clearPageCache } from '$lib/server/page-cache.js';

/** The admin's consent form: whether an association is named with the next releases. */
export async function consentAction(event: RequestEvent, locale: Lang) {
  const form = await event.request.formData();
  const id = String(form.get('association') ?? '');
  const name = String(form.get('name') ?? '');
  const namePublic = form.get('namePublic') === 'yes';
  const r = await postJson(event, locale, API.adminNamePublic(id), 'POST', { namePublic });
  if (!r.ok) return fail(r.status >= 500 ? 502 : r.status, { consentMessage: r.message });
  return { consentSaved: t(locale, 'admin.namePublicSaved', { name }) };
}

/** The admin's notice form: an erratum or a retraction attached to a published release. */
export async function noticeAction(event: RequestEvent, locale: Lang) {
  const form = await event.request.formData();
  const release = String(form.get('release') ?? '');
  const kept = {
    release,
    kind: String(form.get('kind') ?? 'erratum'),
    textFr: String(form.get('textFr') ?? ''),
    textEn: String(form.get('textEn') ?? ''),
  };
  const parsed = newReleaseNoticeSchema.safeParse({ kind: kept.kind, text: { fr: kept.textFr, en: kept.textEn } });
  if (!parsed.success || !release) return fail(400, { ...kept, message: t(locale, 'admin.noticeMissing') });
  const r = await postJson(event, locale, API.adminNotice(release), 'POST', parsed.data);
  if (!r.ok) return fail(r.status >= 500 ? 502 : r.status, { ...kept, message: r.message });
  // This dashboard shows it at once (other instances within their caches' seconds; HTTP caches: README).
  clearApiCache();
  clearPageCache();
  return { saved: t(locale, 'admin.noticeSaved', { release }) };
}
