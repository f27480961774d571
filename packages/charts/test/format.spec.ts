import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, formatPointChange, NNBSP } from '../src/index.js';

describe('French and English number formatting', () => {
  it('groups thousands with U+202F and uses a decimal comma in French', () => {
    expect(formatNumber(12345, 'fr')).toBe(`12${NNBSP}345`);
    expect(formatNumber(1234567.891, 'fr', 2)).toBe(`1${NNBSP}234${NNBSP}567,89`);
    expect(formatNumber(999, 'fr')).toBe('999');
  });
  it('uses commas and a decimal point in English', () => {
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(0.5, 'en', 1)).toBe('0.5');
  });
  it('writes percentages as 12,5 % in French and 12.5% in English', () => {
    expect(formatPercent(0.125, 'fr')).toBe(`12,5${NNBSP}%`);
    expect(formatPercent(0.125, 'en')).toBe('12.5%');
    expect(formatPercent(0.5, 'fr', 0)).toBe(`50${NNBSP}%`);
  });
  it('signs a change in points', () => {
    expect(formatPointChange(3.21, 'fr')).toBe(`+3,2${NNBSP}pts`);
    expect(formatPointChange(-1, 'en')).toBe('\u22121.0 pts');
  });
});
