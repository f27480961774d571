import { messages, type Lang, type MessageKey } from './messages.js';

export { messages, type Lang, type MessageKey };
export const LANGS: readonly Lang[] = ['fr', 'en'];

/** Message in `lang` with {placeholders} filled. Unknown placeholders stay visible so a typo shows up in review. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text: string = messages[lang][key] ?? messages.fr[key];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)).trim();
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
