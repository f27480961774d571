import { describe, expect, it } from 'vitest';
import { publishedMass } from './published-mass.js';
import type { ReleaseInfo } from '$lib/api/types.js';

const release = (publishedMass?: ReleaseInfo['publishedMass']) =>
  ({ slug: '2026-07-30', referenceYears: [2016, 2025], publishedMass }) as unknown as ReleaseInfo;

describe('published mass on the methodology page', () => {
  it('lists the charts the release measured, in the site order, named as their default view', () => {
    const rows = publishedMass(
      release({
        platforms: { persons: 0.96, cells: 0.7 },
        'online-offline': { persons: 0.999, cells: 0.97 },
        'not-a-chart': { persons: 1, cells: 1 },
      }),
      'fr',
    );
    expect(rows).toEqual([
      { id: 'online-offline', chart: 'Recrutement en ligne et hors ligne', persons: 0.999, cells: 0.97 },
      { id: 'platforms', chart: 'Plateformes de recrutement en 2025', persons: 0.96, cells: 0.7 },
    ]);
    expect(publishedMass(release({ gender: { persons: 1, cells: 1 } }), 'en')[0].chart).toBe(
      'Gender of victims in 2025',
    );
  });

  it('shows nothing when the release stored no published mass', () => {
    expect(publishedMass(release(undefined), 'fr')).toEqual([]);
    expect(publishedMass(release({}), 'en')).toEqual([]);
  });
});
