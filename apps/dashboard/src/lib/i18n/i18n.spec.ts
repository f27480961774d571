import { describe, expect, it } from 'vitest';
import { messages, t } from './index.js';

describe('message catalogue', () => {
  it('has every key in French and English, and the same placeholders in both', () => {
    const fr = Object.keys(messages.fr).sort();
    expect(Object.keys(messages.en).sort()).toEqual(fr);
    for (const key of fr as (keyof typeof messages.fr)[]) {
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(ph(messages.en[key]), key).toEqual(ph(messages.fr[key]));
    }
  });

  it('fills placeholders', () => {
    expect(t('fr', 'home.cases', { year: 2025 })).toBe('personnes suivies en 2025');
  });
});
