import { describe, expect, it } from 'vitest';
import {
  COUNTRY_CODES,
  WORLD_REGIONS,
  countryName,
  countryRegion,
  resolveCountry,
  worldRegionLabels,
} from '../src/index.js';

describe('resolveCountry', () => {
  it.each([
    ['Nigéria', 'NG'],
    ['Nigeria', 'NG'],
    ['NG', 'NG'],
    ['ng', 'NG'],
    ['NGA', 'NG'],
    ["Côte d'Ivoire", 'CI'],
    ['Côte d’Ivoire', 'CI'],
    ['Cote-d-Ivoire', 'CI'],
    ['Ivory Coast', 'CI'],
    ['Viêt Nam', 'VN'],
    ['Vietnam', 'VN'],
    ['Roumanie', 'RO'],
    ['Chine', 'CN'],
    ['Brésil', 'BR'],
    ['Maroc', 'MA'],
    ['Bulgarie', 'BG'],
    ['Guinée', 'GN'],
    ['Cameroun', 'CM'],
    ['Albanie', 'AL'],
    ['Ukraine', 'UA'],
    ['France', 'FR'],
    ['Française', 'FR'],
    ['French', 'FR'],
    ['Nigériane', 'NG'],
    ['Roumaine', 'RO'],
    ['Guinée-Bissau', 'GW'],
    ['Guinée équatoriale', 'GQ'],
    ['RDC', 'CD'],
    ['United Kingdom', 'GB'],
    ['Royaume-Uni', 'GB'],
    ['Angleterre', 'GB'],
    ['États-Unis', 'US'],
    ['USA', 'US'],
    // Everyday names the ISO tables lack.
    ['Syria', 'SY'],
    ['Tanzanie', 'TZ'],
    ['Moldova', 'MD'],
    ['Guyane', 'GF'],
    // Nationality words in their feminine and plural forms.
    ['Nigérianes', 'NG'],
    ['Nigerians', 'NG'],
    ['Ivoiriennes', 'CI'],
    ['Chinoises', 'CN'],
    ['Grecque', 'GR'],
    ['Turque', 'TR'],
    ['Syrienne', 'SY'],
    ['Érythréenne', 'ER'],
    ['Afghane', 'AF'],
    ['Vietnamese', 'VN'],
    // Where the nationality package is wrong or silent.
    ['Gallois', 'GB'],
    ['Galloise', 'GB'],
    ['Wallisienne', 'WF'],
    ['Guyanaise', 'GF'],
    ['Guyanienne', 'GY'],
    ['Palestiniennes', 'PS'],
    ['Jamaïcaine', 'JM'],
    ['Libérienne', 'LR'],
    ['Dominicaine', 'DO'],
    ['Réunionnaise', 'RE'],
    ['Polynésienne', 'PF'],
  ])('%s → %s', (raw, alpha2) => {
    expect(resolveCountry(raw)).toBe(alpha2);
  });

  it('refuses to guess an ambiguous or unknown name', () => {
    expect(resolveCountry('Congo')).toBeNull();
    expect(resolveCountry('Congolaise')).toBeNull();
    expect(resolveCountry('Dominican')).toBeNull();
    expect(resolveCountry('Atlantide')).toBeNull();
    expect(resolveCountry('')).toBeNull();
    expect(resolveCountry('XX')).toBeNull();
  });

  it('resolves the French and English name of every country back to its code', () => {
    const misses: string[] = [];
    for (const code of COUNTRY_CODES) {
      for (const locale of ['fr', 'en'] as const) {
        const name = countryName(code, locale);
        if (name && resolveCountry(name) !== code) misses.push(`${locale} ${code} ${name} → ${resolveCountry(name)}`);
      }
    }
    expect(misses).toEqual([]);
  });
});

describe('countryRegion', () => {
  it.each([
    ['NG', 'west_africa'],
    ['CI', 'west_africa'],
    ['FR', 'france'],
    ['RE', 'france'],
    ['RO', 'central_southeastern_europe'],
    ['BG', 'central_southeastern_europe'],
    ['AL', 'central_southeastern_europe'],
    ['UA', 'eastern_europe_central_asia'],
    ['CN', 'east_asia_pacific'],
    ['VN', 'east_asia_pacific'],
    ['BR', 'south_america'],
    ['MA', 'north_africa_middle_east'],
    ['CM', 'central_east_southern_africa'],
    ['MX', 'central_america_caribbean'],
    ['ES', 'western_southern_europe'],
    // The grouping's own choices (countries.ts, REGION_MEMBERS).
    ['GF', 'france'],
    ['GP', 'france'],
    ['MQ', 'france'],
    ['YT', 'france'],
    ['NC', 'france'],
    ['PF', 'france'],
    ['GE', 'eastern_europe_central_asia'],
    ['AM', 'eastern_europe_central_asia'],
    ['TR', 'north_africa_middle_east'],
    ['SY', 'north_africa_middle_east'],
    ['AT', 'central_southeastern_europe'],
    ['XK', 'central_southeastern_europe'],
    ['GB', 'western_southern_europe'],
    ['LT', 'western_southern_europe'],
    ['SD', 'north_africa_middle_east'],
    ['ER', 'central_east_southern_africa'],
    ['IR', 'south_asia'],
    ['AU', 'east_asia_pacific'],
    ['US', 'north_america'],
    ['HT', 'central_america_caribbean'],
    ['ng', 'west_africa'],
    ['AQ', 'unknown'],
    ['XX', 'unknown'],
    ['unknown', 'unknown'],
  ])('%s → %s', (alpha2, region) => {
    expect(countryRegion(alpha2)).toBe(region);
  });

  it('places every country in a publication region', () => {
    const orphans = COUNTRY_CODES.filter((c) => countryRegion(c) === 'unknown' && c !== 'AQ');
    expect(orphans).toEqual([]);
  });

  it('keeps the size of each region (a code moved or mistyped in the table changes one)', () => {
    const sizes = Object.fromEntries(
      WORLD_REGIONS.map((r) => [r, COUNTRY_CODES.filter((c) => countryRegion(c) === r).length]),
    );
    expect(sizes).toEqual({
      france: 13,
      western_southern_europe: 34,
      central_southeastern_europe: 15,
      eastern_europe_central_asia: 12,
      north_africa_middle_east: 21,
      west_africa: 17,
      central_east_southern_africa: 33,
      south_asia: 9,
      east_asia_pacific: 44,
      north_america: 5,
      central_america_caribbean: 32,
      south_america: 14,
      unknown: 1,
    });
  });

  it('labels every region in French and English', () => {
    for (const r of WORLD_REGIONS) {
      expect(worldRegionLabels[r].fr).not.toBe('');
      expect(worldRegionLabels[r].en).not.toBe('');
    }
  });
});
