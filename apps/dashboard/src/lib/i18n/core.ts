/**
 * The dashboard's one way of writing words and numbers, in French first and English: messages with {placeholders}
 * and plural forms chosen by Intl.PluralRules, counts and dates as each language writes them. Two catalogues use it
 * (messages.ts for the public pages, space-messages.ts for the association space and the admin), read through
 * `t()` from ./index.ts and ./space.ts.
 */
export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];

/** The forms of a message that depends on a number, by plural category (`other` stands for any missing one). */
export type PluralForms = { readonly one: string; readonly other: string } & Readonly<
  Partial<Record<Intl.LDMLPluralRule, string>>
>;
export type Message = string | PluralForms;

/** The English catalogue of a French one: every key, a plural message staying plural (i18n.spec.ts checks more). */
export type EnglishOf<F extends Record<string, Message>> = {
  readonly [K in keyof F]: F[K] extends string ? string : PluralForms;
};
export type Params = Record<string, string | number>;

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

const pluralRules: Record<Lang, Intl.PluralRules> = {
  fr: new Intl.PluralRules(LOCALES.fr),
  en: new Intl.PluralRules(LOCALES.en),
};
const numberFormats: Record<Lang, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat(LOCALES.fr),
  en: new Intl.NumberFormat(LOCALES.en),
};

/**
 * A message with {placeholders} filled. A message with plural forms takes the form of its {count}, which is written
 * as a number of the language (French "1 234 lignes"); "0 ligne" but "0 rows", as Intl.PluralRules says. A
 * placeholder filled with nothing takes the space before it along ("par genre {group}" → "par genre"). Unknown
 * placeholders stay visible so a typo shows up in review.
 */
export function fill(entry: Message, lang: Lang, params: Params = {}): string {
  let text: string;
  const values: Params = { ...params };
  if (typeof entry === 'string') {
    text = entry;
  } else {
    // A count the caller does not have (null from an older payload) reads as the `other` form, never as "NaN".
    const count = typeof params.count === 'number' ? params.count : Number.NaN;
    text = (Number.isFinite(count) ? entry[pluralRules[lang].select(count)] : undefined) ?? entry.other;
    if (Number.isFinite(count)) values.count = numberFormats[lang].format(count);
  }
  return text.replace(/( ?)\{(\w+)\}/g, (m, space: string, name: string) => {
    if (!(name in values)) return m;
    const value = String(values[name]);
    return value === '' ? '' : space + value;
  });
}

/** A count as the language writes it ("1 234", "1,234"); a dash when there is none. */
export function formatCount(n: number | null | undefined, lang: Lang): string {
  if (n === null || n === undefined) return '—';
  return numberFormats[lang].format(n);
}

// Building an Intl.DateTimeFormat costs more than formatting with it: one per language.
const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat(LOCALES.fr, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat(LOCALES.en, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

export function formatDate(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dateFormats[lang].format(d);
}

// Times of uploads and logins, as the associations read them: in Paris time.
const dateTimeFormats: Record<Lang, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat(LOCALES.fr, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' }),
  en: new Intl.DateTimeFormat(LOCALES.en, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' }),
};

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return dateTimeFormats[lang].format(d);
}
