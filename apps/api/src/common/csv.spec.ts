import { describe, expect, it } from 'vitest';
import { formulaSafe } from './csv.js';

describe('formulaSafe', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    for (const s of ['=1+1', '+33', '-2', '@SUM(A1)', '\tx', '\rx', '＝1', '＋1', '－1', '＠x']) {
      expect(formulaSafe(s)).toBe(`'${s}`);
    }
  });

  it('leaves ordinary text and real numbers alone', () => {
    expect(formulaSafe('social_network')).toBe('social_network');
    expect(formulaSafe(-3)).toBe(-3);
    expect(formulaSafe(2024)).toBe(2024);
    expect(formulaSafe(null)).toBe('');
    expect(formulaSafe(true)).toBe('true');
  });
});
