import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyPrefixSet } from './key-set.js';

const key = (id: string) => createHmac('sha256', 'k').update(id).digest('hex');

describe('KeyPrefixSet', () => {
  it('says no for new pairs and yes for repeated ones, across growth', () => {
    const set = new KeyPrefixSet();
    for (let i = 0; i < 50_000; i++) expect(set.add(2020 + (i % 3), key(`id-${i}`))).toBe(false);
    for (let i = 0; i < 50_000; i += 997) expect(set.add(2020 + (i % 3), key(`id-${i}`))).toBe(true);
  });

  it('tells the same key in two years apart', () => {
    const set = new KeyPrefixSet();
    expect(set.add(2020, key('a'))).toBe(false);
    expect(set.add(2021, key('a'))).toBe(false);
    expect(set.add(2021, key('a'))).toBe(true);
  });

  it('keeps a key whose low word is zero', () => {
    const set = new KeyPrefixSet();
    expect(set.add(2020, '1234567800000000')).toBe(false);
    expect(set.add(2020, '1234567800000000')).toBe(true);
  });
});
