import countries from 'i18n-iso-countries';
import enLocale from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import frLocale from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import worldCountriesModule from 'world-countries';
import type { Countries } from 'world-countries';
import type { LocalisedText } from './localised-text.js';
import { labelKey } from './normalise.js';

// Registered explicitly: the browser build of i18n-iso-countries ships no locale.
countries.registerLocale(frLocale);
countries.registerLocale(enLocale);

/**
 * Regions used to publish citizenship (never country by country, so small groups stay hidden).
 * Built from the UN geoscheme subregions carried by world-countries, merged the way UNODC's Global Report
 * groups origins, with France on its own because most French cases are domestic.
 */
export const WORLD_REGIONS = [
  'france',
  'western_southern_europe',
  'central_southeastern_europe',
  'eastern_europe_central_asia',
  'north_africa_middle_east',
  'west_africa',
  'central_east_southern_africa',
  'south_asia',
  'east_asia_pacific',
  'north_america',
  'central_america_caribbean',
  'south_america',
  'unknown',
] as const;
export type WorldRegion = (typeof WORLD_REGIONS)[number];

export const worldRegionLabels: Record<WorldRegion, LocalisedText> = {
  france: { fr: 'France', en: 'France' },
  western_southern_europe: { fr: 'Europe de l’Ouest et du Sud', en: 'Western and Southern Europe' },
  central_southeastern_europe: { fr: 'Europe centrale et du Sud-Est', en: 'Central and South-Eastern Europe' },
  eastern_europe_central_asia: { fr: 'Europe de l’Est et Asie centrale', en: 'Eastern Europe and Central Asia' },
  north_africa_middle_east: { fr: 'Afrique du Nord et Moyen-Orient', en: 'North Africa and the Middle East' },
  west_africa: { fr: 'Afrique de l’Ouest', en: 'West Africa' },
  central_east_southern_africa: {
    fr: 'Afrique centrale, de l’Est et australe',
    en: 'Central, East and Southern Africa',
  },
  south_asia: { fr: 'Asie du Sud', en: 'South Asia' },
  east_asia_pacific: { fr: 'Asie de l’Est et Pacifique', en: 'East Asia and the Pacific' },
  north_america: { fr: 'Amérique du Nord', en: 'North America' },
  central_america_caribbean: { fr: 'Amérique centrale et Caraïbes', en: 'Central America and the Caribbean' },
  south_america: { fr: 'Amérique du Sud', en: 'South America' },
  unknown: { fr: 'Inconnue', en: 'Unknown' },
};

const SUBREGION_TO_REGION: Record<string, WorldRegion> = {
  'Western Europe': 'western_southern_europe',
  'Northern Europe': 'western_southern_europe',
  'Southern Europe': 'western_southern_europe',
  'Central Europe': 'central_southeastern_europe',
  'Southeast Europe': 'central_southeastern_europe',
  'Eastern Europe': 'eastern_europe_central_asia',
  'Central Asia': 'eastern_europe_central_asia',
  'Northern Africa': 'north_africa_middle_east',
  'Western Asia': 'north_africa_middle_east',
  'Western Africa': 'west_africa',
  'Middle Africa': 'central_east_southern_africa',
  'Eastern Africa': 'central_east_southern_africa',
  'Southern Africa': 'central_east_southern_africa',
  'Southern Asia': 'south_asia',
  'Eastern Asia': 'east_asia_pacific',
  'South-Eastern Asia': 'east_asia_pacific',
  'Australia and New Zealand': 'east_asia_pacific',
  Melanesia: 'east_asia_pacific',
  Micronesia: 'east_asia_pacific',
  Polynesia: 'east_asia_pacific',
  'North America': 'north_america',
  'Central America': 'central_america_caribbean',
  Caribbean: 'central_america_caribbean',
  'South America': 'south_america',
};

// Where the UN subregion and the publication grouping disagree. French overseas departments and
// collectivities have their own ISO codes but their people are French citizens.
const REGION_OVERRIDES: Record<string, WorldRegion> = {
  FR: 'france',
  GF: 'france',
  GP: 'france',
  MQ: 'france',
  RE: 'france',
  YT: 'france',
  PM: 'france',
  BL: 'france',
  MF: 'france',
  NC: 'france',
  PF: 'france',
  WF: 'france',
  TF: 'france',
  MX: 'central_america_caribbean',
  // South Caucasus: grouped with Eastern Europe and Central Asia as in the UNODC Global Report.
  AM: 'eastern_europe_central_asia',
  AZ: 'eastern_europe_central_asia',
  GE: 'eastern_europe_central_asia',
  BV: 'western_southern_europe',
  GS: 'south_america',
  HM: 'east_asia_pacific',
  AQ: 'unknown',
};

// world-countries types its CJS default export in a way NodeNext reads as the namespace; at run time it is the array.
const worldCountries = worldCountriesModule as unknown as Countries;

const regionByAlpha2 = new Map<string, WorldRegion>();
for (const c of worldCountries) {
  regionByAlpha2.set(c.cca2, REGION_OVERRIDES[c.cca2] ?? SUBREGION_TO_REGION[c.subregion] ?? 'unknown');
}

/** Publication region of an ISO 3166-1 alpha-2 code; 'unknown' for anything else (including 'unknown'). */
export function countryRegion(alpha2: string): WorldRegion {
  return regionByAlpha2.get(alpha2.toUpperCase()) ?? 'unknown';
}

/** Every ISO 3166-1 alpha-2 code known to the country package. */
export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();

export function isCountryCode(code: string): boolean {
  return countries.isValid(code) && code.length === 2 && code === code.toUpperCase();
}

/** Country name in the given locale ("Côte d’Ivoire"), or undefined for an unknown code. */
export function countryName(alpha2: string, locale: 'fr' | 'en'): string | undefined {
  return countries.getName(alpha2, locale);
}

let nameIndex: Map<string, string> | undefined;

/** Everyday names the country packages lack (colloquial or historical), checked by the test suite. */
const EXTRA_NAMES: Record<string, string[]> = {
  GB: ['Angleterre', 'Grande-Bretagne', 'Écosse', 'Pays de Galles', 'England', 'Great Britain', 'Scotland', 'Wales'],
  NL: ['Hollande', 'Holland'],
  CD: ['RDC', 'DRC', 'RD Congo', 'Congo-Kinshasa', 'Congo Kinshasa', 'Zaïre'],
  CG: ['Congo-Brazzaville', 'Congo Brazzaville'],
  US: ['États-Unis d’Amérique', 'Etats Unis', 'USA', 'Amérique'],
  CZ: ['Tchéquie', 'République tchèque'],
  CI: ['Ivoirien', 'Ivoirienne', 'Ivoiriens', 'Ivoiriennes'],
  MK: ['Macédoine', 'Macédoine du Nord', 'Macedonia'],
  MM: ['Birmanie', 'Burma'],
  SZ: ['Swaziland'],
  TR: ['Turquie', 'Türkiye'],
};

/**
 * Index of names: official and alternative names (fr/en) from i18n-iso-countries, common/official names,
 * translations and alternative spellings from world-countries, then demonyms (Française, Nigériane,
 * Nigerian). When several countries claim a key, names beat demonyms, then an independent country beats
 * dependent territories ("Française" is France, not French Guiana); a key still shared (Congo, Dominican)
 * is dropped: guessing would be worse than asking.
 */
function countryIndex(): Map<string, string> {
  if (nameIndex) return nameIndex;
  // key → priority → countries claiming it (0 = name, 1 = demonym)
  const claims = new Map<string, Map<number, Set<string>>>();
  const claim = (name: string | undefined, alpha2: string, priority: 0 | 1) => {
    if (!name) return;
    const key = labelKey(name);
    if (!key) return;
    const byPriority = claims.get(key) ?? new Map<number, Set<string>>();
    const set = byPriority.get(priority) ?? new Set<string>();
    set.add(alpha2);
    byPriority.set(priority, set);
    claims.set(key, byPriority);
  };
  for (const locale of ['fr', 'en'] as const) {
    const names = countries.getNames(locale, { select: 'all' }) as Record<string, string[]>;
    for (const [alpha2, list] of Object.entries(names)) for (const n of list) claim(n, alpha2, 0);
  }
  const independent = new Set<string>();
  for (const c of worldCountries) {
    if (c.independent) independent.add(c.cca2);
    claim(c.name.common, c.cca2, 0);
    claim(c.name.official, c.cca2, 0);
    const fra = c.translations?.fra;
    claim(fra?.common, c.cca2, 0);
    claim(fra?.official, c.cca2, 0);
    for (const alt of c.altSpellings ?? []) claim(alt, c.cca2, 0);
    for (const d of [c.demonyms?.fra, c.demonyms?.eng]) {
      claim(d?.f, c.cca2, 1);
      claim(d?.m, c.cca2, 1);
      // French plurals seen in exports ("Nigérianes", "Roumains").
      if (d?.f && !d.f.endsWith('s')) claim(`${d.f}s`, c.cca2, 1);
      if (d?.m && !d.m.endsWith('s')) claim(`${d.m}s`, c.cca2, 1);
    }
  }
  for (const [alpha2, names] of Object.entries(EXTRA_NAMES)) for (const n of names) claim(n, alpha2, 0);
  const index = new Map<string, string>();
  for (const [key, byPriority] of claims) {
    const best = byPriority.get(0) ?? byPriority.get(1);
    if (!best) continue;
    let candidates = [...best];
    if (candidates.length > 1) candidates = candidates.filter((c) => independent.has(c));
    if (candidates.length === 1) index.set(key, candidates[0]);
  }
  // Codes come last so that an alpha-2/alpha-3 code always wins over a colliding name.
  for (const alpha2 of Object.keys(countries.getAlpha2Codes())) {
    index.set(alpha2.toLowerCase(), alpha2);
    const alpha3 = countries.alpha2ToAlpha3(alpha2);
    if (alpha3) index.set(alpha3.toLowerCase(), alpha2);
  }
  nameIndex = index;
  return index;
}

/**
 * Resolves a citizenship or country value to ISO 3166-1 alpha-2: alpha-2 ("NG"), alpha-3 ("NGA"), French or
 * English name ("Nigéria", "Côte d'Ivoire", "Viêt Nam") or demonym ("Nigériane", "French"). Null if unknown
 * or ambiguous.
 */
export function resolveCountry(raw: string): string | null {
  const key = labelKey(raw);
  if (!key) return null;
  return countryIndex().get(key) ?? null;
}
