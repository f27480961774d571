import { describe, expect, it } from 'vitest';
import { labelKey, normaliseLabel } from '../src/index.js';

describe('normaliseLabel', () => {
  it.each([
    ['Réseaux sociaux', 'reseaux sociaux'],
    ['  RÉSEAUX-SOCIAUX (RS) ', 'reseaux sociaux rs'],
    ["Côte d'Ivoire", 'cote d ivoire'],
    ['Côte d’Ivoire', 'cote d ivoire'],
    ['Viêt Nam', 'viet nam'],
    ['Sœur', 'soeur'],
    ['Plateforme(s) utilisée(s)', 'plateforme s utilisee s'],
    ['N° dossier', 'n dossier'],
    ['48+', '48'],
    ['a\u00a0b\tc\nd', 'a b c d'],
    ['', ''],
    ['---', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseLabel(raw)).toBe(expected);
  });

  it('keeps letters of any script, so that non-Latin labels stay distinct', () => {
    expect(normaliseLabel('Россия')).toBe('россия');
  });
});

describe('labelKey', () => {
  it('makes spacing irrelevant', () => {
    expect(labelKey('Le Bon Coin')).toBe(labelKey('leboncoin'));
    expect(labelKey('Tik-Tok')).toBe(labelKey('TikTok'));
    expect(labelKey('Le Bon Coin')).not.toBe(labelKey('Le Bon Coins'));
  });
});
