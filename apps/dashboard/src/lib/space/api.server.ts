import type { RequestEvent } from '@sveltejs/kit';
// The browser never talks to the API directly: everything goes through the dashboard's origin.
import { apiBaseUrl } from '$lib/api/config.server.js';

// Hop-by-hop headers (RFC 9110 §7.6.1) and those the proxy recomputes itself. `Expect: 100-continue` is answered
// on this hop (Node's server sends the 100 before SvelteKit reads the body, RFC 9110 §10.1.1) and must not go
// on: undici refuses a request carrying it ("expect header not supported"), which answered 502 to every
// upload over 1 MB that curl sent (issue 12, finding 10).
const HOP_BY_HOP = new Set([
  'connection',
  'expect',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-real-ip',
]);

function problem(status: number, fr: string, en: string): Response {
  return new Response(
    JSON.stringify({
      type: 'about:blank',
      title: en,
      status,
      detail: `${fr} / ${en}`,
      messages: { fr, en },
    }),
    { status, headers: { 'content-type': 'application/problem+json; charset=utf-8', 'cache-control': 'no-store' } },
  );
}

/**
 * Forwards one request to the API and streams both bodies: a 50 MB upload goes through as it arrives, never held
 * in memory. Cookies, Origin and Sec-Fetch-Site pass unchanged so the API applies its own session and CSRF
 * checks; the client address is sent as X-Forwarded-For, replacing any value the client sent, because the API
 * trusts this one hop and a client-supplied chain would let anyone pick the address that login throttling sees.
 */
export async function forwardToApi(event: RequestEvent, pathAndQuery: string): Promise<Response> {
  const req = event.request;
  const headers = new Headers();
  for (const [name, value] of req.headers) {
    if (!HOP_BY_HOP.has(name)) headers.set(name, value);
  }
  // Undici would decompress a gzip answer yet keep its Content-Encoding header: ask for plain bytes instead.
  headers.set('accept-encoding', 'identity');
  let clientIp = '';
  try {
    clientIp = event.getClientAddress();
  } catch {
    // Internal requests made during server rendering may have no socket address; the API then sees ours.
  }
  if (clientIp) headers.set('x-forwarded-for', clientIp);
  headers.set('x-forwarded-host', event.url.host);
  headers.set('x-forwarded-proto', event.url.protocol.replace(/:$/, ''));

  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && req.body !== null;
  let upstream: Response;
  try {
    upstream = await fetch(apiBaseUrl() + pathAndQuery, {
      method: req.method,
      headers,
      body: hasBody ? req.body : undefined,
      redirect: 'manual',
      // Required by undici to send a ReadableStream body: the request streams while the answer is awaited.
      ...(hasBody ? { duplex: 'half' } : {}),
    } as RequestInit);
  } catch {
    return problem(
      502,
      'Le service de données ne répond pas. Réessayez dans quelques minutes ; si cela continue, prévenez le collectif.',
      'The data service is not answering. Try again in a few minutes; if it goes on, tell the collective.',
    );
  }

  const out = new Headers();
  for (const [name, value] of upstream.headers) {
    if (HOP_BY_HOP.has(name) || name === 'set-cookie' || name === 'content-encoding' || name === 'content-length') {
      continue;
    }
    out.set(name, value);
  }
  for (const cookie of upstream.headers.getSetCookie()) out.append('set-cookie', cookie);
  return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers: out });
}
