import { describe, expect, it } from 'vitest';
import { AGE_BANDS, ageBandOf, isMinorAge, isMinorBand, resolveCode } from '../src/index.js';

describe('ageBandOf', () => {
  it.each([
    [0, '0-8'],
    [8, '0-8'],
    [9, '9-17'],
    [17, '9-17'],
    [17.99, '9-17'],
    [18, '18-20'],
    [20, '18-20'],
    [21, '21-23'],
    [23, '21-23'],
    [24, '24-26'],
    [26, '24-26'],
    [27, '27-29'],
    [29, '27-29'],
    [30, '30-38'],
    [38, '30-38'],
    [39, '39-47'],
    [47, '39-47'],
    [48, '48+'],
    [99, '48+'],
    [120, '48+'],
  ])('%d → %s', (age, band) => {
    expect(ageBandOf(age)).toBe(band);
  });

  it.each([[-1], [121], [Number.NaN], [Number.POSITIVE_INFINITY]])('%d → unknown', (age) => {
    expect(ageBandOf(age)).toBe('unknown');
  });

  it('only produces listed bands', () => {
    for (let age = 0; age <= 120; age += 0.5) expect(AGE_BANDS).toContain(ageBandOf(age));
  });
});

describe('minor flag', () => {
  it('is true strictly under 18', () => {
    expect(isMinorAge(0)).toBe(true);
    expect(isMinorAge(17)).toBe(true);
    expect(isMinorAge(17.99)).toBe(true);
    expect(isMinorAge(18)).toBe(false);
    expect(isMinorAge(45)).toBe(false);
    expect(isMinorAge(-3)).toBe(false);
    expect(isMinorAge(Number.NaN)).toBe(false);
  });

  it('agrees with the band of every age', () => {
    for (let age = 0; age <= 100; age++) expect(isMinorBand(ageBandOf(age))).toBe(isMinorAge(age));
    expect(isMinorBand('unknown')).toBeNull();
  });
});

describe('age band labels', () => {
  it.each([
    ['18-20', '18-20'],
    ['18 à 20 ans', '18-20'],
    ['48 ans et plus', '48+'],
    ['48+', '48+'],
    ['0--8', '0-8'],
    ['NC', 'unknown'],
  ])('%s → %s', (raw, band) => {
    expect(resolveCode('ageBand', raw)).toBe(band);
  });
});
