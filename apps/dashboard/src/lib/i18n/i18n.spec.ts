import { describe, expect, it } from 'vitest';
import { LANGS, formatCount, isMessageKey, messages, t, type Message, type MessageKey } from './index.js';

const keys = Object.keys(messages.fr) as MessageKey[];
const placeholders = (m: Message): string[] =>
  [
    ...new Set(
      (typeof m === 'string' ? [m] : Object.values(m)).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1])),
    ),
  ].sort();

describe('message catalogue', () => {
  it('has every key in French and English, written, with the same placeholders in both', () => {
    expect(Object.keys(messages.en).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      for (const lang of LANGS) {
        const m: Message = messages[lang][key];
        // A message is written in both languages (only the empty group suffix is empty on purpose).
        if (typeof m === 'string' && key !== 'chart.groupSuffix.all') expect(m.trim(), `${lang} ${key}`).not.toBe('');
      }
      expect(placeholders(messages.en[key]), key).toEqual(placeholders(messages.fr[key]));
    }
  });

  it('gives every plural message the forms its language needs, in both languages', () => {
    const plural = keys.filter((k) => typeof messages.fr[k] !== 'string');
    expect(plural.length).toBeGreaterThan(5);
    for (const key of plural) {
      for (const lang of LANGS) {
        const m = messages[lang][key];
        expect(typeof m, `${lang} ${key}`).toBe('object');
        const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
        // French also has `many` (1 000 000 de lignes): `other` stands for it, as for any form not written.
        for (const category of categories.filter((c) => c === 'one' || c === 'other'))
          expect((m as Record<string, string>)[category], `${lang} ${key} ${category}`).toBeTruthy();
      }
    }
  });

  it('fills placeholders', () => {
    expect(t('fr', 'home.cases', { year: 2025 })).toBe('personnes suivies en 2025');
    expect(t('fr', 'chart.gender.subtitle', { group: '' })).toBe('Nombre de personnes par genre');
  });

  it('chooses the plural form with Intl.PluralRules: French 0 and 1 singular, English only 1', () => {
    expect([0, 1, 2].map((count) => t('fr', 'space.report.rows', { count }))).toEqual([
      '0 ligne',
      '1 ligne',
      '2 lignes',
    ]);
    expect([0, 1, 2].map((count) => t('en', 'space.report.rows', { count }))).toEqual(['0 rows', '1 row', '2 rows']);
    expect(t('fr', 'describe.seriesWithheld', { count: 1 })).toBe('1 valeur masquée');
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
