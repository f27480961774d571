import { describe, expect, it } from 'vitest';
import { releaseAnnotationSchema, releasePagePath } from '../src/index.js';

describe('release page', () => {
  it('has the dashboard’s paths (apps/dashboard/src/lib/paths.spec.ts checks the same ones)', () => {
    expect(releasePagePath('fr', '2026-07-30')).toBe('/publications/2026-07-30');
    expect(releasePagePath('en', '2026-07-30')).toBe('/en/releases/2026-07-30');
  });

  it('takes one-line annotations of 1 to 60 characters, trimmed', () => {
    expect(releaseAnnotationSchema.parse({ year: 2020, text: { fr: ' confinement ', en: 'lockdown' } }).text.fr).toBe(
      'confinement',
    );
    expect(releaseAnnotationSchema.safeParse({ year: 2020, text: { fr: 'a\nb', en: 'x' } }).success).toBe(false);
    expect(releaseAnnotationSchema.safeParse({ year: 2020, text: { fr: 'x'.repeat(61), en: 'x' } }).success).toBe(
      false,
    );
    expect(releaseAnnotationSchema.safeParse({ year: 2020, text: { fr: '  ', en: 'x' } }).success).toBe(false);
  });
});
