import { fail, redirect } from '@sveltejs/kit';
import { t } from '$lib/i18n/space.js';
import { langOf, localePath } from '$lib/paths.js';
import { applyChoices, choicesOf } from '$lib/space/mapping';
import { mappingOptions } from '$lib/space/mapping.server';
import { getMappingProfile, putMappingProfile, userLocale, rerunPreview } from '$lib/space/server';
import type { Actions, PageServerLoad } from './$types';

/** A preview to run again once saved (the mapping screen links here with `?apercu=<id>`). */
const previewOf = (v: unknown) => (typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v) ? v : null);

export const load: PageServerLoad = async (event) => {
  const locale = await userLocale(event);
  return {
    profile: await getMappingProfile(event, locale),
    options: mappingOptions(locale),
    preview: previewOf(event.url.searchParams.get('apercu')),
    saved: event.url.searchParams.has('enregistre'),
  };
};

/** After saving: the preview run again with the profile, or this page saying it was saved. */
async function afterSave(event: Parameters<Actions['save']>[0], form: FormData) {
  const locale = langOf(event.params);
  const preview = previewOf(form.get('apercu'));
  if (preview) return rerunPreview(event, locale, preview);
  redirect(303, `${localePath(locale, '/space/mapping')}?enregistre=1`);
}

export const actions: Actions = {
  /** The readable list's changes: each line's new meaning, or its removal. */
  save: async (event) => {
    const locale = langOf(event.params);
    const form = await event.request.formData();
    const profile = applyChoices(await getMappingProfile(event, locale), choicesOf(form));
    const failed = await putMappingProfile(event, locale, profile);
    if (failed) return fail(failed.status, { message: failed.message, json: null as string | null });
    return afterSave(event, form);
  },
  /** The advanced user's whole profile as JSON, validated by the API (its message says what is wrong). */
  json: async (event) => {
    const locale = langOf(event.params);
    const form = await event.request.formData();
    const text = String(form.get('profile') ?? '');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return fail(400, { message: t(locale, 'profile.jsonInvalid'), json: text as string | null });
    }
    const failed = await putMappingProfile(event, locale, parsed);
    if (failed) return fail(failed.status, { message: failed.message, json: text as string | null });
    return afterSave(event, form);
  },
};
