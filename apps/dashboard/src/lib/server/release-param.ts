/** `?release=` value: a release id or 'latest' (the default). Apart from api.ts so that http-cache.ts reads it alone. */
export function requestedRelease(url: URL): string {
  const r = url.searchParams.get('release');
  return r && /^[\w.-]{1,64}$/.test(r) ? r : 'latest';
}
