/**
 * Words of the public pages: `t(lang, key, params)` over messages.ts. The association space and the admin read
 * theirs through ./space.ts (same `t()`, their own catalogue besides this one).
 */
import { fill, type Lang, type Params } from './core.js';
import { messages, type MessageKey } from './messages.js';

export { formatCount, formatDate, formatDateTime, LANGS, type Lang, type Message, type PluralForms } from './core.js';
export { messages, type MessageKey };

/** The keys whose message exists: for a key built at run time. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages.fr, key);
}

/** The message `key` in `lang`, {placeholders} filled, its plural form chosen by {count} (see core.ts `fill`). */
export function t(lang: Lang, key: MessageKey, params?: Params): string {
  return fill(messages[lang][key] ?? messages.fr[key], lang, params);
}
