import { describe, expect, it } from 'vitest';
import { LANGS, formatCount, messages, t as publicT, type Lang, type Message } from './index.js';
import { isMessageKey, spaceMessages, t } from './space.js';

type Catalogue = Record<Lang, Record<string, Message>>;
const catalogues: [string, Catalogue][] = [
  ['public', messages],
  ['space', spaceMessages],
];
const placeholders = (m: Message): string[] =>
  [
    ...new Set(
      (typeof m === 'string' ? [m] : Object.values(m)).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1])),
    ),
  ].sort();

describe('message catalogue', () => {
  it.each(catalogues)(
    '%s: has every key in French and English, written, with the same placeholders in both',
    (_, catalogue) => {
      const keys = Object.keys(catalogue.fr);
      expect(Object.keys(catalogue.en).sort()).toEqual([...keys].sort());
      for (const key of keys) {
        for (const lang of LANGS) {
          const m: Message = catalogue[lang][key];
          // A message is written in both languages (only the empty group suffix is empty on purpose).
          if (typeof m === 'string' && key !== 'chart.groupSuffix.all') expect(m.trim(), `${lang} ${key}`).not.toBe('');
        }
        expect(placeholders(catalogue.en[key]), key).toEqual(placeholders(catalogue.fr[key]));
      }
    },
  );

  it.each(catalogues)(
    '%s: gives every plural message the forms its language needs, in both languages',
    (_, catalogue) => {
      const plural = Object.keys(catalogue.fr).filter((k) => typeof catalogue.fr[k] !== 'string');
      expect(plural.length).toBeGreaterThan(1);
      for (const key of plural) {
        for (const lang of LANGS) {
          const m = catalogue[lang][key];
          expect(typeof m, `${lang} ${key}`).toBe('object');
          const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
          // French also has `many` (1 000 000 de lignes): `other` stands for it, as for any form not written.
          for (const category of categories.filter((c) => c === 'one' || c === 'other'))
            expect((m as Record<string, string>)[category], `${lang} ${key} ${category}`).toBeTruthy();
        }
      }
    },
  );

  it('keeps the two catalogues apart: no key in both', () => {
    expect(Object.keys(spaceMessages.fr).filter((k) => Object.hasOwn(messages.fr, k))).toEqual([]);
  });

  it('fills placeholders', () => {
    expect(publicT('fr', 'home.cases', { year: 2025 })).toBe('personnes suivies en 2025');
    expect(t('en', 'site.skip')).toBe(publicT('en', 'site.skip'));
    expect(publicT('fr', 'chart.gender.subtitle', { group: '' })).toBe('Nombre de personnes par genre');
  });

  it('chooses the plural form with Intl.PluralRules: French 0 and 1 singular, English only 1', () => {
    expect([0, 1, 2].map((count) => t('fr', 'space.report.rows', { count }))).toEqual([
      '0 ligne',
      '1 ligne',
      '2 lignes',
    ]);
    expect([0, 1, 2].map((count) => t('en', 'space.report.rows', { count }))).toEqual(['0 rows', '1 row', '2 rows']);
    expect(publicT('fr', 'describe.seriesWithheld', { count: 1 })).toBe('1 valeur non publiée');
    expect(t('en', 'space.report.read', { count: 1 })).toBe('row read');
    expect(t('fr', 'space.report.read', { count: 1234 })).toBe('lignes lues');
  });

  it('writes the count as the language does', () => {
    expect(t('fr', 'space.report.rows', { count: 1234 })).toBe(`${formatCount(1234, 'fr')} lignes`);
    expect(formatCount(1234, 'fr')).toBe('1\u202f234');
    expect(t('en', 'space.report.rows', { count: 1234 })).toBe('1,234 rows');
  });

  it('knows which keys exist, for keys built at run time', () => {
    expect(isMessageKey('space.status.committed')).toBe(true);
    expect(isMessageKey('space.status.nothing')).toBe(false);
    expect(isMessageKey('constructor')).toBe(false);
  });
});
