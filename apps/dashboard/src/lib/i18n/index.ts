import { messages, type Lang, type MessageKey } from './messages.js';

export { messages, type Lang, type MessageKey };
export const LANGS: readonly Lang[] = ['fr', 'en'];

/** Message in `lang` with {placeholders} filled. Unknown placeholders stay visible so a typo shows up in review. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text: string = messages[lang][key] ?? messages.fr[key];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)).trim();
}

/** Path of a page in a language: French at the root, English under /en. */
export function localePath(lang: Lang, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  if (lang === 'fr') return clean;
  return clean === '/' ? '/en' : `/en${clean}`;
}

/** Strips the /en prefix: the same page in the other language keeps its path. */
export function unlocalisedPath(pathname: string): string {
  if (pathname === '/en' || pathname === '/en/') return '/';
  return pathname.startsWith('/en/') ? pathname.slice(3) : pathname;
}

// Building an Intl.DateTimeFormat costs more than formatting with it: one per language.
const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

export function formatDate(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dateFormats[lang].format(d);
}
