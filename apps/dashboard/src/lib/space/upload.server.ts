import type { RequestEvent } from '@sveltejs/kit';
import { config } from '@observatoire/config';
import { forwardToApi } from './api.server';
import { API } from './endpoints';
import { localePath } from '$lib/paths.js';
import { t, type Lang } from '$lib/i18n/space.js';
import { importPath, problemMessage } from './imports';

export const FLASH_COOKIE = 'space_flash';

function wantsJson(event: RequestEvent): boolean {
  return (event.request.headers.get('accept') ?? '').includes('application/json');
}

/**
 * Receives the upload form (a plain multipart post when JavaScript is off, an XHR with progress when it is on)
 * and streams it to `POST /api/v1/imports` as it arrives: the file is never held by the dashboard. The answer is
 * a redirect to the upload's report page, or back to the form with the API's message.
 */
export async function handleUpload(event: RequestEvent, locale: Lang): Promise<Response> {
  const uploadPath = localePath(locale, '/space/upload');
  const type = event.request.headers.get('content-type') ?? '';
  let status = 400;
  let message: string = t(locale, 'space.upload.noFile');
  let location: string | null = null;

  // The API's limit (the same configuration). A body declared well beyond it is answered at once: sending
  // 50 MB on to be refused wastes the user's time, and the API's early 413 cuts the stream mid-way.
  const maxBytes = config().UPLOAD_MAX_BYTES;
  const declared = Number(event.request.headers.get('content-length') ?? 0);
  if (declared > maxBytes + 1024 * 1024) {
    status = 413;
    message = t(locale, 'space.upload.tooLarge');
  } else if (type.startsWith('multipart/form-data')) {
    const res = await forwardToApi(event, API.imports);
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      body = null;
    }
    status = res.status;
    if (res.ok && body && typeof body === 'object' && typeof (body as { id?: unknown }).id === 'string') {
      const b = body as { id: string; duplicate?: boolean };
      // The same file again: the API answers with the earlier upload, which the page says.
      location = importPath(locale, b.id) + (b.duplicate ? '?doublon=1' : '');
    } else if (res.status === 401) {
      location = `${localePath(locale, '/space/login')}?next=${encodeURIComponent(uploadPath)}`;
    } else if (res.status === 413) {
      message = t(locale, 'space.upload.tooLarge');
    } else {
      message =
        problemMessage(body, locale) ??
        (res.status >= 500 ? t(locale, 'space.upload.failed') : t(locale, 'error.generic'));
    }
  }

  if (wantsJson(event)) {
    return new Response(JSON.stringify(location ? { location } : { message }), {
      status: location ? 200 : status,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  if (location) return new Response(null, { status: 303, headers: { location } });
  // Without JavaScript the form page shows the message once, from a short-lived cookie.
  event.cookies.set(FLASH_COOKIE, encodeURIComponent(message), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    maxAge: 120,
    secure: event.url.protocol === 'https:',
  });
  return new Response(null, { status: 303, headers: { location: uploadPath } });
}

export function takeFlash(event: RequestEvent): string | null {
  const v = event.cookies.get(FLASH_COOKIE);
  if (!v) return null;
  event.cookies.delete(FLASH_COOKIE, { path: '/' });
  try {
    return decodeURIComponent(v);
  } catch {
    return null;
  }
}
