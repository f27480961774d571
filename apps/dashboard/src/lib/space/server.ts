import { error, fail, isHttpError, isRedirect, redirect, type RequestEvent } from '@sveltejs/kit';
import { releasesChanged } from '$lib/server/release-watch.js';
import { releaseAnnotationSchema, type MappingProfileInput, type ReleaseAnnotation } from '@observatoire/schema';
import { t, type Lang } from '$lib/i18n/space.js';
import { API } from './endpoints';
import { applyChoices, choicesOf } from './mapping';
import { langOf, localePath } from '$lib/paths.js';
import {
  briefView,
  importPath,
  localised,
  markClosedPreviews,
  problemMessage,
  toImportView,
  type ImportView,
} from './imports';

export interface SpaceUser {
  id: string;
  email: string;
  role: 'admin' | 'member';
  associationId: string | null;
  associationSlug: string | null;
  associationName: string | null;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

async function readJson(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return null;
  }
}

function toUser(body: unknown): SpaceUser | null {
  const u = isObj(body) && isObj(body.user) ? body.user : body;
  const id = isObj(u) ? (u.userId ?? u.id) : null;
  if (!isObj(u) || typeof id !== 'string') return null;
  const a = isObj(u.association) ? u.association : {};
  return {
    id,
    email: String(u.email ?? ''),
    role: u.role === 'admin' ? 'admin' : 'member',
    associationId: (a.id as string) ?? (u.associationId as string) ?? null,
    associationSlug: (a.slug as string) ?? (u.associationSlug as string) ?? null,
    associationName: (a.name as string) ?? (u.associationName as string) ?? null,
  };
}

/**
 * The space's page when the API or its database is away: 503 with the French and English text, never a login form
 * (which would tell a logged-in member that their session was lost).
 */
function serviceUnavailable(locale: Lang): never {
  error(503, {
    message: t(locale, 'unavailable.title'),
    fr: t('fr', 'unavailable.body'),
    en: t('en', 'unavailable.body'),
    code: 'unavailable',
  });
}

/**
 * Who is logged in, asked to the API with the browser's cookie (through the proxy); null when nobody. The API
 * not answering, or answering 5xx (its database down), is an outage, not "logged out": the 503 page says so.
 */
export async function currentUser(event: RequestEvent, locale: Lang): Promise<SpaceUser | null> {
  let res: Response;
  try {
    res = await event.fetch(API.me, { headers: { accept: 'application/json' } });
  } catch {
    serviceUnavailable(locale);
  }
  if (res.status >= 500) serviceUnavailable(locale);
  if (!res.ok) return null;
  return toUser(await readJson(res));
}

/**
 * Whether logging in can work at all: an anonymous visitor's session check needs no database, so the login
 * page asks the API's health check, and says the service is unavailable instead of offering a form that
 * cannot succeed.
 */
export async function requireLoginPossible(event: RequestEvent, locale: Lang): Promise<void> {
  let body: unknown = null;
  try {
    const res = await event.fetch(API.health, { headers: { accept: 'application/json' } });
    body = await readJson(res);
  } catch {
    serviceUnavailable(locale);
  }
  if (isObj(body) && body.database === 'down') serviceUnavailable(locale);
}

function loginRedirect(event: RequestEvent, locale: Lang): never {
  const next = event.url.pathname + event.url.search;
  redirect(303, `${localePath(locale, '/space/login')}?next=${encodeURIComponent(next)}`);
}

export async function requireUser(event: RequestEvent, locale: Lang): Promise<SpaceUser> {
  const user = await currentUser(event, locale);
  if (!user) loginRedirect(event, locale);
  return user;
}

export async function requireAdmin(event: RequestEvent, locale: Lang): Promise<SpaceUser> {
  const user = await requireUser(event, locale);
  if (user.role !== 'admin') error(403, t(locale, 'admin.forbidden'));
  return user;
}

/** A page's language, once its caller is known to be signed in (else the login page). */
export async function userLocale(event: RequestEvent): Promise<Lang> {
  const locale = langOf(event.params);
  await requireUser(event, locale);
  return locale;
}

/** An admin page's language, once its caller is known to be an admin (else the login page, or 403). */
export async function adminLocale(event: RequestEvent): Promise<Lang> {
  const locale = langOf(event.params);
  await requireAdmin(event, locale);
  return locale;
}

/** The form action of an admin page: `run` in the page's language, for an admin only. */
export function adminAction<R>(run: (event: RequestEvent, locale: Lang) => Promise<R>) {
  return async (event: RequestEvent): Promise<R> => run(event, await adminLocale(event));
}

/** GET a JSON resource of the API; a lost session sends back to the login page, anything else is a clean error. */
export async function apiGet(event: RequestEvent, locale: Lang, path: string): Promise<unknown> {
  const res = await event.fetch(path, { headers: { accept: 'application/json' } });
  if (res.status === 401) loginRedirect(event, locale);
  if (res.status === 404) error(404, t(locale, 'space.report.notFound'));
  if (res.status === 403) error(403, t(locale, 'admin.forbidden'));
  if (res.status === 502 || res.status === 503) serviceUnavailable(locale);
  if (!res.ok) {
    const msg = problemMessage(await readJson(res), locale);
    error(res.status >= 500 ? 502 : res.status, msg ?? t(locale, 'apiDown.body'));
  }
  return readJson(res);
}

function listOf(body: unknown, ...keys: string[]): unknown[] {
  if (Array.isArray(body)) return body;
  if (isObj(body)) for (const k of ['items', 'data', ...keys]) if (Array.isArray(body[k])) return body[k] as unknown[];
  return [];
}

export async function listImports(event: RequestEvent, locale: Lang): Promise<ImportView[]> {
  const body = await apiGet(event, locale, `${API.imports}?limit=200`);
  return markClosedPreviews(listOf(body, 'imports').map((raw) => briefView(toImportView(raw))));
}

export async function getImport(event: RequestEvent, locale: Lang, id: string): Promise<ImportView> {
  // An id that is not even a UUID cannot be an upload: 404 without asking the API.
  if (!/^[0-9a-f-]{36}$/i.test(id)) error(404, t(locale, 'space.report.notFound'));
  const imp = toImportView(await apiGet(event, locale, API.import(id)));
  if (!imp.dryRun || imp.status !== 'validated') return imp;
  // Whether this preview was already confirmed or previewed again: only the newest can go on.
  const all = await listImports(event, locale);
  return { ...imp, closedBy: all.find((i) => i.id === imp.id)?.closedBy ?? null };
}

/** What is kept of an upload and for how long, as the API states it (the upload page says it before sending). */
export async function retentionText(event: RequestEvent, locale: Lang): Promise<string | null> {
  try {
    const res = await event.fetch(API.retention, { headers: { accept: 'application/json' } });
    // The page still works without it (the API unreachable says so when the file is sent).
    const body = res.ok ? await readJson(res) : null;
    return isObj(body) ? (localised(body.message)?.[locale] ?? null) : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------- form actions

function safeNext(next: string | null, locale: Lang, role: SpaceUser['role']): string {
  // Only paths of this site: `//evil.example` or `https://...` would turn the login into an open redirect.
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')) return next;
  return localePath(locale, role === 'admin' ? '/admin' : '/space');
}

export async function loginAction(event: RequestEvent, locale: Lang) {
  const form = await event.request.formData();
  const email = String(form.get('email') ?? '').trim();
  const password = String(form.get('password') ?? '');
  if (!email || !password) return fail(400, { email, message: t(locale, 'space.login.missing') });
  let res: Response;
  try {
    res = await event.fetch(API.login, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  } catch {
    return fail(503, { email, message: t(locale, 'unavailable.body') });
  }
  if (res.status === 502 || res.status === 503) return fail(503, { email, message: t(locale, 'unavailable.body') });
  // The API says how long the lock lasts ("Réessayez dans 15 minutes").
  if (res.status === 429)
    return fail(429, {
      email,
      message: problemMessage(await readJson(res), locale) ?? t(locale, 'space.login.throttled'),
    });
  if (res.status === 401 || res.status === 400 || res.status === 403)
    return fail(400, { email, message: t(locale, 'space.login.invalid') });
  if (!res.ok) {
    return fail(502, {
      email,
      message: problemMessage(await readJson(res), locale) ?? t(locale, 'error.generic'),
    });
  }
  // The session cookie the API set was relayed to the browser by SvelteKit's internal fetch.
  const user = toUser(await readJson(res));
  redirect(303, safeNext(event.url.searchParams.get('next'), locale, user?.role ?? 'member'));
}

export async function logoutAction(event: RequestEvent, locale: Lang) {
  try {
    await event.fetch(API.logout, { method: 'POST', headers: { accept: 'application/json' } });
  } catch {
    // Logging out must always leave the user logged out here, even when the API is away.
  }
  redirect(303, `${localePath(locale, '/space/login')}?sortie=1`);
}

async function postJson(event: RequestEvent, locale: Lang, path: string, method: string, body?: unknown) {
  let res: Response;
  try {
    res = await event.fetch(path, {
      method,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? '{}' : JSON.stringify(body),
    });
  } catch {
    return { ok: false as const, status: 502, message: t(locale, 'apiDown.body'), body: null };
  }
  if (res.status === 401) loginRedirect(event, locale);
  const json = await readJson(res);
  if (!res.ok) {
    return {
      ok: false as const,
      status: res.status,
      message:
        res.status === 404
          ? t(locale, 'space.report.notFound')
          : (problemMessage(json, locale) ?? t(locale, 'error.generic')),
      body: json,
    };
  }
  return { ok: true as const, status: res.status, message: null, body: json };
}

/**
 * Confirms a preview. Years whose saved cases it replaces go with it only when the user ticked the box naming them
 * (the page's second step); the API refuses the removal otherwise (409), which the page says in its own words.
 */
export async function confirmAction(event: RequestEvent, locale: Lang) {
  const id = event.params.id ?? '';
  const form = await event.request.formData();
  const named = String(form.get('replaceYears') ?? '')
    .split(',')
    .filter((y) => /^\d{4}$/.test(y.trim()))
    .map(Number);
  const replaceYears = form.get('replaceConfirmed') === '1' ? named : [];
  const r = await postJson(event, locale, API.confirm(id), 'POST', { replaceYears });
  if (!r.ok) {
    const code = isObj(r.body) ? r.body.code : null;
    const message =
      code === 'replace_not_confirmed'
        ? t(locale, 'space.replace.tickFirst', { years: named.join(', ') })
        : code === 'preview_stale'
          ? t(locale, 'space.replace.stale')
          : r.message;
    return fail(r.status >= 500 ? 502 : r.status, { message });
  }
  const next = isObj(r.body) && typeof r.body.id === 'string' ? r.body.id : id;
  redirect(303, `${importPath(locale, next)}?confirme=1`);
}

/** The association's stored mapping profile (null when none); a lost session goes back to the login page. */
export async function getMappingProfile(event: RequestEvent, locale: Lang): Promise<MappingProfileInput | null> {
  const body = await apiGet(event, locale, API.mappingProfile);
  return isObj(body) ? (body as MappingProfileInput) : null;
}

/** Writes the whole profile (the API's PUT replaces it and validates it): null when saved, else the message. */
export async function putMappingProfile(
  event: RequestEvent,
  locale: Lang,
  profile: unknown,
): Promise<{ status: number; message: string } | null> {
  const saved = await postJson(event, locale, API.mappingProfile, 'PUT', profile);
  return saved.ok ? null : { status: saved.status >= 500 ? 502 : saved.status, message: saved.message };
}

/** Runs a waiting file again as a new preview and goes to it. */
export async function rerunPreview(event: RequestEvent, locale: Lang, id: string) {
  const rerun = await postJson(event, locale, API.rerun(id), 'POST');
  if (!rerun.ok) return fail(rerun.status >= 500 ? 502 : rerun.status, { message: rerun.message });
  const next = isObj(rerun.body) && typeof rerun.body.id === 'string' ? rerun.body.id : id;
  redirect(303, `${importPath(locale, next)}?correspondances=1`);
}

/**
 * Saves the mapping screen's choices (issue 15) into the association's mapping profile: what each column holds
 * (a field, "ignore", or for a one-hot column the code a ticked cell means) and what each unrecognised value means
 * (read, merged, written back whole, as the API's PUT replaces it). Then, for an upload whose file is still waiting
 * (a preview), runs the same stored file again as a new preview so the report reflects them. Form fields:
 * `col:<encoded header>` and `map:<field>:<encoded raw value>`; an empty choice changes nothing.
 */
export async function mappingAction(event: RequestEvent, locale: Lang) {
  const id = event.params.id ?? '';
  const form = await event.request.formData();
  const choices = choicesOf(form);
  if (choices.columns.size > 0 || choices.values.length > 0) {
    let current: MappingProfileInput | null;
    try {
      current = await getMappingProfile(event, locale);
    } catch (err) {
      if (isHttpError(err) || isRedirect(err)) throw err;
      return fail(502, { message: t(locale, 'apiDown.body') });
    }
    const failed = await putMappingProfile(event, locale, applyChoices(current, choices));
    if (failed) return fail(failed.status, { message: failed.message });
  }
  if (form.get('rerun') !== '1') redirect(303, `${importPath(locale, id)}?correspondances=enregistrees`);
  return rerunPreview(event, locale, id);
}

/** The publish form's annotations, one per line: "2020 | confinement | lockdown"; the first bad line's number. */
export function parseAnnotations(text: string): { list: ReleaseAnnotation[] } | { line: number } {
  const list: ReleaseAnnotation[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    if (!raw.trim()) continue;
    const parts = raw.split('|');
    const parsed =
      parts.length === 3
        ? releaseAnnotationSchema.safeParse({ year: Number(parts[0].trim()), text: { fr: parts[1], en: parts[2] } })
        : null;
    if (!parsed?.success) return { line: i + 1 };
    list.push(parsed.data);
  }
  return { list };
}

export async function publishAction(event: RequestEvent, locale: Lang) {
  const form = await event.request.formData();
  const notesFr = String(form.get('notesFr') ?? '').trim();
  const notesEn = String(form.get('notesEn') ?? '').trim();
  const titleFr = String(form.get('titleFr') ?? '').trim();
  const titleEn = String(form.get('titleEn') ?? '').trim();
  const annotationsText = String(form.get('annotations') ?? '');
  const kept = { notesFr, notesEn, titleFr, titleEn, annotations: annotationsText };
  if (!notesFr && !notesEn) return fail(400, { ...kept, message: t(locale, 'admin.notesMissing') });
  const annotations = parseAnnotations(annotationsText);
  if ('line' in annotations) {
    return fail(400, { ...kept, message: t(locale, 'admin.annotationsInvalid', { line: annotations.line }) });
  }
  const r = await postJson(event, locale, API.adminReleases, 'POST', {
    notes: { fr: notesFr || notesEn, en: notesEn || notesFr },
    annotations: annotations.list,
    ...(titleFr || titleEn ? { title: { fr: titleFr || titleEn, en: titleEn || titleFr } } : {}),
  });
  if (!r.ok) return fail(r.status >= 500 ? 502 : r.status, { ...kept, message: r.message });
  const created = isObj(r.body) && isObj(r.body.release) ? r.body.release : r.body;
  const rid = isObj(created) ? String(created.slug ?? created.id ?? '') : '';
  // The public pages show the new release from the next request on, not in ten seconds.
  releasesChanged();
  return { published: rid };
}

export { listOf, isObj, postJson };
